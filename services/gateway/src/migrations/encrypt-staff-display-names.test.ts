import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { personalDataProtectionFromEnvironment } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { openDisplayName } from '../accounts/staff-email';
import { gatewayMigrations } from './index';
import { EncryptStaffDisplayNames1765300000000 } from './1765300000000-encrypt-staff-display-names';

// Real PostgreSQL on a 2-core machine shared with other suites: hooks and tests may take a while.
jest.setTimeout(60_000);

describe('EncryptStaffDisplayNames1765300000000 on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'gateway_encrypt_names');
  });
  afterAll(async () => {
    await database.drop();
    await infra.stop();
  });

  async function migrate(migrations: typeof gatewayMigrations): Promise<DataSource> {
    const dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: [MessagingTables1763900000000, ...migrations] }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  }

  it('encrypts the names stored, removes names from rename audits, and keeps the audit log append-only', async () => {
    const before = await migrate(gatewayMigrations.filter((m) => m !== EncryptStaffDisplayNames1765300000000));
    await before.query(`INSERT INTO agencies (id, name, kind) VALUES ('city-office', '市政府办公室', 'municipal-bureau')`);
    const id = randomUUID();
    await before.query(`INSERT INTO staff_accounts (id, username, display_name, role, agency_id, password_hash) VALUES ($1, 'chen', '陈主任', 'city-office', 'city-office', 'x')`, [id]);
    await before.query(
      `INSERT INTO audit_log (occurred_at, action, target_type, target_id, details) VALUES (now(), 'account.renamed', 'staff-account', $1, '{"username":"chen","from":"陈科长","to":"陈主任"}')`,
      [id],
    );
    await before.destroy();

    const after = await migrate(gatewayMigrations);
    const [{ display_name: stored }] = await after.query(`SELECT display_name FROM staff_accounts WHERE id = $1`, [id]);
    expect(openDisplayName(personalDataProtectionFromEnvironment().cipher, stored)).toBe('陈主任');
    expect(await after.query(`SELECT details FROM audit_log WHERE target_id = $1`, [id])).toEqual([{ details: { username: 'chen' } }]);
    await expect(after.query(`UPDATE audit_log SET details = '{}'`)).rejects.toThrow(/append-only/);
    await expect(after.query(`UPDATE staff_accounts SET display_name = '陈' WHERE id = $1`, [id])).rejects.toThrow(/staff_accounts_display_name_encrypted/);
    await after.destroy();
  });
});
