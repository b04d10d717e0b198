import { yearOf, type CalendarDate } from './calendar-date';

/**
 * The State Council publishes the next year's holidays each November, and deadlines counted in
 * working days (filing leads, answers to applicants, feedback due dates) reach weeks ahead: from
 * this day of the year on, the next year must be in the calendar too.
 */
export const NEXT_YEAR_NEEDED_FROM = '11-01';

export interface CalendarCoverage {
  /** Years the calendar must cover on `today` and does not, oldest first; empty when it is in order. */
  readonly missingYears: number[];
  /** Whether the current year itself is missing: every working-day deadline is refused until it is added. */
  readonly urgent: boolean;
}

/** Which years the city office has to add to the working-day calendar now. */
export function calendarCoverage(coveredYears: readonly number[], today: CalendarDate): CalendarCoverage {
  const year = yearOf(today);
  const needed = today.slice(5) >= NEXT_YEAR_NEEDED_FROM ? [year, year + 1] : [year];
  const covered = new Set(coveredYears);
  const missingYears = needed.filter((y) => !covered.has(y));
  return { missingYears, urgent: missingYears.includes(year) };
}
