/**
 * Checks of a change the city office makes to the working-day calendar, as a
 * plain function: the domain's own rules (WorkingDayCalendar.withDays: real
 * dates, a date in one list only, adjusted working days on weekends) plus one
 * of this service: a day can only be set in a year the calendar covers, or one
 * the same change adds, so a year is never half entered by accident.
 */
import { InvalidCalendarDataError, isCalendarDate, yearOf, type WorkingDayCalendar, type WorkingDayCalendarChanges } from '@openday/domain';

export interface CalendarChangeContent {
  coveredYears?: readonly number[];
  holidays?: readonly string[];
  adjustedWorkingDays?: readonly string[];
  ordinaryDays?: readonly string[];
}

export interface CalendarChangeProblem {
  field: string;
  rule: string;
  message: string;
}

const LISTS = ['holidays', 'adjustedWorkingDays', 'ordinaryDays'] as const;
const DATE = /\d{4}-\d{2}-\d{2}/;

export type CalendarChangeOutcome =
  | { ok: true; calendar: WorkingDayCalendar; changes: WorkingDayCalendarChanges }
  | { ok: false; problems: CalendarChangeProblem[] };

export function applyCalendarChange(calendar: WorkingDayCalendar, change: CalendarChangeContent): CalendarChangeOutcome {
  const problems: CalendarChangeProblem[] = [];
  const years = new Set([...calendar.coveredYears, ...(change.coveredYears ?? [])]);
  const total = LISTS.reduce((n, list) => n + (change[list]?.length ?? 0), 0) + (change.coveredYears?.length ?? 0);
  if (total === 0) {
    problems.push({ field: 'change', rule: 'notEmpty', message: 'a change lists at least one year or day' });
  }
  for (const list of LISTS) {
    (change[list] ?? []).forEach((date, i) => {
      if (isCalendarDate(date) && !years.has(yearOf(date))) {
        problems.push({
          field: `${list}[${i}]`,
          rule: 'coveredYear',
          message: `${date} is in ${yearOf(date)}, which the calendar does not cover: add the year (coveredYears) with its holidays and adjusted working days`,
        });
      }
    });
  }
  const changes: WorkingDayCalendarChanges = {
    coveredYears: change.coveredYears ?? [],
    holidays: (change.holidays ?? []) as WorkingDayCalendarChanges['holidays'],
    adjustedWorkingDays: (change.adjustedWorkingDays ?? []) as WorkingDayCalendarChanges['adjustedWorkingDays'],
    ordinaryDays: (change.ordinaryDays ?? []) as WorkingDayCalendarChanges['ordinaryDays'],
  };
  try {
    const next = calendar.withDays(changes);
    return problems.length ? { ok: false, problems } : { ok: true, calendar: next, changes };
  } catch (error) {
    if (!(error instanceof InvalidCalendarDataError)) throw error;
    for (const message of error.problems) problems.push({ field: fieldOf(change, message), rule: 'calendarData', message });
    return { ok: false, problems };
  }
}

/** The list entry a domain problem is about: the last list naming its date (the second of "listed both as …"). */
function fieldOf(change: CalendarChangeContent, message: string): string {
  const date = DATE.exec(message)?.[0];
  if (message.includes('adjusted working day but is not on a weekend') && date) {
    const i = (change.adjustedWorkingDays ?? []).indexOf(date);
    if (i >= 0) return `adjustedWorkingDays[${i}]`;
  }
  for (const list of [...LISTS].reverse()) {
    const i = date ? (change[list] ?? []).indexOf(date) : -1;
    if (i >= 0) return `${list}[${i}]`;
  }
  return 'change';
}
