import { CalendarDate, toCalendarDate } from '@openday/domain';

/**
 * The same day `months` earlier; when that month is shorter, its last day
 * (31 March 2026 less one month is 28 February 2026), so a look-back never reaches past a month's end.
 */
export function monthsBefore(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Months must be a whole number of at least 0, got ${months}`);
  const [year, month, day] = toCalendarDate(date).split('-').map(Number);
  const monthsSinceYearZero = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(monthsSinceYearZero / 12);
  const targetMonth = (monthsSinceYearZero % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return toCalendarDate(`${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
