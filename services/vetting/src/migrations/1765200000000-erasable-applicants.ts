import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When an applicant's masked name and ID, birth date (to its year) and staff note were erased: retention or the citizen's request. */
export class ErasableApplicants1765200000000 implements MigrationInterface {
  name = 'ErasableApplicants1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE vetting_applicants ADD COLUMN personal_data_erased_at timestamptz`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
