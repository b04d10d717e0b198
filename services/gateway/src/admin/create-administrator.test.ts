import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { loadConfig, ManualClock } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { verifyPassword } from '../accounts/passwords';
import { GatewayConfig } from '../gateway.config';
import { gatewayDatabase } from '../gateway.database';
import { createAdministrator } from './create-administrator';

describe('creating the city office’s first administrator on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  const config = loadConfig(GatewayConfig, {});
  const clock = new ManualClock(new Date('2026-11-20T08:00:00.000Z'));
  const PASSWORD = 'a-long-enough-secret-1';

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'gateway_admin_create');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...gatewayDatabase.migrations],
      migrationsRun: true,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await infra?.stop();
  });

  const create = (username: string, password = PASSWORD, another = false) =>
    createAdministrator(dataSource, config, clock, { username, displayName: '市府办 管理员', another }, password);

  it.each([
    ['a short password', 'chen.admin', 'short-1', 'password: password must be longer than or equal to 10 characters'],
    ['a username the rules refuse', 'Chen Admin', PASSWORD, expect.stringMatching(/^username: /)],
  ])('refuses %s, naming the field, and creates nothing', async (_label, username, password, problem) => {
    expect(await create(username, password)).toEqual({ outcome: 'invalid', problems: [problem] });
    expect(await dataSource.query('SELECT 1 FROM staff_accounts')).toEqual([]);
  });

  it('creates the city office’s agency and its administrator on an empty database, with a hash the password verifies', async () => {
    const result = await create('chen.admin');
    expect(result).toMatchObject({ outcome: 'created', agencyCreated: true, account: { username: 'chen.admin', role: 'city-office', agencyId: 'city-office' } });
    const [row] = await dataSource.query(`SELECT password_hash FROM staff_accounts WHERE username = 'chen.admin'`);
    expect(row.password_hash).not.toContain(PASSWORD);
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true);
    const audit = await dataSource.query(`SELECT action, actor_id FROM audit_log WHERE action IN ('agency.created', 'account.created') ORDER BY action`);
    expect(audit).toEqual([
      { action: 'account.created', actor_id: null },
      { action: 'agency.created', actor_id: null },
    ]);
  });

  it('refuses a second administrator unless told, naming the one there is', async () => {
    expect(await create('li.admin')).toEqual({ outcome: 'administrator-exists', usernames: ['chen.admin'] });
    expect(await create('li.admin', PASSWORD, true)).toMatchObject({ outcome: 'created', agencyCreated: false, account: { username: 'li.admin' } });
    expect(await create('li.admin', PASSWORD, true)).toEqual({ outcome: 'username-taken' });
  });
});
