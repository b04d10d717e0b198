import { UncoveredYearError, WorkingDayCalendar, type WorkingDayCalendarData } from '@openday/domain/calendar';

export type CalendarData = WorkingDayCalendarData;

/**
 * The last day of an answer due "within n working days" of `closedOn`, on the official calendar
 * the gateway serves (the services' own rule), or null when the count runs into a year the city
 * office has not entered yet: such a date is not guessed.
 */
export function answerDueDate(closedOn: string, workingDays: number, calendar: CalendarData): string | null {
  try {
    return new WorkingDayCalendar(calendar).answerDueDate(closedOn, workingDays);
  } catch (error) {
    if (error instanceof UncoveredYearError) return null;
    throw error;
  }
}
