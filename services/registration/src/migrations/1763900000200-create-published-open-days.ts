import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePublishedOpenDays1763900000200 implements MigrationInterface {
  name = 'CreatePublishedOpenDays1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE published_open_days (
        id uuid PRIMARY KEY,
        title varchar(200) NOT NULL,
        agency_id varchar(64) NOT NULL,
        date date NOT NULL,
        published_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX published_open_days_date_idx ON published_open_days (date, id)`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
