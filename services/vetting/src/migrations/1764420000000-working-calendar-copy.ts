import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_WORKING_CALENDAR_COPY } from '@openday/platform';

/** Vetting's copy of the working-day calendar, so the 2-working-day answer rule follows the city office's additions and corrections. */
export class WorkingCalendarCopy1764420000000 implements MigrationInterface {
  name = 'WorkingCalendarCopy1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_WORKING_CALENDAR_COPY);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
