import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications and the people in them. ID numbers and mobiles are stored only
 * encrypted (`v<key>:<iv>:<tag>:<ciphertext>`, checked here so plaintext can
 * never slip in); `person_key` is their keyed hash, and the partial unique
 * index on it is what makes "one application per person per open day" hold
 * under any concurrency.
 */
export class CreateApplications1764100000100 implements MigrationInterface {
  name = 'CreateApplications1764100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        open_day_id uuid NOT NULL REFERENCES published_open_days (id),
        session_id uuid NOT NULL,
        session_date date NOT NULL,
        channel varchar(16) NOT NULL CHECK (channel IN ('self', 'organisation', 'group')),
        applicant_user_id uuid NOT NULL,
        recommending_organisation varchar(100),
        unit_name varchar(100),
        unit_credit_code char(18),
        status varchar(16) NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'withdrawn')),
        idempotency_key varchar(200),
        request_fingerprint char(64),
        submitted_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        CHECK ((channel = 'organisation') = (recommending_organisation IS NOT NULL)),
        CHECK ((channel = 'group') = (unit_name IS NOT NULL AND unit_credit_code IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX applications_applicant_idx ON applications (applicant_user_id, seq DESC)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX applications_idempotency_key_idx ON applications (applicant_user_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE application_people (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        open_day_id uuid NOT NULL,
        position smallint NOT NULL,
        arrival_sequence bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        person_key char(64) NOT NULL,
        mobile_key char(64) NOT NULL,
        name varchar(50) NOT NULL,
        id_number text NOT NULL CHECK (id_number ~ '^v[0-9]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$'),
        mobile text NOT NULL CHECK (mobile ~ '^v[0-9]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$'),
        category varchar(32) NOT NULL,
        district varchar(64) NOT NULL,
        privacy_consent_at timestamptz NOT NULL,
        active boolean NOT NULL DEFAULT true,
        UNIQUE (application_id, position)
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX application_people_one_per_person_idx ON application_people (open_day_id, person_key)
        WHERE active`);
    await queryRunner.query(`CREATE INDEX application_people_person_key_idx ON application_people (person_key)`);
    await queryRunner.query(`CREATE INDEX application_people_mobile_key_idx ON application_people (mobile_key)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
