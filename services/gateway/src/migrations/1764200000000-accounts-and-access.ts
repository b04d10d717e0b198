import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity and access: the agencies directory, staff and citizen accounts,
 * refresh-token families, sign-in codes, the append-only audit log and
 * idempotency keys. Mobile numbers and codes are stored only as keyed hashes.
 */
export class AccountsAndAccess1764200000000 implements MigrationInterface {
  name = 'AccountsAndAccess1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agencies (
        id varchar(64) PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
        name varchar(100) NOT NULL UNIQUE,
        kind varchar(32) NOT NULL CHECK (kind IN ('municipal-bureau', 'district-town-government', 'vertical-department', 'court', 'public-institution')),
        district varchar(32),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE staff_accounts (
        id uuid PRIMARY KEY,
        username varchar(64) NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        display_name varchar(100) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler')),
        agency_id varchar(64) NOT NULL REFERENCES agencies (id),
        password_hash text NOT NULL,
        disabled_at timestamptz,
        last_sign_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT city_office_role_in_city_office CHECK (role <> 'city-office' OR agency_id = 'city-office')
      )`);
    await queryRunner.query(`CREATE INDEX staff_accounts_agency_idx ON staff_accounts (agency_id, username)`);
    await queryRunner.query(`
      CREATE TABLE citizens (
        id uuid PRIMARY KEY,
        mobile_hash bytea NOT NULL UNIQUE,
        mobile_masked varchar(11) NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        account_kind varchar(8) NOT NULL CHECK (account_kind IN ('staff', 'citizen')),
        account_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_account_idx ON refresh_tokens (account_id) WHERE revoked_at IS NULL`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE sign_in_codes (
        id uuid PRIMARY KEY,
        mobile_hash bytea NOT NULL,
        code_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts smallint NOT NULL DEFAULT 0,
        consumed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX sign_in_codes_mobile_idx ON sign_in_codes (mobile_hash, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX sign_in_codes_created_idx ON sign_in_codes (created_at)`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_role varchar(32),
        actor_agency_id varchar(64),
        action varchar(64) NOT NULL,
        target_type varchar(32) NOT NULL,
        target_id varchar(128) NOT NULL,
        agency_id varchar(64),
        correlation_id varchar(128),
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_agency_idx ON audit_log (agency_id, id DESC)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope varchar(64) NOT NULL,
        key varchar(255) NOT NULL,
        request_hash char(64) NOT NULL,
        state varchar(12) NOT NULL CHECK (state IN ('in-progress', 'completed')),
        response_status smallint,
        response_body jsonb,
        response_location text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
