/**
 * The working-day calendar as the city office reads it: a year at a glance, twelve month grids
 * (Monday first, as Chinese calendars print them), each day a working day, a weekend, a public
 * holiday or an adjusted working day (调休上班). Plain functions; the page only draws them.
 */
import { addDays, dayOfWeek, isWeekend, type CalendarDate } from '@openday/domain/calendar';
import type { components } from '../../api/schema';

export type WorkingCalendar = components['schemas']['WorkingCalendarDto'];

export type DayKind = 'holiday' | 'adjusted' | 'weekend' | 'working';
export const DAY_KINDS: readonly DayKind[] = ['holiday', 'adjusted', 'weekend', 'working'];

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** A weekend day by the plain rule (the domain's, for a date already checked or built here). */
export function isWeekendDate(date: string): boolean {
  return isWeekend(date as CalendarDate);
}

/** What a day is: a listed holiday or adjusted working day first, then the Monday–Friday rule. */
export function dayKind(date: string, holidays: ReadonlySet<string>, adjusted: ReadonlySet<string>): DayKind {
  if (holidays.has(date)) return 'holiday';
  if (adjusted.has(date)) return 'adjusted';
  return isWeekendDate(date) ? 'weekend' : 'working';
}

export interface GlanceDay {
  date: string;
  day: number;
  kind: DayKind;
}

export interface GlanceMonth {
  /** 'YYYY-MM'. */
  month: string;
  /** Rows of seven, Monday first; null pads the days of the neighbouring months. */
  weeks: Array<Array<GlanceDay | null>>;
}

export interface YearAtAGlance {
  year: number;
  covered: boolean;
  months: GlanceMonth[];
  counts: Record<DayKind, number>;
}

/** The twelve month grids of a year, with each day's kind and the count of each kind. */
export function yearAtAGlance(year: number, days: { holidays: readonly string[]; adjustedWorkingDays: readonly string[]; coveredYears: readonly number[] }): YearAtAGlance {
  const holidays = new Set(days.holidays);
  const adjusted = new Set(days.adjustedWorkingDays);
  const counts: Record<DayKind, number> = { holiday: 0, adjusted: 0, weekend: 0, working: 0 };
  const months: GlanceMonth[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const first = `${year}-${String(month).padStart(2, '0')}-01` as CalendarDate;
    const cells: Array<GlanceDay | null> = Array.from({ length: (dayOfWeek(first) + 6) % 7 }, () => null);
    for (let date = first; date.slice(0, 7) === first.slice(0, 7); date = addDays(date, 1)) {
      const kind = dayKind(date, holidays, adjusted);
      counts[kind] += 1;
      cells.push({ date, day: Number(date.slice(8)), kind });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: Array<Array<GlanceDay | null>> = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ month: first.slice(0, 7), weeks });
  }
  return { year, covered: days.coveredYears.includes(year), months, counts };
}

/**
 * The years the page offers: every covered year near today plus the ones to add, and the one
 * asked for. A long history (the shipped data starts in 2004) is not worth a long list.
 */
export function yearChoices(coveredYears: readonly number[], missingYears: readonly number[], currentYear: number, asked?: number): number[] {
  const near = coveredYears.filter((year) => year >= currentYear - 2);
  const years = new Set([...near, ...missingYears, currentYear, ...(asked === undefined ? [] : [asked])]);
  return [...years].sort((a, b) => a - b);
}

/** The year a link asks for (`?year=`), when it is one the calendar can hold. */
export function yearFromQuery(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}

/**
 * The year to enter next: the first one the city office is told is missing, else the year after
 * the last covered one (the State Council publishes the next year's schedule each November).
 */
export function nextYearToAdd(coveredYears: readonly number[], missingYears: readonly number[], currentYear: number): number {
  if (missingYears.length > 0) return Math.min(...missingYears);
  const later = coveredYears.filter((year) => year >= currentYear);
  return later.length > 0 ? Math.max(...later) + 1 : currentYear;
}
