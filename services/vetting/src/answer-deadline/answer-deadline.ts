import { addDays, isWeekend, shanghaiDateOf, shanghaiInstant, type CalendarDate, type WorkingDayCalendar } from '@openday/domain';

/** An applicant gets an answer within this many working days of the registration deadline. */
export const ANSWER_WORKING_DAYS = 2;

/**
 * The last day an answer is due on (the 2nd working day after the Shanghai date the window
 * closed on, by the working-day calendar in force) and the instant it has passed (the next midnight in
 * Shanghai). For a year the official calendar does not cover yet, weekends alone count as
 * days off, so the timer still fires.
 */
export function answerDeadline(closedAt: Date, calendar: WorkingDayCalendar, workingDays = ANSWER_WORKING_DAYS): { dueDate: CalendarDate; dueAt: Date } {
  const closedOn = shanghaiDateOf(closedAt);
  let dueDate: CalendarDate;
  try {
    dueDate = calendar.answerDueDate(closedOn, workingDays);
  } catch {
    dueDate = closedOn;
    for (let left = workingDays; left > 0; ) {
      dueDate = addDays(dueDate, 1);
      if (!isWeekend(dueDate)) left -= 1;
    }
  }
  return { dueDate, dueAt: shanghaiInstant(addDays(dueDate, 1), '00:00') };
}
