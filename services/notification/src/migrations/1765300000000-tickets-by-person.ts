import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's tickets are looked up per selection, rejection and ticket (with the open day or
 * the session): without an index each look-up read every ticket of the open day, or the table.
 */
export class TicketsByPerson1765300000000 implements MigrationInterface {
  name = 'TicketsByPerson1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX notification_tickets_person_idx ON notification_tickets (person_id)`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
