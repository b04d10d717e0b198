import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Registration learns of cancellations, so a cancelled open day stops taking applications. */
export class OpenDayCancellations1764100000300 implements MigrationInterface {
  name = 'OpenDayCancellations1764100000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE published_open_days ADD COLUMN cancelled_at timestamptz`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
