import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An optional e-mail address (encrypted like the mobile) and the language of a person's messages. */
export class ContactDetails1764410000000 implements MigrationInterface {
  name = 'ContactDetails1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE application_people ADD COLUMN email text`);
    await queryRunner.query(
      `ALTER TABLE application_people ADD COLUMN language varchar(8) NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en'))`,
    );
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
