/**
 * The official working-day count the platform's deadlines use (libs/domain's
 * WorkingDayCalendar: weekends and holidays off, adjusted working days on, a year the city
 * office has not entered is not guessed), over the calendar the gateway serves publicly.
 */
import type { components } from '../../api/schema';

export type CalendarData = Pick<components['schemas']['WorkingCalendarDto'], 'holidays' | 'adjustedWorkingDays' | 'coveredYears'>;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whether a date is worked; null when its year is not in the calendar yet. */
export function isWorkingDay(date: string, calendar: CalendarData): boolean | null {
  if (!calendar.coveredYears.includes(Number(date.slice(0, 4)))) return null;
  if (calendar.holidays.includes(date)) return false;
  if (calendar.adjustedWorkingDays.includes(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The last day of an answer due "within n working days" of `closedOn` (the n-th working day
 * after it; `closedOn` never counts), or null when the count runs into a year not entered.
 */
export function answerDueDate(closedOn: string, workingDays: number, calendar: CalendarData): string | null {
  let day = closedOn;
  for (let remaining = workingDays; remaining > 0; ) {
    day = nextDay(day);
    const worked = isWorkingDay(day, calendar);
    if (worked === null) return null;
    if (worked) remaining -= 1;
  }
  return day;
}
