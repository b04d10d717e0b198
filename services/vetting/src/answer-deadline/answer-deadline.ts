import {
  addDays,
  APPLICANT_ANSWER_WORKING_DAYS,
  endOfShanghaiDay,
  shanghaiDateOf,
  UncoveredYearError,
  type CalendarDate,
  type WorkingDayCalendar,
} from '@openday/domain';

/**
 * The last day an answer is due on (the 2nd working day after the Shanghai date the window
 * closed on, by the working-day calendar in force) and the instant it has passed (the next
 * midnight in Shanghai). A year the calendar does not cover throws UncoveredYearError: a
 * guessed deadline would flag applicants on the wrong day.
 */
export function answerDeadline(closedAt: Date, calendar: WorkingDayCalendar, workingDays = APPLICANT_ANSWER_WORKING_DAYS): { dueDate: CalendarDate; dueAt: Date } {
  const dueDate = calendar.answerDueDate(shanghaiDateOf(closedAt), workingDays);
  return { dueDate, dueAt: endOfShanghaiDay(dueDate) };
}

/**
 * When the deadline's timer should first look: its instant when the calendar covers it; otherwise
 * the earliest it could pass whatever the missing year holds (every day counted as worked, as an
 * adjusted working day may be), so a late-added year never makes the flag late.
 */
export function answerDeadlineCheckAt(closedAt: Date, calendar: WorkingDayCalendar, workingDays = APPLICANT_ANSWER_WORKING_DAYS): Date {
  try {
    return answerDeadline(closedAt, calendar, workingDays).dueAt;
  } catch (error) {
    if (!(error instanceof UncoveredYearError)) throw error;
    return endOfShanghaiDay(addDays(shanghaiDateOf(closedAt), workingDays));
  }
}
