import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback's own tables.
 *
 * fb_open_days: what feedback knows of each open day, from published, ticket and ended events in
 * whatever order they come (each fills its own columns). fb_tickets: tickets and who was checked
 * in (an event about a ticket may come before the ticket itself). fb_applications / fb_selections:
 * counts for the city-wide table. fb_items: opinions and suggestions with their assignment, answer,
 * rating and overdue state; `next_check_at` is the overdue timer, claimed with SKIP LOCKED.
 * fb_surveys / fb_survey_responses: the agency's own questions and one response per ticket.
 * fb_summaries: the agency's summary of an open day with the figures at filing time.
 */
export class CreateFeedback1764600000001 implements MigrationInterface {
  name = 'CreateFeedback1764600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fb_open_days (
        id uuid PRIMARY KEY,
        agency_id varchar(64) NOT NULL,
        title varchar(200) NOT NULL,
        first_date date,
        last_date date,
        published_at timestamptz,
        attendance jsonb,
        ended_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX fb_open_days_agency_idx ON fb_open_days (agency_id)`);
    await queryRunner.query(`
      CREATE TABLE fb_tickets (
        ticket_id uuid PRIMARY KEY,
        open_day_id uuid NOT NULL,
        agency_id varchar(64) NOT NULL,
        person_id uuid NOT NULL,
        applicant_user_id uuid,
        session_starts_at timestamptz,
        issued boolean NOT NULL DEFAULT false,
        revoked boolean NOT NULL DEFAULT false,
        checked_in_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX fb_tickets_user_idx ON fb_tickets (applicant_user_id, open_day_id)`);
    await queryRunner.query(`CREATE INDEX fb_tickets_open_day_idx ON fb_tickets (open_day_id)`);
    await queryRunner.query(`CREATE TABLE fb_applications (person_id uuid PRIMARY KEY, open_day_id uuid NOT NULL)`);
    await queryRunner.query(`CREATE INDEX fb_applications_open_day_idx ON fb_applications (open_day_id)`);
    await queryRunner.query(`CREATE TABLE fb_selections (person_id uuid PRIMARY KEY, open_day_id uuid NOT NULL)`);
    await queryRunner.query(`CREATE INDEX fb_selections_open_day_idx ON fb_selections (open_day_id)`);
    await queryRunner.query(`
      CREATE TABLE fb_items (
        id uuid PRIMARY KEY,
        open_day_id uuid NOT NULL REFERENCES fb_open_days (id),
        agency_id varchar(64) NOT NULL,
        ticket_id uuid,
        person_id uuid,
        applicant_user_id uuid,
        source varchar(20) NOT NULL CHECK (source IN ('representative', 'recorded-by-staff')),
        recorded_by uuid,
        topic varchar(40) NOT NULL,
        text varchar(2000) NOT NULL,
        attachment varchar(500),
        submitted_at timestamptz NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'collected' CHECK (status IN ('collected', 'assigned', 'answered')),
        department_id varchar(64),
        due_date date,
        assigned_at timestamptz,
        assigned_by uuid,
        overdue boolean NOT NULL DEFAULT false,
        ever_overdue boolean NOT NULL DEFAULT false,
        chase_count integer NOT NULL DEFAULT 0,
        next_check_at timestamptz,
        outcome varchar(20) CHECK (outcome IN ('solved', 'will-be-solved', 'explained', 'not-our-remit')),
        answer varchar(4000),
        promised_by date,
        passed_to varchar(200),
        late boolean,
        answered_at timestamptz,
        answered_by uuid,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rated_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX fb_items_open_day_idx ON fb_items (open_day_id, submitted_at, id)`);
    await queryRunner.query(`CREATE INDEX fb_items_department_idx ON fb_items (department_id, submitted_at, id)`);
    await queryRunner.query(`CREATE INDEX fb_items_user_idx ON fb_items (applicant_user_id, submitted_at, id)`);
    await queryRunner.query(`CREATE INDEX fb_items_agency_idx ON fb_items (agency_id)`);
    await queryRunner.query(`CREATE INDEX fb_items_timer_idx ON fb_items (next_check_at) WHERE next_check_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE fb_surveys (
        open_day_id uuid PRIMARY KEY REFERENCES fb_open_days (id),
        questions jsonb NOT NULL,
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE fb_survey_responses (
        id uuid PRIMARY KEY,
        open_day_id uuid NOT NULL REFERENCES fb_open_days (id),
        ticket_id uuid NOT NULL UNIQUE,
        overall smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
        answers jsonb NOT NULL,
        answered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX fb_survey_responses_open_day_idx ON fb_survey_responses (open_day_id)`);
    await queryRunner.query(`
      CREATE TABLE fb_summaries (
        open_day_id uuid PRIMARY KEY REFERENCES fb_open_days (id),
        agency_id varchar(64) NOT NULL,
        text varchar(5000) NOT NULL,
        figures jsonb NOT NULL,
        attendance jsonb NOT NULL,
        filed_by uuid NOT NULL,
        filed_at timestamptz NOT NULL,
        first_filed_by uuid NOT NULL,
        first_filed_at timestamptz NOT NULL,
        revision integer NOT NULL DEFAULT 1
      )`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
