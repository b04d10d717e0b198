import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes to a published open day filed with the city office: what the open day was and is to be,
 * the tickets the agency gives up, and the city office's decision. At most one waits per open day.
 */
export class CreateOpenDayChanges1764500000000 implements MigrationInterface {
  name = 'CreateOpenDayChanges1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE open_day_changes (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id),
        open_day_id uuid NOT NULL,
        agency_id varchar(64) NOT NULL,
        title varchar(200) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('submitted', 'returned', 'applied')),
        review varchar(16) NOT NULL CHECK (review IN ('required', 'not-required')),
        changed_fields text[] NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        released_ticket_ids uuid[] NOT NULL,
        reason varchar(500) NOT NULL,
        comments text,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX open_day_changes_one_pending_idx ON open_day_changes (open_day_id) WHERE status = 'submitted'`);
    await queryRunner.query(`CREATE INDEX open_day_changes_plan_idx ON open_day_changes (plan_id, submitted_at)`);
    await queryRunner.query(`CREATE INDEX open_day_changes_status_idx ON open_day_changes (status, submitted_at, id)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
