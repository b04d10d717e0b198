/** Registration's copy of the published open days: hand-written SQL on the caller's transaction (its EntityManager). */
import type { EntityManager } from 'typeorm';
import type { ApplicantCategory, PublishedSessionV2, SelectionMode } from '@openday/contracts';

/** Registration's own copy of a published open day, kept from scheduling's events: a row of published_open_days. */
export interface PublishedOpenDay {
  id: string;
  title: string;
  agencyId: string;
  /** The (first) event date. */
  date: string;
  publishedAt: Date;
  receivedAt: Date;
  // The rest comes from OpenDayPublishedV2; null for an open day known only from v1.
  planId: string | null;
  sessions: PublishedSessionV2[] | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  minAge: number | null;
  maxAge: number | null;
  districts: string[] | null;
  quotas: Array<{ category: ApplicantCategory; places: number }> | null;
  mediaOutsideQuota: boolean | null;
  selectionMode: SelectionMode | null;
  /** Set when scheduling announces the cancellation; a cancelled open day takes no applications. */
  cancelledAt: Date | null;
}

/** What open-day-published v1 says of an open day. */
export type OpenDayBasics = Pick<PublishedOpenDay, 'id' | 'title' | 'agencyId' | 'date' | 'publishedAt'>;
/** What open-day-published v2 says of an open day: all but when it arrived and whether it is cancelled. */
export type PublishedOpenDayDetails = Omit<PublishedOpenDay, 'receivedAt' | 'cancelledAt'>;
/** What open-day-changed v2 replaces. */
export type OpenDayChangeFields = Pick<PublishedOpenDay, 'title' | 'sessions' | 'date' | 'minAge' | 'maxAge' | 'districts' | 'quotas'>;

const COLUMNS = `d.id, d.title, d.agency_id AS "agencyId", d.date::text AS date, d.published_at AS "publishedAt", d.received_at AS "receivedAt",
  d.plan_id AS "planId", d.sessions, d.registration_opens_at AS "registrationOpensAt", d.registration_closes_at AS "registrationClosesAt",
  d.min_age AS "minAge", d.max_age AS "maxAge", d.districts, d.quotas, d.media_outside_quota AS "mediaOutsideQuota",
  d.selection_mode AS "selectionMode", d.cancelled_at AS "cancelledAt"`;

export async function findPublishedOpenDay(manager: EntityManager, id: string): Promise<PublishedOpenDay | null> {
  const [row] = (await manager.query(`SELECT ${COLUMNS} FROM published_open_days d WHERE d.id = $1`, [id])) as PublishedOpenDay[];
  return row ?? null;
}

/** The open day with its row version (PostgreSQL's xmin), for writes made only while the row is still that version. */
export async function findVersionedOpenDay(manager: EntityManager, id: string): Promise<{ openDay: PublishedOpenDay; version: string } | null> {
  const [row] = (await manager.query(`SELECT ${COLUMNS}, d.xmin::text AS version FROM published_open_days d WHERE d.id = $1`, [id])) as Array<
    PublishedOpenDay & { version: string }
  >;
  if (!row) return null;
  const { version, ...openDay } = row;
  return { openDay, version };
}

export function publishedOpenDaysByIds(manager: EntityManager, ids: readonly string[]): Promise<PublishedOpenDay[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.query(`SELECT ${COLUMNS} FROM published_open_days d WHERE d.id = ANY($1::uuid[])`, [[...new Set(ids)]]);
}

/** A page of open days, soonest first, after a (date, id). */
export function listPublishedOpenDays(manager: EntityManager, after: { date: string; id: string } | undefined, limit: number): Promise<PublishedOpenDay[]> {
  return manager.query(
    `SELECT ${COLUMNS} FROM published_open_days d
      WHERE $1::date IS NULL OR (d.date, d.id) > ($1::date, $2::uuid)
      ORDER BY d.date, d.id
      LIMIT $3`,
    [after?.date ?? null, after?.id ?? null, limit],
  );
}

/** Stores v1's basics; an open day already known keeps the rest of what it has. */
export async function upsertOpenDayBasics(manager: EntityManager, day: OpenDayBasics): Promise<void> {
  await manager.query(
    `INSERT INTO published_open_days (id, title, agency_id, date, published_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, agency_id = EXCLUDED.agency_id, date = EXCLUDED.date, published_at = EXCLUDED.published_at`,
    [day.id, day.title, day.agencyId, day.date, day.publishedAt],
  );
}

/** Stores v2's open day whole; a cancellation already recorded stays. */
export async function upsertOpenDayDetails(manager: EntityManager, day: PublishedOpenDayDetails): Promise<void> {
  await manager.query(
    `INSERT INTO published_open_days (id, title, agency_id, date, published_at, plan_id, sessions, registration_opens_at, registration_closes_at,
                                      min_age, max_age, districts, quotas, media_outside_quota, selection_mode)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, agency_id = EXCLUDED.agency_id, date = EXCLUDED.date, published_at = EXCLUDED.published_at,
       plan_id = EXCLUDED.plan_id, sessions = EXCLUDED.sessions, registration_opens_at = EXCLUDED.registration_opens_at,
       registration_closes_at = EXCLUDED.registration_closes_at, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age,
       districts = EXCLUDED.districts, quotas = EXCLUDED.quotas, media_outside_quota = EXCLUDED.media_outside_quota, selection_mode = EXCLUDED.selection_mode`,
    [
      day.id,
      day.title,
      day.agencyId,
      day.date,
      day.publishedAt,
      day.planId,
      day.sessions && JSON.stringify(day.sessions),
      day.registrationOpensAt,
      day.registrationClosesAt,
      day.minAge,
      day.maxAge,
      day.districts,
      day.quotas && JSON.stringify(day.quotas),
      day.mediaOutsideQuota,
      day.selectionMode,
    ],
  );
}

export async function applyOpenDayChange(manager: EntityManager, id: string, change: OpenDayChangeFields): Promise<void> {
  await manager.query(
    `UPDATE published_open_days SET title = $2, sessions = $3, date = $4, min_age = $5, max_age = $6, districts = $7, quotas = $8 WHERE id = $1`,
    [id, change.title, JSON.stringify(change.sessions), change.date, change.minAge, change.maxAge, change.districts, JSON.stringify(change.quotas)],
  );
}

export async function markOpenDayCancelled(manager: EntityManager, id: string, cancelledAt: Date): Promise<void> {
  await manager.query(`UPDATE published_open_days SET cancelled_at = $2 WHERE id = $1`, [id, cancelledAt]);
}
