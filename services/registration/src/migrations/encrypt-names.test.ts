import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { personalDataProtectionFromEnvironment } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { registrationMigrations } from './index';
import { EncryptNames1765200000000 } from './1765200000000-encrypt-names';

const CIPHERTEXT = /^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$/;

// Real PostgreSQL on a 2-core machine shared with other suites: hooks and tests may take a while.
jest.setTimeout(60_000);

describe('EncryptNames1765200000000 on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'registration_encrypt_names');
  });
  afterAll(async () => {
    await database.drop();
    await infra.stop();
  });

  async function migrate(migrations: typeof registrationMigrations): Promise<DataSource> {
    const dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: [MessagingTables1763900000000, ...migrations] }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  }

  it('encrypts the names already stored, and refuses a name in the clear afterwards', async () => {
    const before = await migrate(registrationMigrations.filter((m) => m !== EncryptNames1765200000000));
    const { cipher } = personalDataProtectionFromEnvironment();
    const openDayId = randomUUID();
    await before.query(`INSERT INTO published_open_days (id, agency_id, title, date, published_at) VALUES ($1, 'water', 't', '2026-11-29', now())`, [openDayId]);
    const names = ['欧阳娜娜', 'Zhang San-Li', '阿依古丽·买买提'];
    const people: string[] = names.map(() => randomUUID());
    for (const [position, name] of names.entries()) {
      const applicationId = randomUUID();
      await before.query(
        `INSERT INTO applications (id, open_day_id, session_id, session_date, channel, applicant_user_id, submitted_at)
         VALUES ($1, $2, $3, '2026-11-29', 'self', $4, now())`,
        [applicationId, openDayId, randomUUID(), randomUUID()],
      );
      await before.query(
        `INSERT INTO application_people (id, application_id, open_day_id, position, person_key, mobile_key, name, id_number, mobile, category, district, privacy_consent_at)
         VALUES ($1, $2, $3, 0, $4, $4, $5, $6, $7, 'ordinary-citizen', 'gulou', now())`,
        [people[position], applicationId, openDayId, String(position).repeat(64), name, cipher.encrypt('x', 'idNumber'), cipher.encrypt('y', 'mobile')],
      );
    }
    await before.destroy();

    const after = await migrate(registrationMigrations);
    const rows: Array<{ id: string; name: string }> = await after.query(`SELECT id, name FROM application_people`);
    for (const row of rows) {
      expect(row.name).toMatch(CIPHERTEXT);
      expect(cipher.decrypt(row.name, 'name')).toBe(names[people.indexOf(row.id)]);
    }
    await expect(after.query(`UPDATE application_people SET name = '张三' WHERE id = $1`, [people[0]])).rejects.toThrow(/application_people_name_encrypted/);
    await after.destroy();
  });
});
