import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lottery recipe 2: a secret per lottery open day, drawn when vetting first learns of the open
 * day (before registration opens) and committed to by its SHA-256, which is public at once; the
 * secret is read only by the draw and shown only once revealed. The check ties the stored secret
 * to its commitment, so neither can be changed alone. A session records which recipe its draw
 * followed (draws made before this are recipe 1) and, for recipe 2, the hash of its entry list.
 */
export class LotteryCommitments1765500000000 implements MigrationInterface {
  name = 'LotteryCommitments1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE vetting_lottery_commitments (
        open_day_id uuid PRIMARY KEY REFERENCES vetting_open_days (id),
        secret char(64) NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'),
        commitment char(64) NOT NULL CHECK (commitment = encode(sha256(decode(secret, 'hex')), 'hex')),
        committed_at timestamptz NOT NULL,
        revealed_at timestamptz
      )`);
    await queryRunner.query(`ALTER TABLE vetting_sessions ADD COLUMN lottery_recipe smallint CHECK (lottery_recipe IN (1, 2)), ADD COLUMN entry_list_hash char(64)`);
    await queryRunner.query(`UPDATE vetting_sessions SET lottery_recipe = 1 WHERE lottery_seed IS NOT NULL`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
