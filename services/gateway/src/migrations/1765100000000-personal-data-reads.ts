import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff reads of personal data carry the people read in details.personIds; a citizen's "who read my data" looks them up. */
export class PersonalDataReads1765100000000 implements MigrationInterface {
  name = 'PersonalDataReads1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX audit_log_personal_data_reads_idx ON audit_log USING gin ((details->'personIds')) WHERE action = 'personal-data.read'`,
    );
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
