import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Media places are part of the plan, per session (until now one service-wide vetting setting); sessions planned before have none. */
export class AddSessionMediaPlaces1764800000000 implements MigrationInterface {
  name = 'AddSessionMediaPlaces1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE plan_sessions ADD COLUMN media_places integer NOT NULL DEFAULT 0
        CHECK (media_places BETWEEN 0 AND 50)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
