import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff are told what waits for them.
 *
 * notification_staff: the directory of staff accounts from the gateway (agency, role, disabled,
 *   e-mail encrypted), the latest recording winning; an account with an e-mail address is
 *   e-mailed what waits for its agency.
 * notification_messages.recipient_kind gains 'staff': one staff account's e-mail (recipient_id = account id).
 */
export class StaffDirectory1765000000000 implements MigrationInterface {
  name = 'StaffDirectory1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_staff (
        account_id uuid PRIMARY KEY,
        agency_id varchar(64) NOT NULL,
        role varchar(32) NOT NULL,
        email text,
        disabled boolean NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX notification_staff_agency_idx ON notification_staff (agency_id) WHERE email IS NOT NULL AND NOT disabled`);
    await queryRunner.query(`ALTER TABLE notification_messages DROP CONSTRAINT notification_messages_recipient_kind_check`);
    await queryRunner.query(
      `ALTER TABLE notification_messages ADD CONSTRAINT notification_messages_recipient_kind_check
         CHECK (recipient_kind IN ('person', 'department', 'sign-in', 'staff'))`,
    );
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
