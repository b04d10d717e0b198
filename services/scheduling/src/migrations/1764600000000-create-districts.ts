import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The demo city's districts (Fuzhou's six), the ones its agencies, plans and applicants already name. */
const SEEDED_DISTRICTS = [
  ['gulou', '鼓楼区', 'Gulou District'],
  ['taijiang', '台江区', 'Taijiang District'],
  ['cangshan', '仓山区', 'Cangshan District'],
  ['mawei', '马尾区', 'Mawei District'],
  ['jinan', '晋安区', "Jin'an District"],
  ['changle', '长乐区', 'Changle District'],
] as const;

/**
 * The district list the city office keeps: eligibility names districts from it
 * rather than free text. A district is deactivated, never deleted, so plans
 * and applications that name it still read.
 */
export class CreateDistricts1764600000000 implements MigrationInterface {
  name = 'CreateDistricts1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE districts (
        code varchar(40) PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
        name_zh varchar(40) NOT NULL,
        name_en varchar(80) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        position serial NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `INSERT INTO districts (code, name_zh, name_en) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])`,
      [SEEDED_DISTRICTS.map((d) => d[0]), SEEDED_DISTRICTS.map((d) => d[1]), SEEDED_DISTRICTS.map((d) => d[2])],
    );
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
