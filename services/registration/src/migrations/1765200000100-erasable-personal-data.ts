import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's name, ID number, mobile and e-mail can be erased (retention after the open day, or the
 * citizen's request): the columns become nullable, and `personal_data_erased_at` says when. The keyed
 * hashes (person_key, mobile_key) and the figures' columns stay.
 */
export class ErasablePersonalData1765200000100 implements MigrationInterface {
  name = 'ErasablePersonalData1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application_people
        ALTER COLUMN name DROP NOT NULL,
        ALTER COLUMN id_number DROP NOT NULL,
        ALTER COLUMN mobile DROP NOT NULL,
        ADD COLUMN personal_data_erased_at timestamptz,
        ADD CONSTRAINT application_people_erased_or_whole
          CHECK ((personal_data_erased_at IS NULL) = (name IS NOT NULL AND id_number IS NOT NULL AND mobile IS NOT NULL))`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
