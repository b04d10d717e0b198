import type { EntityManager } from 'typeorm';
import type { OpenDayChangedV2, OpenDayPublishedV2 } from '@openday/contracts';
import type { SessionFacts } from '../templates/message-params';

/** The open day's sessions and place as last published or changed, so a change can say what it was. */
export type OpenDayFacts = Pick<OpenDayChangedV2, 'sessions' | 'venues' | 'assemblyPoint'>;

/** Titles (and sessions and place) of published open days, for messages whose cause event names only the open day. */
export async function recordOpenDay(manager: EntityManager, openDay: OpenDayPublishedV2 | OpenDayChangedV2): Promise<void> {
  const { openDayId, title, sessions, venues, assemblyPoint } = openDay;
  const facts: OpenDayFacts = { sessions, venues, assemblyPoint };
  await manager.query(`INSERT INTO notification_open_days (id, title, facts) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET title = $2, facts = $3`, [
    openDayId,
    title,
    facts,
  ]);
}

export async function openDayTitle(manager: EntityManager, openDayId: string): Promise<string | null> {
  const [row] = (await manager.query(`SELECT title FROM notification_open_days WHERE id = $1`, [openDayId])) as Array<{ title: string }>;
  return row?.title ?? null;
}

/** The titles of these open days in one query, by id in lower case (as PostgreSQL writes a uuid); an open day not known has none. */
export async function openDayTitles(manager: EntityManager, openDayIds: readonly string[]): Promise<Map<string, string>> {
  if (openDayIds.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, title FROM notification_open_days WHERE id = ANY($1::uuid[])`, [[...new Set(openDayIds)]])) as Array<{
    id: string;
    title: string;
  }>;
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** A session as the open day's copy holds it before a change; null when the copy has no sessions (kept before they were). */
export async function recordedSession(manager: EntityManager, openDayId: string, sessionId: string): Promise<SessionFacts | null> {
  const [row] = (await manager.query(`SELECT title, facts FROM notification_open_days WHERE id = $1`, [openDayId])) as Array<{
    title: string;
    facts: OpenDayFacts | null;
  }>;
  const session = row?.facts?.sessions.find((s) => s.sessionId === sessionId);
  if (!row?.facts || !session) return null;
  const { date, startsAt, endsAt } = session;
  return { title: row.title, date, startsAt, endsAt, venues: row.facts.venues, assemblyPoint: row.facts.assemblyPoint };
}
