/**
 * How a batch of events about admission's people is applied set-based, as plain functions:
 * which pieces of the batch are kept, how it is cut so a person's events keep their order,
 * and when a person has every piece of a ticket.
 */

/**
 * The items in stream order, cut into runs in which no key appears twice: a run is applied with
 * one statement for all its keys, and a key's later item sees what the earlier one wrote.
 */
export function runsOfDistinct<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let keys = new Set<string>();
  for (const item of items) {
    const key = keyOf(item).toLowerCase();
    if (keys.has(key)) {
      runs.push(run);
      run = [];
      keys = new Set();
    }
    run.push(item);
    keys.add(key);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The last item of each key, in the order of their first appearance: one multi-row upsert may
 * touch a row only once, and of two upserts of the same row in stream order the later wins.
 */
export function lastOfEach<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) last.set(keyOf(item).toLowerCase(), item);
  return [...last.values()];
}

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
