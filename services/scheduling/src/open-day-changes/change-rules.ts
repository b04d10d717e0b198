/**
 * The rules of a change to a published open day, as plain functions: which changes need the
 * city office, how early each kind must be filed, and which places a lower capacity frees.
 * No framework, no database; OpenDayChangesService asks these and turns the answers into problems.
 */
import type { OpenDayChangeReview, OpenDayChangeableFieldV2 } from '@openday/contracts';
import { compareDates, shanghaiDateOf, type CalendarDate, type FieldRefusal, type WorkingDayCalendar } from '@openday/domain';
import { filingDeadline } from '../plans/filing';

/**
 * Notices correct what attendees are told (bring an ID card, dress for the weather); they change
 * neither who may come nor when or where, so a correction reaches people at once, unreviewed.
 */
export const REVIEW_EXEMPT_FIELDS: readonly OpenDayChangeableFieldV2[] = ['notices'];

export function reviewOf(changedFields: readonly OpenDayChangeableFieldV2[]): OpenDayChangeReview {
  return changedFields.every((field) => REVIEW_EXEMPT_FIELDS.includes(field)) ? 'not-required' : 'required';
}

export interface ChangeSession {
  id?: string;
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  mediaPlaces?: number;
  agenda: unknown[];
}

export interface ChangeSessions {
  before: readonly ChangeSession[];
  after: readonly ChangeSession[];
  changedFields: readonly OpenDayChangeableFieldV2[];
}

/** Fields that hold for the whole open day: fixed once its first day has begun. */
const OPEN_DAY_WIDE_FIELDS: readonly OpenDayChangeableFieldV2[] = ['venues', 'assemblyPoint', 'eligibility'];

/**
 * How early each part of a change must be filed (and, again, approved), `at` being that moment:
 * - a new session, or a session moved to another date: no later than 5 working days before its (new) date,
 *   counted as plan filing is (filingDeadline, official working-day calendar, Asia/Shanghai dates);
 * - a session's time, capacity, media places or agenda on the same date, a removed session, and a moved session's old date:
 *   before that session's day begins (Asia/Shanghai), so people learn it the day before at the latest;
 * - venues, assembly point and eligibility: before the open day's first day begins;
 * - notices: any time.
 * Throws UncoveredYearError when the calendar lacks a year it needs.
 */
export function leadTimeProblems(calendar: WorkingDayCalendar, change: ChangeSessions, at: Date): FieldRefusal[] {
  const today = shanghaiDateOf(at);
  const beforeById = new Map(change.before.flatMap((s) => (s.id ? [[s.id, s] as const] : [])));
  const afterIds = new Set(change.after.flatMap((s) => (s.id ? [s.id] : [])));
  const problems: FieldRefusal[] = [];

  change.after.forEach((session, i) => {
    const field = `sessions[${i}].date`;
    const earlier = session.id ? beforeById.get(session.id) : undefined;
    if (earlier && !sameSession(earlier, session) && !beforeDayOf(today, earlier.date)) {
      problems.push({ field, rule: 'changeLeadTime', message: `session ${i + 1} (${earlier.date}) has begun or is over; it is changed no later than the day before it (Asia/Shanghai)` });
      return;
    }
    if (earlier && earlier.date === session.date) return;
    const deadline = filingDeadline(calendar, session.date as CalendarDate, at);
    if (!deadline.onTime) {
      const what = earlier ? `a session moved to ${session.date}` : `a new session on ${session.date}`;
      problems.push({
        field,
        rule: 'changeLeadTime',
        message: `${what} is filed no later than 5 working days before it: the last on-time date was ${deadline.lastOnTimeFilingDate}, today is ${deadline.filedOn} (Asia/Shanghai)`,
      });
    }
  });

  for (const removed of change.before) {
    if (removed.id && !afterIds.has(removed.id) && !beforeDayOf(today, removed.date)) {
      problems.push({ field: 'sessions', rule: 'changeLeadTime', message: `the session on ${removed.date} has begun or is over; it can no longer be removed` });
    }
  }

  const firstDay = [...change.before.map((s) => s.date)].sort()[0];
  for (const field of change.changedFields.filter((f) => OPEN_DAY_WIDE_FIELDS.includes(f))) {
    if (firstDay && !beforeDayOf(today, firstDay)) {
      problems.push({ field, rule: 'changeLeadTime', message: `the open day began on ${firstDay}; ${field} is changed no later than the day before its first session (Asia/Shanghai)` });
    }
  }
  return problems;
}

function beforeDayOf(today: CalendarDate, date: string): boolean {
  return compareDates(today, date as CalendarDate) < 0;
}

function sameSession(a: ChangeSession, b: ChangeSession): boolean {
  return a.date === b.date && a.startsAt === b.startsAt && a.endsAt === b.endsAt && a.capacity === b.capacity && (a.mediaPlaces ?? 0) === (b.mediaPlaces ?? 0) && JSON.stringify(a.agenda) === JSON.stringify(b.agenda);
}

/** A place taken in a session: a ticket issued and not revoked (checked in and no-show count too). */
export interface TakenPlace {
  ticketId: string;
  sessionId: string;
  /** Only an issued ticket (not yet checked in) can be given up. */
  status: 'issued' | 'checked-in' | 'no-show';
}

/**
 * A session's capacity may go below its places taken only when the agency names enough selected
 * people to leave (released tickets): exactly as many as needed at most, each an issued ticket
 * of that session, each once. Nobody moves up into released places.
 */
export function capacityProblems(after: readonly ChangeSession[], taken: readonly TakenPlace[], releasedTicketIds: readonly string[]): FieldRefusal[] {
  const problems: FieldRefusal[] = [];
  const takenById = new Map(taken.map((place) => [place.ticketId, place]));
  const needed = new Map<string, number>();
  after.forEach((session) => {
    if (!session.id) return;
    const count = taken.filter((place) => place.sessionId === session.id).length;
    if (count > session.capacity) needed.set(session.id, count - session.capacity);
  });

  const released = new Map<string, number>();
  const seen = new Set<string>();
  releasedTicketIds.forEach((ticketId, k) => {
    const field = `releasedTicketIds[${k}]`;
    const place = takenById.get(ticketId);
    const reason = seen.has(ticketId)
      ? 'is named twice'
      : !place
        ? 'is not an issued ticket of this open day'
        : place.status !== 'issued'
          ? `is ${place.status}; only an issued ticket can be given up`
          : !needed.has(place.sessionId)
            ? 'is of no session this change lowers below its places taken'
            : (released.get(place.sessionId) ?? 0) >= needed.get(place.sessionId)!
              ? `is more than needed: the session needs ${needed.get(place.sessionId)} released`
              : null;
    seen.add(ticketId);
    if (reason) {
      problems.push({ field, rule: 'releasableTicket', message: `ticket ${ticketId} ${reason}` });
      return;
    }
    released.set(place!.sessionId, (released.get(place!.sessionId) ?? 0) + 1);
  });

  after.forEach((session, i) => {
    const missing = session.id ? (needed.get(session.id) ?? 0) - (released.get(session.id) ?? 0) : 0;
    if (missing > 0) {
      const placesTaken = session.capacity + needed.get(session.id!)!;
      problems.push({
        field: `sessions[${i}].capacity`,
        rule: 'capacityBelowPlacesTaken',
        message: `${placesTaken} places are taken in session ${i + 1}; for a capacity of ${session.capacity} name ${missing} more selected ${missing === 1 ? 'person' : 'people'} to leave (releasedTicketIds)`,
      });
    }
  });
  return problems;
}
