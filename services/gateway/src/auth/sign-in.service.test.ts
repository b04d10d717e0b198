import { DataSource } from 'typeorm';
import { SignInCodeRequestedV1, type CloudEvent } from '@openday/contracts';
import { MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { loadConfig, ManualClock } from '@openday/platform';
import { createTestDatabase, testInfrastructure, testNamespace, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { AccessTokens } from '../access/access-tokens';
import { GatewaySecrets } from '../access/secrets';
import { GatewayConfig } from '../gateway.config';
import { gatewayDatabase } from '../gateway.database';
import { CitizenSignInService } from './citizen-sign-in.service';
import { SessionsService } from './sessions.service';

describe('citizen sign-in and sessions on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-11-20T08:00:00.000Z'));
  const config = loadConfig(GatewayConfig, {});
  const secrets = new GatewaySecrets(config);
  let sessions: SessionsService;
  let citizens: CitizenSignInService;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'gateway_sign_in');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...gatewayDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    sessions = new SessionsService(dataSource, new AccessTokens(secrets, clock, config), clock, config);
    citizens = new CitizenSignInService(dataSource, new Outbox(testNamespace()), secrets, sessions, clock, config);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await infra?.stop();
  });

  let nextMobile = 13700000000;
  const newMobile = () => String(nextMobile++);

  async function lastCode(mobile: string): Promise<CloudEvent<SignInCodeRequestedV1>> {
    const rows: Array<{ payload: CloudEvent<SignInCodeRequestedV1> }> = await dataSource.query(
      `SELECT payload FROM outbox WHERE event_type = $1 ORDER BY seq DESC`,
      [SignInCodeRequestedV1.contract.type],
    );
    const found = rows.find((row) => row.payload.data.mobile === mobile);
    if (!found) throw new Error(`no code for ${mobile}`);
    return found.payload;
  }

  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (err: { getStatus?: () => number; problem?: { errors?: Array<{ rule: string }> } }) => `${err.getStatus?.()} ${err.problem?.errors?.[0]?.rule ?? ''}`.trim(),
    );

  it('sends the code in an internal event through the outbox and keeps only keyed hashes', async () => {
    const mobile = newMobile();
    const sent = await citizens.requestCode(`+86 ${mobile.slice(0, 3)}-${mobile.slice(3)}`);
    expect(sent).toEqual({ expiresAt: '2026-11-20T08:05:00.000Z', resendAfterSeconds: 60 });
    const event = await lastCode(mobile);
    expect(event.data).toEqual({ mobile, code: expect.stringMatching(/^\d{6}$/), purpose: 'citizen-sign-in', expiresAt: sent.expiresAt, validForSeconds: 300 });
    const [outboxRow] = await dataSource.query(`SELECT subject FROM outbox WHERE payload->>'id' = $1`, [event.id]);
    expect(outboxRow.subject).toMatch(/_internal\.gateway\.sign-in-code-requested\.v1$/);
    const dump = JSON.stringify(await dataSource.query('SELECT * FROM sign_in_codes'));
    expect(dump).not.toContain(mobile);
    expect(dump).not.toContain(event.data.code);
  });

  it('signs in with the code once, creating the citizen on first sign-in only', async () => {
    const mobile = newMobile();
    await citizens.requestCode(mobile);
    const first = await citizens.signIn(mobile, (await lastCode(mobile)).data.code);
    expect(first.actor).toEqual({ userId: expect.any(String), role: 'citizen' });
    expect(await status(citizens.signIn(mobile, (await lastCode(mobile)).data.code))).toBe('401 used');
    clock.advance(60_000);
    await citizens.requestCode(mobile);
    const second = await citizens.signIn(mobile, (await lastCode(mobile)).data.code);
    expect(second.actor.userId).toBe(first.actor.userId);
    const [row] = await dataSource.query('SELECT mobile_masked FROM citizens WHERE id = $1', [first.actor.userId]);
    expect(row.mobile_masked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
  });

  it('refuses a code once five minutes have passed', async () => {
    const mobile = newMobile();
    await citizens.requestCode(mobile);
    const { code } = (await lastCode(mobile)).data;
    clock.advance(300_000);
    expect(await status(citizens.signIn(mobile, code))).toBe('401 expired');
  });

  it('allows five tries, then the code is dead even when right', async () => {
    const mobile = newMobile();
    await citizens.requestCode(mobile);
    const { code } = (await lastCode(mobile)).data;
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect(await status(citizens.signIn(mobile, wrong))).toBe('401 wrong');
    expect(await status(citizens.signIn(mobile, code))).toBe('401 locked');
  });

  it('only the latest code counts', async () => {
    const mobile = newMobile();
    await citizens.requestCode(mobile);
    const old = (await lastCode(mobile)).data.code;
    clock.advance(60_000);
    await citizens.requestCode(mobile);
    const latest = (await lastCode(mobile)).data.code;
    if (old !== latest) expect(await status(citizens.signIn(mobile, old))).toBe('401 wrong');
    expect(await status(citizens.signIn(mobile, latest))).toBe('ok');
  });

  it('limits resends to one per 60 s and ten per 24 hours, also under concurrency', async () => {
    const mobile = newMobile();
    const results = await Promise.all(Array.from({ length: 5 }, () => status(citizens.requestCode(mobile))));
    expect(results.sort()).toEqual(['429', '429', '429', '429', 'ok']);
    for (let i = 1; i < 10; i++) {
      clock.advance(60_000);
      expect(await status(citizens.requestCode(mobile))).toBe('ok');
    }
    clock.advance(60_000);
    await expect(citizens.requestCode(mobile)).rejects.toMatchObject({ retryAfterSeconds: 24 * 3600 - 10 * 60 });
    clock.advance((24 * 3600 - 10 * 60) * 1000);
    expect(await status(citizens.requestCode(mobile))).toBe('ok');
  });

  it('rotates refresh tokens, and reuse of a used one revokes the whole family', async () => {
    const mobile = newMobile();
    clock.advance(60_000);
    await citizens.requestCode(mobile);
    const signedIn = await citizens.signIn(mobile, (await lastCode(mobile)).data.code);
    const second = await sessions.refresh(signedIn.refreshToken);
    expect(second.refreshToken).not.toBe(signedIn.refreshToken);
    const third = await sessions.refresh(second.refreshToken);
    expect(await status(sessions.refresh(second.refreshToken))).toBe('401');
    expect(await status(sessions.refresh(third.refreshToken))).toBe('401');
  });

  it('ends a session on sign-out and refuses an expired refresh token', async () => {
    const mobile = newMobile();
    clock.advance(60_000);
    await citizens.requestCode(mobile);
    const a = await citizens.signIn(mobile, (await lastCode(mobile)).data.code);
    await sessions.signOut(a.refreshToken);
    expect(await status(sessions.refresh(a.refreshToken))).toBe('401');
    clock.advance(60_000);
    await citizens.requestCode(mobile);
    const b = await citizens.signIn(mobile, (await lastCode(mobile)).data.code);
    clock.advance(config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    expect(await status(sessions.refresh(b.refreshToken))).toBe('401');
  });

  it('one of two concurrent refreshes with the same token wins; the other is reuse', async () => {
    const mobile = newMobile();
    clock.advance(60_000);
    await citizens.requestCode(mobile);
    const a = await citizens.signIn(mobile, (await lastCode(mobile)).data.code);
    const results = await Promise.all([status(sessions.refresh(a.refreshToken)), status(sessions.refresh(a.refreshToken))]);
    expect(results.sort()).toEqual(['401', 'ok']);
  });
});
