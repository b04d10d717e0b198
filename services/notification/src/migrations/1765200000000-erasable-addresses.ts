import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A delivery's address is erased with the person's contact details (retention or the citizen's request); the delivery log keeps the row. */
export class ErasableAddresses1765200000000 implements MigrationInterface {
  name = 'ErasableAddresses1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification_deliveries ALTER COLUMN address DROP NOT NULL`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
