import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts get an optional e-mail address (encrypted with PERSONAL_DATA_KEY), where they are told what waits for them. */
export class StaffAccountEmail1765000000000 implements MigrationInterface {
  name = 'StaffAccountEmail1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_accounts ADD COLUMN email text`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
