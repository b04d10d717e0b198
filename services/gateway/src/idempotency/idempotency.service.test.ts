import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { ManualClock, personalDataProtectionFromEnvironment } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { gatewayDatabase } from '../gateway.database';
import { IDEMPOTENCY_KEY_TTL_MS, IN_PROGRESS_STALE_AFTER_MS } from './idempotency-rules';
import { IdempotencyService } from './idempotency.service';

describe('idempotency keys on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let keys: IdempotencyService;
  const clock = new ManualClock(new Date('2026-11-20T08:00:00.000Z'));

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'gateway_idempotency');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...gatewayDatabase.migrations],
      migrationsRun: true,
      extra: { max: 20 },
    }).initialize();
    keys = new IdempotencyService(dataSource, clock, personalDataProtectionFromEnvironment({}));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await infra?.stop();
  });

  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);

  it('lets exactly one of many concurrent claims execute; the rest wait, then replay its result', async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => keys.claim('user-1', 'k1', A)));
    expect(claims.filter((c) => c.outcome === 'execute')).toHaveLength(1);
    expect(claims.filter((c) => c.outcome === 'wait')).toHaveLength(19);
    await keys.complete('user-1', 'k1', { status: 201, body: { id: 'x', list: [1, 2] }, location: '/api/v1/x' });
    expect(await keys.claim('user-1', 'k1', A)).toEqual({
      outcome: 'replay',
      response: { status: 201, body: { id: 'x', list: [1, 2] }, location: '/api/v1/x' },
    });
  });

  it('keeps a stored answer encrypted: the people an application names are not in the table in the clear', async () => {
    expect((await keys.claim('user-2', 'k-person', A)).outcome).toBe('execute');
    await keys.complete('user-2', 'k-person', { status: 201, body: { people: [{ name: '司徒雪霁' }] }, location: null });
    const [{ stored }] = await dataSource.query(`SELECT response_body::text AS stored FROM idempotency_keys WHERE key = 'k-person'`);
    expect(stored).not.toContain('司徒雪霁');
    expect(await keys.claim('user-2', 'k-person', A)).toMatchObject({ response: { body: { people: [{ name: '司徒雪霁' }] } } });
  });

  it('refuses the key for a different request, and scopes keys per caller', async () => {
    expect(await keys.claim('user-1', 'k1', B)).toEqual({ outcome: 'mismatch' });
    expect(await keys.claim('user-2', 'k1', B)).toEqual({ outcome: 'execute' });
  });

  it('frees the key when the request fails, so a retry runs again', async () => {
    expect((await keys.claim('user-1', 'k2', A)).outcome).toBe('execute');
    await keys.release('user-1', 'k2');
    expect((await keys.claim('user-1', 'k2', A)).outcome).toBe('execute');
  });

  it('takes over a key whose request died in progress, and one that expired', async () => {
    expect((await keys.claim('user-1', 'k3', A)).outcome).toBe('execute');
    clock.advance(IN_PROGRESS_STALE_AFTER_MS);
    const takers = await Promise.all([keys.claim('user-1', 'k3', A), keys.claim('user-1', 'k3', A)]);
    expect(takers.map((c) => c.outcome).sort()).toEqual(['execute', 'wait']);
    await keys.complete('user-1', 'k3', { status: 201, body: {}, location: null });
    clock.advance(IDEMPOTENCY_KEY_TTL_MS);
    expect((await keys.claim('user-1', 'k3', B)).outcome).toBe('execute');
  });

  it('prunes expired keys', async () => {
    await keys.claim('user-9', 'old', A);
    clock.advance(IDEMPOTENCY_KEY_TTL_MS + 1);
    expect(await keys.prune()).toBeGreaterThan(0);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE scope = 'user-9'`);
    expect(n).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    await dataSource.query(`INSERT INTO audit_log (occurred_at, action, target_type, target_id) VALUES (now(), 'x.tested', 't', '1')`);
    await expect(dataSource.query(`UPDATE audit_log SET action = 'x.changed'`)).rejects.toThrow('append-only');
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow('append-only');
  });
});
