import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, SERVICES, type TestDatabase, type TestInfrastructure, testInfrastructure } from '@openday/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

describe.each(SERVICES)('%s migrations', (service) => {
  let infra: TestInfrastructure;
  let database: TestDatabase;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, `mig_${service}`);
  });
  afterAll(async () => {
    await database.drop();
    await infra.stop();
  });

  function migrate() {
    return run(process.execPath, [path.join(ROOT, 'services', service, 'dist/main.js'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'info' },
    });
  }

  it('apply once when two replicas migrate at the same time, then report up to date', async () => {
    const results = await Promise.all([migrate(), migrate()]);
    const applied = results.map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { applied: string[] });
    expect(applied.map((a) => a.applied.length).sort()).toEqual([0, expect.any(Number)].sort());
    expect(applied.flatMap((a) => a.applied)).toContain('MessagingTables1763900000000');

    const again = await migrate();
    expect(again.stdout).toContain('database is up to date');

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM migrations`);
    await client.end();
    expect(rows[0].n).toBe(applied.flatMap((a) => a.applied).length);
  });
});
