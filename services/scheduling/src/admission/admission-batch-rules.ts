/**
 * When a person of a batch applied set-based has every piece of a ticket, as plain functions
 * (how the batch is cut and which pieces are kept: libs/messaging's batch-runs).
 */

/** What admission knows of a person when it may issue their ticket. */
export interface TicketPieces {
  sessionId: string | null;
  maskedName: string | null;
  maskedIdNumber: string | null;
  applicantUserId: string | null;
  selectedAt: Date | null;
  /** A ticket was issued already (at most one per person, ever). */
  ticketed: boolean;
  /** The application was withdrawn (a selection arriving later issues nothing). */
  withdrawn: boolean;
}

/** Submission (masked name, ID, session), applying account and selection are all known, and nothing forbids the ticket. */
export function hasEveryPiece(person: TicketPieces): boolean {
  return Boolean(person.selectedAt && person.maskedName && person.maskedIdNumber && person.applicantUserId && person.sessionId) && !person.ticketed && !person.withdrawn;
}

/** The session still admits new tickets: its open day is published and its no-shows are not recorded yet. */
export function sessionAdmits(session: { openDayStatus: 'published' | 'cancelled'; noShowsRecordedAt: Date | null }): boolean {
  return session.openDayStatus === 'published' && !session.noShowsRecordedAt;
}
