import type { MigrationInterface, QueryRunner } from 'typeorm';
import { officialCalendar, yearOf } from '@openday/domain';

/** The years this migration seeds; later years come from the city office through the API. */
const SEEDED_YEARS = [2024, 2025, 2026];

/**
 * The working-day calendar as data the city office keeps: covered years, and
 * the exceptions to Monday–Friday (holidays on weekdays, adjusted working days
 * on weekends). Seeded with the State Council's 2024–2026 schedule from
 * libs/domain, limited to those years so that what this migration writes never
 * changes when the library learns a later year.
 */
export class CreateWorkingCalendar1764000000100 implements MigrationInterface {
  name = 'CreateWorkingCalendar1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE working_calendar_years (
        year integer PRIMARY KEY,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE working_calendar_days (
        date date PRIMARY KEY,
        kind varchar(24) NOT NULL CHECK (kind IN ('holiday', 'adjusted-working-day')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE working_calendar_changes (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        note text,
        changes jsonb NOT NULL
      )`);

    const data = officialCalendar().toData();
    const seeded = (date: string) => SEEDED_YEARS.includes(yearOf(date as `${number}-${number}-${number}`));
    const holidays = data.holidays.filter(seeded);
    const adjustedWorkingDays = data.adjustedWorkingDays.filter(seeded);
    const years = data.coveredYears.filter((year) => SEEDED_YEARS.includes(year));
    await queryRunner.query(`INSERT INTO working_calendar_years (year) SELECT unnest($1::int[])`, [years]);
    await queryRunner.query(
      `INSERT INTO working_calendar_days (date, kind)
       SELECT unnest($1::date[]), 'holiday' UNION ALL SELECT unnest($2::date[]), 'adjusted-working-day'`,
      [holidays, adjustedWorkingDays],
    );
    await queryRunner.query(`INSERT INTO working_calendar_changes (note, changes) VALUES ($1, $2)`, [
      'Official schedule (State Council) shipped with the platform',
      { coveredYears: years, holidays, adjustedWorkingDays },
    ]);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
