import type { MigrationInterface, QueryRunner } from 'typeorm';
import { personalDataProtectionFromEnvironment } from '@openday/platform';

const ENCRYPTED = `'^v[0-9]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$'`;
const BATCH = 500;

/**
 * Names are encrypted at rest like ID numbers (context `name`, under PERSONAL_DATA_KEY, read
 * from the environment because migrations run before the service's providers). Existing rows
 * are encrypted in batches; the CHECK then keeps plaintext from ever coming back.
 */
export class EncryptNames1765200000000 implements MigrationInterface {
  name = 'EncryptNames1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { cipher } = personalDataProtectionFromEnvironment();
    await queryRunner.query(`ALTER TABLE application_people ALTER COLUMN name TYPE text`);
    for (;;) {
      const rows: Array<{ id: string; name: string }> = await queryRunner.query(
        `SELECT id, name FROM application_people WHERE name !~ ${ENCRYPTED} ORDER BY id LIMIT ${BATCH}`,
      );
      if (rows.length === 0) break;
      await queryRunner.query(
        `UPDATE application_people AS p SET name = v.name
           FROM unnest($1::uuid[], $2::text[]) AS v (id, name) WHERE p.id = v.id`,
        [rows.map((row) => row.id), rows.map((row) => cipher.encrypt(row.name, 'name'))],
      );
    }
    await queryRunner.query(`ALTER TABLE application_people ADD CONSTRAINT application_people_name_encrypted CHECK (name ~ ${ENCRYPTED})`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
