import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { ManualClock, personalDataProtectionFromEnvironment, RETENTION_BATCH_SIZE, PersonalDataRetentionTask } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { registrationDatabase } from '../registration.database';
import { RegistrationPersonalDataEraser } from '../personal-data-requests/personal-data-erasure';
import { erasePeoplePastRetention } from './application-people-erasure';

/**
 * Retention and the citizen's erasure request on PostgreSQL, on a clock set by the test: 1 December
 * 2026 00:00 in Shanghai, 183 days after an open day that ended on 31 May.
 */
// Real PostgreSQL on a 2-core machine shared with other suites: hooks and tests may take a while.
jest.setTimeout(60_000);

describe('registration: personal data past retention, and erased on request', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-11-30T16:00:00Z'));
  const { cipher } = personalDataProtectionFromEnvironment({});
  const account = randomUUID();

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'registration_retention');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...registrationDatabase.migrations],
      migrationsRun: true,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  async function openDay(sessionDates: string[]): Promise<string> {
    const id = randomUUID();
    await dataSource.query(`INSERT INTO published_open_days (id, agency_id, title, date, published_at, sessions) VALUES ($1, 'water', 't', $2, now(), $3)`, [
      id,
      sessionDates[0],
      JSON.stringify(sessionDates.map((date) => ({ id: randomUUID(), date }))),
    ]);
    return id;
  }

  /** `count` applications of one person each, inserted in one statement each; returns their application ids. */
  async function apply(openDayId: string, count: number, applicant = randomUUID(), status = 'submitted'): Promise<string[]> {
    const ids: string[] = Array.from({ length: count }, () => randomUUID());
    await dataSource.query(
      `INSERT INTO applications (id, open_day_id, session_id, session_date, channel, applicant_user_id, submitted_at, status, withdrawn_at)
       SELECT id, $2::uuid, gen_random_uuid(), '2026-05-31', 'self', $3, now(), $4::varchar, CASE WHEN $4::varchar = 'withdrawn' THEN now() END
         FROM unnest($1::uuid[]) AS id`,
      [ids, openDayId, applicant, status],
    );
    await dataSource.query(
      `INSERT INTO application_people (id, application_id, open_day_id, position, person_key, mobile_key, name, id_number, mobile, email, category, district, privacy_consent_at, active)
       SELECT gen_random_uuid(), id, $2::uuid, 0, md5(id::text) || md5($2::text), md5($2::text) || md5(id::text), $3, $4, $5, $6, 'ordinary-citizen', 'gulou', now(), $7
         FROM unnest($1::uuid[]) AS id`,
      [ids, openDayId, cipher.encrypt('司徒雪霁', 'name'), cipher.encrypt('35010219880719506X', 'idNumber'), cipher.encrypt('13798765432', 'mobile'), cipher.encrypt('a@example.cn', 'email'), status !== 'withdrawn'],
    );
    return ids;
  }

  const erasedCount = async (openDayId: string) =>
    Number((await dataSource.query(`SELECT count(*) FILTER (WHERE personal_data_erased_at IS NOT NULL AND name IS NULL AND id_number IS NULL AND mobile IS NULL AND email IS NULL) AS n FROM application_people WHERE open_day_id = $1`, [openDayId]))[0].n);

  it('erases, in batches, the people of open days whose last day is 183 days past, keeps the rest and the rows, and is idempotent', async () => {
    const past = await openDay(['2026-05-30', '2026-05-31']);
    const lastDayTooRecent = await openDay(['2026-05-31', '2026-06-01']);
    const ahead = await openDay(['2026-12-05']);
    await apply(past, RETENTION_BATCH_SIZE + 7);
    await apply(lastDayTooRecent, 3);
    await apply(ahead, 2);

    const task = new PersonalDataRetentionTask(dataSource, clock, { PERSONAL_DATA_RETENTION_DAYS: 183, PERSONAL_DATA_RETENTION_INTERVAL_MINUTES: 60 }, erasePeoplePastRetention);
    expect(await task.runOnce()).toBe(RETENTION_BATCH_SIZE + 7);
    expect(await erasedCount(past)).toBe(RETENTION_BATCH_SIZE + 7);
    expect(await erasedCount(lastDayTooRecent)).toBe(0);
    expect(await erasedCount(ahead)).toBe(0);
    const [{ rows, keys }] = await dataSource.query(`SELECT count(*)::int AS rows, count(DISTINCT person_key)::int AS keys FROM application_people WHERE open_day_id = $1`, [past]);
    expect({ rows, keys }).toEqual({ rows: RETENTION_BATCH_SIZE + 7, keys: RETENTION_BATCH_SIZE + 7 });
    expect(await task.runOnce()).toBe(0);

    clock.set('2026-12-01T16:00:00Z');
    expect(await task.runOnce()).toBe(3);
    expect(await erasedCount(lastDayTooRecent)).toBe(3);
    expect(await erasedCount(ahead)).toBe(0);
  });

  it('erases a citizen’s applications on request, keeping one for an open day not yet over, and names them all', async () => {
    clock.set('2026-12-05T02:00:00Z'); // the morning of 5 December in Shanghai
    const ended = await openDay(['2026-11-20']);
    const today = await openDay(['2026-12-05']);
    const withdrawnAhead = await openDay(['2026-12-20']);
    const [endedApplication] = await apply(ended, 1, account);
    const [todayApplication] = await apply(today, 1, account);
    const [withdrawnApplication] = await apply(withdrawnAhead, 1, account, 'withdrawn');
    await apply(ended, 1); // someone else's

    const eraser = new RegistrationPersonalDataEraser(dataSource, clock);
    const reply = await eraser.erase({ accountId: account });
    expect(reply).toMatchObject({ service: 'registration', erased: 2, kept: [{ applicationId: todayApplication, reason: 'open-day-in-progress' }] });
    expect(reply.applicationIds.sort()).toEqual([endedApplication, todayApplication, withdrawnApplication].sort());
    expect(reply.personKeys).toHaveLength(3);
    expect(await erasedCount(ended)).toBe(1);
    expect(await erasedCount(today)).toBe(0);
    expect(await erasedCount(withdrawnAhead)).toBe(1);
    expect((await eraser.erase({ accountId: account })).erased).toBe(0);

    clock.set('2026-12-05T16:00:00Z'); // the open day is over: now it goes too
    expect(await eraser.erase({ accountId: account })).toMatchObject({ erased: 1, kept: [] });
  });
});
