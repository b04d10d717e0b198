/** The working-day calendar's persistence: hand-written SQL on the caller's transaction (its EntityManager). */
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@openday/domain';

/** An exception to Monday–Friday: a weekday off, or a weekend day worked (调休). */
export type CalendarDayKind = 'holiday' | 'adjusted-working-day';

export interface StoredCalendar {
  /** Years whose official schedule is complete; dates in other years are refused, not guessed. */
  coveredYears: number[];
  holidays: CalendarDate[];
  adjustedWorkingDays: CalendarDate[];
}

export async function storedCalendar(manager: EntityManager): Promise<StoredCalendar> {
  const [years, days] = await Promise.all([
    manager.query(`SELECT year FROM working_calendar_years ORDER BY year`) as Promise<Array<{ year: number }>>,
    manager.query(`SELECT date::text AS date, kind FROM working_calendar_days ORDER BY date`) as Promise<Array<{ date: CalendarDate; kind: CalendarDayKind }>>,
  ]);
  return {
    coveredYears: years.map((y) => y.year),
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    adjustedWorkingDays: days.filter((d) => d.kind === 'adjusted-working-day').map((d) => d.date),
  };
}

/** The touched dates become what the change says: holidays and adjusted working days stored, ordinary days none. */
export async function replaceCalendarDays(
  manager: EntityManager,
  touched: readonly string[],
  days: ReadonlyArray<{ date: string; kind: CalendarDayKind }>,
): Promise<void> {
  if (touched.length) await manager.query('DELETE FROM working_calendar_days WHERE date = ANY($1::date[])', [touched]);
  if (days.length) {
    await manager.query(`INSERT INTO working_calendar_days (date, kind) SELECT * FROM unnest($1::date[], $2::varchar[])`, [
      days.map((d) => d.date),
      days.map((d) => d.kind),
    ]);
  }
}

export async function addCoveredYears(manager: EntityManager, years: readonly number[]): Promise<void> {
  if (years.length) await manager.query(`INSERT INTO working_calendar_years (year) SELECT unnest($1::integer[]) ON CONFLICT DO NOTHING`, [years]);
}

/** What the city office changed, when and why. */
export async function recordCalendarChange(manager: EntityManager, actorUserId: string | null, note: string | null, changes: Record<string, unknown>): Promise<void> {
  await manager.query(`INSERT INTO working_calendar_changes (actor_user_id, note, changes) VALUES ($1, $2, $3)`, [actorUserId, note, JSON.stringify(changes)]);
}
