import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpenDays1763900000100 implements MigrationInterface {
  name = 'CreateOpenDays1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE open_days (
        id uuid PRIMARY KEY,
        title varchar(200) NOT NULL,
        agency_id varchar(64) NOT NULL,
        date date NOT NULL,
        published_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX open_days_date_idx ON open_days (date, id)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
