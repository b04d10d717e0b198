import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every gateway replica: one row per limit,
 * route and client address, counting in a window that ends at expires_at.
 * UNLOGGED: counters lost in a crash only reset a minute's window, and skipping
 * the write-ahead log keeps a counted request cheap.
 */
export class RateLimitCounters1765200000000 implements MigrationInterface {
  name = 'RateLimitCounters1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limit_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rate_limit_counters_expires_at ON rate_limit_counters (expires_at)`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
