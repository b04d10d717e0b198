import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publication of approved plans and the public listing.
 *
 * open_days (the walking slice's table) gains what the listing shows and
 * filters on; rows the walking slice writes keep working through the column
 * defaults. Search on title and theme uses trigrams: Chinese has no spaces
 * between words, so word-based full-text search finds nothing, while a
 * trigram GIN index serves ILIKE '%自来水%' and similarity. pg_trgm is a
 * trusted extension: the service's own role (its database's owner) may create it.
 *
 * publication_timers: one row per approved plan, claimed with
 * FOR UPDATE SKIP LOCKED when due, deleted in the transaction that publishes.
 */
export class PublishPlans1764000000200 implements MigrationInterface {
  name = 'PublishPlans1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      ALTER TABLE open_days
        ADD COLUMN plan_id uuid UNIQUE REFERENCES plans (id),
        ADD COLUMN status varchar(16) NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'cancelled')),
        ADD COLUMN theme varchar(2000) NOT NULL DEFAULT '',
        ADD COLUMN forms text[] NOT NULL DEFAULT '{}',
        ADD COLUMN districts text[] NOT NULL DEFAULT '{}',
        ADD COLUMN end_date date,
        ADD COLUMN registration_opens_at timestamptz,
        ADD COLUMN registration_closes_at timestamptz,
        ADD COLUMN details jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN changed_at timestamptz,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancellation_reason varchar(500),
        ADD COLUMN search_text text GENERATED ALWAYS AS (title || ' ' || theme) STORED`);
    await queryRunner.query(`CREATE INDEX open_days_search_trgm_idx ON open_days USING gin (search_text gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX open_days_agency_idx ON open_days (agency_id, date, id)`);
    await queryRunner.query(`CREATE INDEX open_days_forms_idx ON open_days USING gin (forms)`);
    await queryRunner.query(`
      CREATE TABLE publication_timers (
        plan_id uuid PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
        due_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX publication_timers_due_idx ON publication_timers (due_at)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
