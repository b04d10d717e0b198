import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a person's masked name and ID (and a staff note on their ticket) were erased: retention or the citizen's request. */
export class ErasableAdmissions1765200000000 implements MigrationInterface {
  name = 'ErasableAdmissions1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE admission_people ADD COLUMN personal_data_erased_at timestamptz`);
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN personal_data_erased_at timestamptz`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
