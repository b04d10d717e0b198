import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a ticket's link to the citizen's account (and their opinions' links) were erased: retention or the citizen's request. */
export class ErasableTicketLinks1765200000000 implements MigrationInterface {
  name = 'ErasableTicketLinks1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE fb_tickets ADD COLUMN personal_data_erased_at timestamptz`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
