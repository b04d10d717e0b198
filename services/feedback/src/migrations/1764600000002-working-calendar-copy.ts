import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_WORKING_CALENDAR_COPY } from '@openday/platform';

/** Feedback's copy of the working-day calendar, so due dates follow the city office's additions and corrections. */
export class WorkingCalendarCopy1764600000002 implements MigrationInterface {
  name = 'WorkingCalendarCopy1764600000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_WORKING_CALENDAR_COPY);
  }

  async down(): Promise<void> {
    throw new Error('forward-only migration');
  }
}
