import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { testInfrastructure, type TestInfrastructure } from '@openday/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** The set-up code's own roles and databases, under a throw-away prefix. */
describe('a database and a role per service', () => {
  const prefix = `t_${randomBytes(4).toString('hex')}`;
  let infra: TestInfrastructure;
  let env: NodeJS.ProcessEnv;

  function urlFor(role: string, database: string): string {
    const url = new URL(infra.adminDatabaseUrl);
    url.username = role;
    url.password = role;
    url.pathname = `/${database}`;
    return url.toString();
  }

  async function connectAs(role: string, database: string): Promise<Client> {
    const client = new Client({ connectionString: urlFor(role, database) });
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    infra = await testInfrastructure();
    env = { ...process.env, DATABASE_ADMIN_URL: infra.adminDatabaseUrl, DB_PREFIX: prefix };
    await run(process.execPath, [path.join(ROOT, 'scripts/provision.mjs'), 'scheduling', 'registration'], { env });
  });

  afterAll(async () => {
    await run(process.execPath, [path.join(ROOT, 'scripts/provision.mjs'), '--drop', 'scheduling', 'registration'], { env });
    await infra.stop();
  });

  it('lets a service’s role migrate and use its own database', async () => {
    await run(process.execPath, [path.join(ROOT, 'services/scheduling/dist/main.js'), 'migrate'], {
      env: { ...env, DATABASE_URL: urlFor(`${prefix}_scheduling`, `${prefix}_scheduling`), LOG_LEVEL: 'warn' },
    });
    const own = await connectAs(`${prefix}_scheduling`, `${prefix}_scheduling`);
    const { rows } = await own.query(`SELECT count(*)::int AS n FROM open_days`);
    expect(rows[0].n).toBe(0);
    await own.end();
  });

  it('refuses one service’s role a connection to another service’s database', async () => {
    await expect(connectAs(`${prefix}_registration`, `${prefix}_scheduling`)).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('permission denied for database'),
    });
  });

  it('is idempotent: provisioning again changes nothing and keeps the data', async () => {
    await run(process.execPath, [path.join(ROOT, 'scripts/provision.mjs'), 'scheduling', 'registration'], { env });
    const own = await connectAs(`${prefix}_scheduling`, `${prefix}_scheduling`);
    const { rows } = await own.query(`SELECT count(*)::int AS n FROM open_days`);
    expect(rows[0].n).toBe(0);
    await own.end();
  });
});
