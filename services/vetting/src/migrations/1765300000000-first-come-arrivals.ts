import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First-come decisions in submission order, in batches. An arrival is stored awaiting its
 * decision (awaiting_decision) instead of rewriting the session's selection under its lock on
 * every arrival; a decider stamps decision_due_at (the settle window, counted from when it
 * first sees the committed arrival) and decides a session's settled arrivals in
 * arrival_sequence order, one transaction per session and batch.
 */
export class FirstComeArrivals1765300000000 implements MigrationInterface {
  name = 'FirstComeArrivals1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE vetting_applicants ADD COLUMN awaiting_decision boolean NOT NULL DEFAULT false, ADD COLUMN decision_due_at timestamptz`);
    await queryRunner.query(`CREATE INDEX vetting_applicants_awaiting_idx ON vetting_applicants (session_id, arrival_sequence) WHERE awaiting_decision`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
