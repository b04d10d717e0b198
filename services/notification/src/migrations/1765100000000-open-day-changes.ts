import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a change of a published open day and a promotion need to tell everyone concerned.
 *
 * notification_applicants: each applicant's standing (selected with its promotion cause, waitlisted,
 *   rejected, withdrawn), the latest decision winning whatever order the streams deliver them in;
 *   a change tells the waitlisted, and a ticket's message names why its holder moved up.
 * notification_open_days.facts: sessions, venues and assembly point as last published, so a
 *   change can say what it was before.
 * notification_tickets.issued_event_id / promoted / awaiting_selection_since: a ticket's message
 *   waits for the selection that names its promotion cause (sent as the ticket says after
 *   CONTACT_WAIT_MINUTES if none comes); tickets already stored were announced.
 */
export class OpenDayChanges1765100000000 implements MigrationInterface {
  name = 'OpenDayChanges1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_applicants (
        application_id uuid NOT NULL,
        person_id uuid NOT NULL,
        open_day_id uuid NOT NULL,
        session_id uuid NOT NULL,
        standing varchar(16) NOT NULL CHECK (standing IN ('selected', 'waitlisted', 'rejected', 'withdrawn')),
        promotion_cause varchar(32),
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, person_id)
      )`);
    await queryRunner.query(`CREATE INDEX notification_applicants_open_day_idx ON notification_applicants (open_day_id, standing)`);
    await queryRunner.query(`CREATE INDEX notification_applicants_person_idx ON notification_applicants (person_id, open_day_id)`);
    await queryRunner.query(`ALTER TABLE notification_open_days ADD COLUMN facts jsonb`);
    await queryRunner.query(`
      ALTER TABLE notification_tickets
        ADD COLUMN issued_event_id varchar(200),
        ADD COLUMN promoted boolean NOT NULL DEFAULT false,
        ADD COLUMN awaiting_selection_since timestamptz`);
    await queryRunner.query(
      `CREATE INDEX notification_tickets_awaiting_idx ON notification_tickets (awaiting_selection_since) WHERE awaiting_selection_since IS NOT NULL`,
    );
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
