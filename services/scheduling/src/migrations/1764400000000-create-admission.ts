import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admission and the day. What tickets need arrives as events on several streams in any order:
 * admission_open_days / admission_sessions (this service's own published, changed and cancelled
 * events, with agenda and notices from the plan), admission_people (a person's submission, the
 * account that applied, the selection; never a name, mobile or e-mail) and admission_withdrawals.
 * A ticket is issued once all are known; no_show_timers fall due at each session's end.
 */
export class CreateAdmission1764400000000 implements MigrationInterface {
  name = 'CreateAdmission1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE admission_open_days (
        id uuid PRIMARY KEY,
        agency_id varchar(64) NOT NULL,
        title varchar(200) NOT NULL,
        venues jsonb NOT NULL,
        assembly_point varchar(300) NOT NULL,
        notices jsonb NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('published', 'cancelled')),
        ended_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE admission_sessions (
        id uuid PRIMARY KEY,
        open_day_id uuid NOT NULL REFERENCES admission_open_days (id),
        date date NOT NULL,
        starts_at char(5) NOT NULL,
        ends_at char(5) NOT NULL,
        agenda jsonb NOT NULL,
        no_shows_recorded_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX admission_sessions_open_day_idx ON admission_sessions (open_day_id)`);
    await queryRunner.query(`
      CREATE TABLE admission_people (
        person_id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        open_day_id uuid NOT NULL,
        session_id uuid,
        masked_name varchar(50),
        masked_id_number varchar(18),
        applicant_user_id uuid,
        selected_at timestamptz,
        promoted boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX admission_people_open_day_idx ON admission_people (open_day_id)`);
    await queryRunner.query(`
      CREATE TABLE admission_withdrawals (
        application_id uuid PRIMARY KEY,
        withdrawn_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        person_id uuid NOT NULL UNIQUE,
        application_id uuid NOT NULL,
        open_day_id uuid NOT NULL REFERENCES admission_open_days (id),
        session_id uuid NOT NULL REFERENCES admission_sessions (id),
        agency_id varchar(64) NOT NULL,
        applicant_user_id uuid NOT NULL,
        masked_name varchar(50) NOT NULL,
        masked_id_number varchar(18) NOT NULL,
        check_in_code char(8) NOT NULL UNIQUE,
        promoted boolean NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('issued', 'checked-in', 'no-show', 'revoked')),
        issued_at timestamptz NOT NULL,
        checked_in_at timestamptz,
        check_in_method varchar(8) CHECK (check_in_method IN ('code', 'qr')),
        checked_in_by uuid,
        revoked_at timestamptz,
        revocation_reason varchar(32) CHECK (revocation_reason IN ('application-withdrawn', 'open-day-cancelled', 'session-cancelled', 'revoked-by-staff')),
        revocation_note varchar(500),
        revoked_by uuid,
        no_show_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX tickets_session_idx ON tickets (session_id, seq)`);
    await queryRunner.query(`CREATE INDEX tickets_holder_idx ON tickets (applicant_user_id, seq)`);
    await queryRunner.query(`CREATE INDEX tickets_application_idx ON tickets (application_id)`);
    await queryRunner.query(`CREATE INDEX tickets_open_day_idx ON tickets (open_day_id)`);
    await queryRunner.query(`
      CREATE TABLE no_show_timers (
        session_id uuid PRIMARY KEY REFERENCES admission_sessions (id),
        due_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(`CREATE INDEX no_show_timers_due_idx ON no_show_timers (due_at)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
