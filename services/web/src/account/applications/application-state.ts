import type { ApplicantView, ApplicationView, TicketView } from '../api/views';
import { shanghaiDate } from '../format';

/** What a person's application stands at, in the words the citizen reads. */
export type PersonState =
  | { state: 'withdrawn' }
  | { state: 'received' }
  | { state: 'selected' }
  | { state: 'waitlisted'; position: number | null }
  | { state: 'rejected'; reasonCode: string | null };

export function personState(application: ApplicationView, person: ApplicantView): PersonState {
  if (application.status === 'withdrawn') return { state: 'withdrawn' };
  const { outcome, waitlistPosition, reasonCode } = person.selection;
  switch (outcome) {
    case 'pending':
      return { state: 'received' };
    case 'selected':
      return { state: 'selected' };
    case 'waitlisted':
      return { state: 'waitlisted', position: waitlistPosition ?? null };
    case 'rejected':
      return { state: 'rejected', reasonCode: reasonCode ?? null };
  }
}

const ATTENDED = new Set(['checked-in', 'no-show']);

/**
 * Whether the citizen may still withdraw: the application stands, someone in
 * it can still take part, nobody's day is over (checked in or a no-show), and
 * the open day's date has not passed.
 */
export function canWithdraw(application: ApplicationView, tickets: readonly TicketView[], now: Date): boolean {
  if (application.status !== 'submitted') return false;
  if (application.people.every((p) => p.selection.outcome === 'rejected')) return false;
  if (tickets.some((t) => t.applicationId === application.id && ATTENDED.has(t.status))) return false;
  return shanghaiDate(now) <= application.sessionDate;
}
