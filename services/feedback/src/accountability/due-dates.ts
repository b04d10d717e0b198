import {
  compareDates,
  endOfShanghaiDay,
  FEEDBACK_ANSWER_WORKING_DAYS,
  shanghaiDateOf,
  shanghaiInstant,
  type CalendarDate,
  type WorkingDayCalendar,
} from '@openday/domain';

/** The due date an assignment made at `assignedAt` gets by default: n working days after its Shanghai date. */
export function defaultDueDate(calendar: WorkingDayCalendar, assignedAt: Date, workingDays = FEEDBACK_ANSWER_WORKING_DAYS): CalendarDate {
  return calendar.answerDueDate(shanghaiDateOf(assignedAt), workingDays);
}

/** An item is overdue from the end of its due date, Asia/Shanghai: midnight starting the next day. */
export function overdueFrom(dueDate: CalendarDate): Date {
  return endOfShanghaiDay(dueDate);
}

export function isOverdue(dueDate: CalendarDate, now: Date): boolean {
  return now.getTime() >= overdueFrom(dueDate).getTime();
}

/** Whether an answer given at `answeredAt` came after the end of the due date. */
export function isLate(dueDate: CalendarDate, answeredAt: Date): boolean {
  return isOverdue(dueDate, answeredAt);
}

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(calendar: WorkingDayCalendar, date: CalendarDate): CalendarDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
}

export interface Chase {
  /** Working days past the due date, up to the working day the chase falls in (a chase on a day off counts the next working day). */
  workingDaysOverdue: number;
  /** When to chase again: 09:00 Asia/Shanghai, `chaseEveryWorkingDays` working days later. */
  nextChaseAt: Date;
}

/**
 * A chase (督办) of an item due on `dueDate`, made at `now` (at or after overdueFrom(dueDate)).
 * The first chase happens as the item becomes overdue, at midnight; later ones during office hours.
 */
export function chase(calendar: WorkingDayCalendar, dueDate: CalendarDate, now: Date, chaseEveryWorkingDays: number): Chase {
  if (!isOverdue(dueDate, now)) throw new RangeError(`An item due on ${dueDate} is not overdue at ${now.toISOString()}`);
  const chaseDay = workingDayOnOrAfter(calendar, shanghaiDateOf(now));
  const workingDaysOverdue = Math.max(1, calendar.workingDaysBetween(dueDate, chaseDay));
  const nextChaseAt = shanghaiInstant(calendar.addWorkingDays(chaseDay, chaseEveryWorkingDays), '09:00');
  return { workingDaysOverdue, nextChaseAt };
}

/** A due date staff set must not lie in the past (Shanghai). */
export function isAcceptableDueDate(dueDate: CalendarDate, now: Date): boolean {
  return compareDates(dueDate, shanghaiDateOf(now)) >= 0;
}
