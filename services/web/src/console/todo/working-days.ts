import { toCalendarDate, UncoveredYearError, WorkingDayCalendar } from '@openday/domain/calendar';

/** The official calendar as the gateway serves it (dates as plain YYYY-MM-DD strings). */
export interface CalendarData {
  holidays: readonly string[];
  adjustedWorkingDays: readonly string[];
  coveredYears: readonly number[];
}

/**
 * The last day of an answer due "within n working days" of `closedOn`, on the official calendar
 * (the services' own rule), or null when the count runs into a year the city office has not
 * entered yet: such a date is not guessed.
 */
export function answerDueDate(closedOn: string, workingDays: number, calendar: CalendarData): string | null {
  try {
    const official = new WorkingDayCalendar({
      holidays: calendar.holidays.map(toCalendarDate),
      adjustedWorkingDays: calendar.adjustedWorkingDays.map(toCalendarDate),
      coveredYears: calendar.coveredYears,
    });
    return official.answerDueDate(toCalendarDate(closedOn), workingDays);
  } catch (error) {
    if (error instanceof UncoveredYearError) return null;
    throw error;
  }
}
