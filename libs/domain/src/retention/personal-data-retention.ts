import { addDays, shanghaiDateOf, type CalendarDate } from '../calendar/calendar-date';

/** Six months, as days: how long applicants' personal data are kept after their open day by default. */
export const DEFAULT_PERSONAL_DATA_RETENTION_DAYS = 183;

/**
 * The last day of an open day (its last session's date, Asia/Shanghai) whose applicants' personal
 * data are past retention at `now`: the open day ended at the end of that date, and `retentionDays`
 * whole days have passed since. Rows of open days that ended on this date or before are erased.
 */
export function retentionCutoffDate(now: Date, retentionDays: number): CalendarDate {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) throw new RangeError(`retentionDays must be a whole number of days, not ${retentionDays}`);
  return addDays(shanghaiDateOf(now), -(retentionDays + 1));
}

/** Whether the personal data of an open day that ended on `lastDate` are to be erased at `now`. */
export function isPastRetention(lastDate: CalendarDate, now: Date, retentionDays: number): boolean {
  return lastDate <= retentionCutoffDate(now, retentionDays);
}

/**
 * Whether an open day is still in progress for a citizen's erasure request: until the end of its last
 * day (Asia/Shanghai) its applications are kept (places, tickets and check-in depend on them).
 */
export function isOpenDayInProgress(lastDate: CalendarDate, now: Date): boolean {
  return lastDate >= shanghaiDateOf(now);
}

export interface ApplicationToErase {
  applicationId: string;
  /** The last day of its open day (Asia/Shanghai). */
  lastDate: CalendarDate;
  /** A withdrawn application holds no place: it may go at once. */
  withdrawn?: boolean;
}

/**
 * A citizen's erasure request, per application: erased now, or kept while its open day is in
 * progress (places, tickets and check-in depend on it; retention erases it afterwards).
 */
export function splitErasure(applications: readonly ApplicationToErase[], now: Date): { erase: string[]; kept: Array<{ applicationId: string; reason: 'open-day-in-progress' }> } {
  const erase: string[] = [];
  const kept: Array<{ applicationId: string; reason: 'open-day-in-progress' }> = [];
  for (const application of applications) {
    if (!application.withdrawn && isOpenDayInProgress(application.lastDate, now)) kept.push({ applicationId: application.applicationId, reason: 'open-day-in-progress' });
    else erase.push(application.applicationId);
  }
  return { erase, kept };
}
