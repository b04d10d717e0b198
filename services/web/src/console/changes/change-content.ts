/**
 * A change to a published open day as plain functions: which parts changed, what is sent, whether
 * the city office reviews it, how many people the agency still has to name when it lowers a
 * session's capacity below its places taken, and the change in words (before → after).
 */
export type ChangeGroup = 'sessions' | 'venues' | 'assemblyPoint' | 'eligibility' | 'notices';
export const CHANGE_GROUPS: readonly ChangeGroup[] = ['sessions', 'venues', 'assemblyPoint', 'eligibility', 'notices'];

export interface ChangeAgendaItem {
  startsAt: string;
  endsAt: string;
  activity: string;
  venue?: string | null;
}

export interface ChangeSession {
  /** Kept by an existing session; a session without one is new. */
  id?: string;
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  agenda: readonly ChangeAgendaItem[];
}

/** The parts of an open day a change may touch (the API's OpenDayChangeContent). */
export interface ChangeContent {
  sessions: readonly ChangeSession[];
  venues: ReadonlyArray<{ name: string; address: string }>;
  assemblyPoint: string;
  eligibility: { minAge: number; maxAge?: number | null; districts: readonly string[] };
  notices: readonly string[];
}

/** The same content whichever way it was spelled (an absent venue or age limit is null). */
function normal(content: ChangeContent, group: ChangeGroup): string {
  switch (group) {
    case 'sessions':
      return JSON.stringify(
        content.sessions.map((session) => ({
          id: session.id ?? null,
          date: session.date,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          capacity: session.capacity,
          agenda: session.agenda.map((item) => [item.startsAt, item.endsAt, item.activity, item.venue || null]),
        })),
      );
    case 'venues':
      return JSON.stringify(content.venues.map((venue) => [venue.name, venue.address]));
    case 'assemblyPoint':
      return content.assemblyPoint;
    case 'eligibility':
      return JSON.stringify([content.eligibility.minAge, content.eligibility.maxAge ?? null, [...content.eligibility.districts].sort()]);
    case 'notices':
      return JSON.stringify(content.notices);
  }
}

/** The parts that differ, in the API's order. */
export function changedGroups(before: ChangeContent, after: ChangeContent): ChangeGroup[] {
  return CHANGE_GROUPS.filter((group) => normal(before, group) !== normal(after, group));
}

/** Only notices changed: applied at once; anything else waits for the city office. */
export function reviewNeeded(groups: readonly ChangeGroup[]): boolean {
  return groups.some((group) => group !== 'notices');
}

/** A session as the API takes it (an agenda item without venue leaves it out). */
export interface SessionInput extends Omit<ChangeSession, 'agenda'> {
  agenda: Array<{ startsAt: string; endsAt: string; activity: string; venue?: string }>;
}

export interface ChangeInput {
  sessions?: SessionInput[];
  venues?: Array<{ name: string; address: string }>;
  assemblyPoint?: string;
  eligibility?: { minAge: number; maxAge: number | null; districts: string[] };
  notices?: string[];
  releasedTicketIds?: string[];
  reason: string;
}

function sessionInput(session: ChangeSession): SessionInput {
  return {
    ...session,
    agenda: session.agenda.map((item) => ({ startsAt: item.startsAt, endsAt: item.endsAt, activity: item.activity, ...(item.venue ? { venue: item.venue } : {}) })),
  };
}

/** What is sent: only the parts that changed (a part left out stays as it is), the people named to leave, the reason. */
export function changeInput(before: ChangeContent, after: ChangeContent, releasedTicketIds: readonly string[], reason: string): ChangeInput {
  const groups = changedGroups(before, after);
  return {
    ...(groups.includes('sessions') ? { sessions: after.sessions.map(sessionInput) } : {}),
    ...(groups.includes('venues') ? { venues: after.venues.map((venue) => ({ ...venue })) } : {}),
    ...(groups.includes('assemblyPoint') ? { assemblyPoint: after.assemblyPoint } : {}),
    ...(groups.includes('eligibility')
      ? { eligibility: { minAge: after.eligibility.minAge, maxAge: after.eligibility.maxAge ?? null, districts: [...after.eligibility.districts] } }
      : {}),
    ...(groups.includes('notices') ? { notices: [...after.notices] } : {}),
    ...(releasedTicketIds.length > 0 ? { releasedTicketIds: [...releasedTicketIds] } : {}),
    reason: reason.trim(),
  };
}

/** A session whose new capacity is below its places taken: who holds a place there, and how many must leave. */
export interface SessionToName {
  sessionId: string;
  /** Its place in the changed sessions, counted from 0 (the field `sessions[i].capacity`). */
  index: number;
  capacity: number;
  taken: number;
  /** The people to name: places taken above the new capacity. */
  toName: number;
  /** Of the tickets named, those of this session. */
  named: number;
  /** Still to name (0 when enough are named; more named than needed is allowed to be 0 too). */
  stillToName: number;
  /** Named beyond what the capacity needs. */
  namedTooMany: number;
}

/**
 * The sessions kept with a capacity below their places taken, each with how many the agency
 * names and still has to name. `ticketsBySession` holds each session's tickets that take a place.
 */
export function sessionsToName(
  after: readonly ChangeSession[],
  ticketsBySession: ReadonlyMap<string, readonly string[]>,
  releasedTicketIds: readonly string[],
): SessionToName[] {
  const released = new Set(releasedTicketIds);
  return after.flatMap((session, index) => {
    const tickets = session.id ? ticketsBySession.get(session.id) : undefined;
    if (!session.id || !tickets || !Number.isFinite(session.capacity) || session.capacity >= tickets.length) return [];
    const toName = tickets.length - Math.max(session.capacity, 0);
    const named = tickets.filter((ticket) => released.has(ticket)).length;
    return [
      {
        sessionId: session.id,
        index,
        capacity: session.capacity,
        taken: tickets.length,
        toName,
        named,
        stillToName: Math.max(toName - named, 0),
        namedTooMany: Math.max(named - toName, 0),
      },
    ];
  });
}

/** The named tickets that still count: those of sessions that are still lowered below their places taken. */
export function releasedStillNeeded(named: readonly string[], toName: readonly SessionToName[], ticketsBySession: ReadonlyMap<string, readonly string[]>): string[] {
  const needed = new Set(toName.flatMap((session) => ticketsBySession.get(session.sessionId) ?? []));
  return named.filter((ticket) => needed.has(ticket));
}

/** One line of a change in words: the key under console.changes.diff and its values. */
export interface DiffLine {
  key: string;
  values: Record<string, string | number>;
}

/** How dates, lists and ages are said (the page's language gives these). */
export interface DiffWords {
  date: (date: string) => string;
  list: (items: readonly string[]) => string;
  ages: (minAge: number, maxAge: number | null) => string;
  districts: (districts: readonly string[]) => string;
}

function sessionWords(session: ChangeSession, words: DiffWords): string {
  return `${words.date(session.date)} ${session.startsAt}–${session.endsAt}`;
}

function sameAgenda(a: ChangeSession, b: ChangeSession): boolean {
  const items = (session: ChangeSession) => JSON.stringify(session.agenda.map((item) => [item.startsAt, item.endsAt, item.activity, item.venue || null]));
  return items(a) === items(b);
}

function sessionLines(before: readonly ChangeSession[], after: readonly ChangeSession[], words: DiffWords): DiffLine[] {
  const kept = new Map(after.filter((session) => session.id).map((session) => [session.id!, session]));
  const removed = before.filter((session) => !session.id || !kept.has(session.id)).map((session) => ({ key: 'sessionRemoved', values: { session: sessionWords(session, words) } }));
  const changed = before.flatMap((old) => {
    const now = old.id ? kept.get(old.id) : undefined;
    if (!now) return [];
    const lines: DiffLine[] = [];
    const from = sessionWords(old, words);
    const to = sessionWords(now, words);
    if (from !== to) lines.push({ key: 'sessionMoved', values: { from, to } });
    if (old.capacity !== now.capacity) lines.push({ key: 'capacity', values: { session: to, from: old.capacity, to: now.capacity } });
    if (!sameAgenda(old, now)) lines.push({ key: 'agenda', values: { session: to } });
    return lines;
  });
  const added = after
    .filter((session) => !session.id || !before.some((old) => old.id === session.id))
    .map((session) => ({ key: 'sessionAdded', values: { session: sessionWords(session, words), capacity: session.capacity } }));
  return [...removed, ...changed, ...added];
}

/** The change in words, part by part: sessions added, removed, moved or resized; venues, assembly point, eligibility, notices before → after. */
export function changeLines(before: ChangeContent, after: ChangeContent, words: DiffWords): DiffLine[] {
  const groups = changedGroups(before, after);
  const none = (text: string) => text || '—';
  return groups.flatMap<DiffLine>((group) => {
    switch (group) {
      case 'sessions':
        return sessionLines(before.sessions, after.sessions, words);
      case 'venues':
        return [{ key: 'venues', values: { from: none(words.list(before.venues.map((venue) => venue.name))), to: none(words.list(after.venues.map((venue) => venue.name))) } }];
      case 'assemblyPoint':
        return [{ key: 'assemblyPoint', values: { from: none(before.assemblyPoint), to: none(after.assemblyPoint) } }];
      case 'eligibility': {
        const lines: DiffLine[] = [];
        const ages = (content: ChangeContent) => words.ages(content.eligibility.minAge, content.eligibility.maxAge ?? null);
        if (ages(before) !== ages(after)) lines.push({ key: 'ages', values: { from: ages(before), to: ages(after) } });
        const districts = (content: ChangeContent) => words.districts([...content.eligibility.districts].sort());
        if (districts(before) !== districts(after)) lines.push({ key: 'districts', values: { from: districts(before), to: districts(after) } });
        return lines;
      }
      case 'notices': {
        const lines = [
          ...before.notices.filter((notice) => !after.notices.includes(notice)).map((notice) => ({ key: 'noticeRemoved', values: { notice } })),
          ...after.notices.filter((notice) => !before.notices.includes(notice)).map((notice) => ({ key: 'noticeAdded', values: { notice } })),
        ];
        return lines.length > 0 ? lines : [{ key: 'noticesReordered', values: {} }];
      }
    }
  });
}

/** Where the people named to leave do not match the lowered capacities, said on the session's capacity. */
export function namingProblems(toName: readonly SessionToName[]): Array<{ field: string; rule: string }> {
  return toName.flatMap((session) => {
    const field = `sessions[${session.index}].capacity`;
    if (session.stillToName > 0) return [{ field, rule: 'capacityBelowPlacesTaken' }];
    if (session.namedTooMany > 0) return [{ field, rule: 'releasedTooMany' }];
    return [];
  });
}

/**
 * A returned change's sessions to correct: a session the open day has keeps its id, one that
 * the returned change added is new again.
 */
export function sessionsToCorrect<Session extends { id?: string }>(sessions: readonly Session[], openDaySessionIds: ReadonlySet<string>): Session[] {
  return sessions.map((session) => {
    if (session.id && openDaySessionIds.has(session.id)) return session;
    const { id: _dropped, ...rest } = session;
    return rest as Session;
  });
}
