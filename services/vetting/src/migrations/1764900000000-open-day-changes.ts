import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What following changes of published open days needs.
 *
 * vetting_sessions.removed_at: a session a change removed; its applicants have left, and it is
 * no longer selected for, listed or drawn.
 * vetting_parked_arrivals: applications for a session (or open day) vetting does not know yet,
 * kept with the event's data until the session arrives and they are decided in the order they
 * came; their order is taken from the applicants' arrival order, so a parked application keeps its
 * place in it once decided. flag_due_at is their timer: still parked then, they are flagged to the
 * city office (flagged_at), claimed with SKIP LOCKED.
 */
export class OpenDayChanges1764900000000 implements MigrationInterface {
  name = 'OpenDayChanges1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE vetting_sessions ADD COLUMN removed_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE vetting_parked_arrivals (
        person_id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        open_day_id uuid NOT NULL,
        session_id uuid NOT NULL,
        arrival_order bigint NOT NULL UNIQUE DEFAULT nextval('vetting_applicants_arrival_order_seq'::regclass),
        submitted jsonb NOT NULL,
        parked_at timestamptz NOT NULL,
        flag_due_at timestamptz NOT NULL,
        flagged_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX vetting_parked_arrivals_session_idx ON vetting_parked_arrivals (session_id, arrival_order)`);
    await queryRunner.query(`CREATE INDEX vetting_parked_arrivals_due_idx ON vetting_parked_arrivals (flag_due_at) WHERE flagged_at IS NULL`);
    await queryRunner.query(`CREATE INDEX vetting_parked_arrivals_flagged_idx ON vetting_parked_arrivals (arrival_order) WHERE flagged_at IS NOT NULL`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
