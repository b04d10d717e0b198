import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vetting's own tables.
 *
 * vetting_open_days / vetting_sessions: its copy of published open days; each session row
 * holds the selection state (the pure core's SelectionState, as jsonb) and is the row every
 * decision locks (SELECT … FOR UPDATE), so places never exceed capacity whatever the
 * concurrency. vetting_applicants: one row per person of an application, with the screening
 * result and the projection of the selection state (status, waiting-list position).
 * vetting_withdrawals: withdrawals, kept even when they arrive before the application.
 * no_show_register: fed by scheduling's no-show events (later); screening reads it.
 * vetting_timers: registration-closed and answer-deadline timers, claimed with SKIP LOCKED.
 * joint_review_signatures: each co-signing department's signature or refusal per selection.
 */
export class CreateSelection1764300000000 implements MigrationInterface {
  name = 'CreateSelection1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE vetting_open_days (
        id uuid PRIMARY KEY,
        agency_id varchar(64) NOT NULL,
        title varchar(200) NOT NULL,
        selection_mode varchar(32) NOT NULL CHECK (selection_mode IN ('first-come', 'lottery', 'selection-group')),
        quotas jsonb NOT NULL,
        min_ordinary_share double precision NOT NULL,
        media_outside_quota boolean NOT NULL,
        min_age smallint NOT NULL,
        max_age smallint,
        districts text[] NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        co_signing_departments text[] NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'cancelled')),
        registration_closed boolean NOT NULL DEFAULT false,
        published_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE vetting_sessions (
        id uuid PRIMARY KEY,
        open_day_id uuid NOT NULL REFERENCES vetting_open_days (id),
        date date NOT NULL,
        capacity integer NOT NULL CHECK (capacity >= 1),
        state jsonb NOT NULL,
        completed_at timestamptz,
        shortfall jsonb,
        lottery_seed char(64),
        draw_order jsonb,
        notice jsonb,
        notice_revision integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`CREATE INDEX vetting_sessions_open_day_idx ON vetting_sessions (open_day_id)`);
    await queryRunner.query(`
      CREATE TABLE vetting_applicants (
        person_id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        open_day_id uuid NOT NULL REFERENCES vetting_open_days (id),
        session_id uuid NOT NULL REFERENCES vetting_sessions (id),
        person_key char(64) NOT NULL,
        masked_name varchar(50) NOT NULL,
        masked_id_number varchar(18) NOT NULL,
        birth_date date NOT NULL,
        category varchar(32) NOT NULL,
        district varchar(64) NOT NULL,
        arrival_sequence bigint NOT NULL,
        arrival_order bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        status varchar(16) NOT NULL CHECK (status IN ('eligible', 'selected', 'waitlisted', 'rejected', 'withdrawn')),
        awaiting_joint_review boolean NOT NULL DEFAULT false,
        reason_code varchar(64),
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        waitlist_position integer,
        promotion jsonb,
        note varchar(500),
        decided_by uuid,
        decided_at timestamptz,
        answer_flagged_at timestamptz,
        answer_due_date date
      )`);
    await queryRunner.query(`CREATE INDEX vetting_applicants_open_day_idx ON vetting_applicants (open_day_id, arrival_order)`);
    await queryRunner.query(`CREATE INDEX vetting_applicants_person_idx ON vetting_applicants (open_day_id, person_key)`);
    await queryRunner.query(`CREATE INDEX vetting_applicants_application_idx ON vetting_applicants (application_id)`);
    await queryRunner.query(`CREATE INDEX vetting_applicants_flagged_idx ON vetting_applicants (answer_flagged_at, person_id) WHERE answer_flagged_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE vetting_withdrawals (
        application_id uuid PRIMARY KEY,
        open_day_id uuid NOT NULL,
        withdrawn_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE no_show_register (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        person_key char(64) NOT NULL,
        event_date date NOT NULL,
        open_day_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (person_key, event_date, open_day_id)
      )`);
    await queryRunner.query(`CREATE INDEX no_show_register_person_idx ON no_show_register (person_key)`);
    await queryRunner.query(`
      CREATE TABLE vetting_timers (
        kind varchar(32) NOT NULL CHECK (kind IN ('registration-closed', 'answer-deadline')),
        open_day_id uuid NOT NULL REFERENCES vetting_open_days (id),
        due_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        PRIMARY KEY (kind, open_day_id)
      )`);
    await queryRunner.query(`CREATE INDEX vetting_timers_due_idx ON vetting_timers (due_at)`);
    await queryRunner.query(`
      CREATE TABLE joint_review_signatures (
        person_id uuid NOT NULL REFERENCES vetting_applicants (person_id),
        department varchar(100) NOT NULL,
        decision varchar(8) NOT NULL CHECK (decision IN ('signed', 'refused')),
        reason varchar(500),
        actor_user_id uuid NOT NULL,
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, department),
        CHECK ((decision = 'refused') = (reason IS NOT NULL))
      )`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
