import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each session's media places, as its plan sets them (open-day-published v3, open-day-changed v2).
 * NULL for sessions published before (v2): they keep the deployment's MEDIA_PLACES_OUTSIDE_QUOTA.
 */
export class SessionMediaPlaces1765000000000 implements MigrationInterface {
  name = 'SessionMediaPlaces1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE vetting_sessions ADD COLUMN media_places integer NULL CHECK (media_places >= 0)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
