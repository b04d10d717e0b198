import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Vetting's answer per person, so a citizen sees selected / waitlisted / rejected beside their application. */
export class SelectionOutcomes1764100000200 implements MigrationInterface {
  name = 'SelectionOutcomes1764100000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application_people
        ADD COLUMN selection_outcome varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (selection_outcome IN ('pending', 'selected', 'waitlisted', 'rejected')),
        ADD COLUMN selection_reason varchar(64),
        ADD COLUMN waitlist_position integer,
        ADD COLUMN selection_decided_at timestamptz`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
