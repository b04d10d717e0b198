import { Client } from 'pg';
import { testInfrastructure } from './infrastructure';
import { reachable } from './reachable';
import { createTestDatabase } from './test-database';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

describe('test infrastructure', () => {
  it('creates a database of its own and drops it', async () => {
    const infra = await testInfrastructure();
    const database = await createTestDatabase(infra.adminDatabaseUrl, 'self_test');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS name');
    await client.end();
    expect(rows[0].name).toBe(database.name);

    await database.drop();
    const admin = new Client({ connectionString: infra.adminDatabaseUrl });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]);
    await admin.end();
    expect(rowCount).toBe(0);
    await infra.stop();
  });

  it('tells a listening port from a closed one', async () => {
    const infra = await testInfrastructure();
    const pg = new URL(infra.adminDatabaseUrl);
    expect(await reachable(pg.hostname, Number(pg.port || 5432))).toBe(true);
    expect(await reachable('127.0.0.1', await freePort(), 300)).toBe(false);
  });

  it('waits for a condition and reports the last error on timeout', async () => {
    let calls = 0;
    expect(await waitFor(() => (++calls >= 3 ? 'done' : undefined), { intervalMs: 1 })).toBe('done');
    await expect(
      waitFor(
        () => {
          throw new Error('still booting');
        },
        { timeoutMs: 50, intervalMs: 5, what: 'the service' },
      ),
    ).rejects.toThrow(/waiting for the service: Error: still booting/);
  });
});
