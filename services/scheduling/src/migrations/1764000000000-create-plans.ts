import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans (活动方案), their sessions and their filing history. Venues, quotas,
 * eligibility and the rest are read and written with the plan as a whole, so
 * they are jsonb; sessions get rows because tickets and check-in refer to them.
 */
export class CreatePlans1764000000000 implements MigrationInterface {
  name = 'CreatePlans1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY,
        agency_id varchar(64) NOT NULL,
        status varchar(16) NOT NULL
          CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published', 'cancelled')),
        title varchar(200) NOT NULL,
        theme varchar(2000) NOT NULL,
        forms text[] NOT NULL,
        venues jsonb NOT NULL DEFAULT '[]'::jsonb,
        assembly_point varchar(300) NOT NULL,
        transport varchar(300) NOT NULL DEFAULT '',
        quotas jsonb NOT NULL DEFAULT '[]'::jsonb,
        min_ordinary_share double precision NOT NULL CHECK (min_ordinary_share BETWEEN 0 AND 1),
        media_outside_quota boolean NOT NULL,
        eligibility jsonb NOT NULL,
        registration_opens_at timestamptz NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        selection_mode varchar(32) NOT NULL,
        co_signing_departments jsonb NOT NULL DEFAULT '[]'::jsonb,
        notices jsonb NOT NULL DEFAULT '[]'::jsonb,
        publish_at timestamptz NOT NULL,
        first_session_date date NOT NULL,
        submissions integer NOT NULL DEFAULT 0,
        open_day_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        idempotency_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plans_idempotency_key_uq UNIQUE (created_by, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX plans_agency_idx ON plans (agency_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX plans_status_idx ON plans (status, created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE plan_sessions (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        date date NOT NULL,
        starts_at time NOT NULL,
        ends_at time NOT NULL CHECK (ends_at > starts_at),
        capacity integer NOT NULL CHECK (capacity > 0),
        agenda jsonb NOT NULL DEFAULT '[]'::jsonb,
        CONSTRAINT plan_sessions_position_uq UNIQUE (plan_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE plan_history (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        action varchar(16) NOT NULL,
        actor_user_id uuid,
        actor_role varchar(32),
        actor_agency_id varchar(64),
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        comments text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX plan_history_plan_idx ON plan_history (plan_id, id)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
