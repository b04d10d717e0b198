import type { MigrationInterface, QueryRunner } from 'typeorm';
import { personalDataProtectionFromEnvironment } from '@openday/platform';
import { sealDisplayName } from '../accounts/staff-email';

const ENCRYPTED = `'^v[0-9]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$'`;

/**
 * Staff names are encrypted at rest like their e-mail addresses (PERSONAL_DATA_KEY, read from the
 * environment because migrations run before the service's providers); a CHECK keeps plaintext out.
 * Renames were audited with the old and new names: those two details are removed from the entries
 * (the entry itself, who renamed whom and when, stays); the append-only trigger is lifted for that
 * one statement, in this migration's transaction.
 */
export class EncryptStaffDisplayNames1765300000000 implements MigrationInterface {
  name = 'EncryptStaffDisplayNames1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { cipher } = personalDataProtectionFromEnvironment();
    await queryRunner.query(`ALTER TABLE staff_accounts ALTER COLUMN display_name TYPE text`);
    const rows: Array<{ id: string; display_name: string }> = await queryRunner.query(`SELECT id, display_name FROM staff_accounts WHERE display_name !~ ${ENCRYPTED}`);
    for (const row of rows) {
      await queryRunner.query(`UPDATE staff_accounts SET display_name = $2 WHERE id = $1`, [row.id, sealDisplayName(cipher, row.display_name)]);
    }
    await queryRunner.query(`ALTER TABLE staff_accounts ADD CONSTRAINT staff_accounts_display_name_encrypted CHECK (display_name ~ ${ENCRYPTED})`);
    await queryRunner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await queryRunner.query(`UPDATE audit_log SET details = details - 'from' - 'to' WHERE action = 'account.renamed'`);
    await queryRunner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
