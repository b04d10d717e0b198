import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What registration needs from OpenDayPublishedV2 to take applications:
 * sessions, the registration window, eligibility and the quota categories.
 * Nullable: open days known only from v1 have none of it and take no applications.
 * No check on the window's order: an event that passed its schema is kept as
 * published (a window that closes before it opens simply never admits anyone).
 */
export class PublishedOpenDayDetails1764100000000 implements MigrationInterface {
  name = 'PublishedOpenDayDetails1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE published_open_days
        ADD COLUMN plan_id uuid,
        ADD COLUMN sessions jsonb,
        ADD COLUMN registration_opens_at timestamptz,
        ADD COLUMN registration_closes_at timestamptz,
        ADD COLUMN min_age smallint,
        ADD COLUMN max_age smallint,
        ADD COLUMN districts text[],
        ADD COLUMN quotas jsonb,
        ADD COLUMN media_outside_quota boolean,
        ADD COLUMN selection_mode varchar(32)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
