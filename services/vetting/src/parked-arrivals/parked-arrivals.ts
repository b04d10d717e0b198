import type { EntityManager } from 'typeorm';
import type { ApplicationSubmittedV1 } from '@openday/contracts';

/** An application for a session vetting did not know when it came, waiting for the session. */
export interface ParkedArrival {
  submitted: ApplicationSubmittedV1;
  /** Its place in the applicants' arrival order, kept once it is decided. */
  arrivalOrder: number;
  flaggedAt: Date | null;
  flagDueAt: Date;
}

const PARKED_COLUMNS = `submitted, arrival_order::int AS "arrivalOrder", flagged_at AS "flaggedAt", flag_due_at AS "flagDueAt"`;

/**
 * Serialises, per session, parking an application with the session's arrival: the application's
 * handler and the open day's come on different streams, so without it an application could be
 * parked just after the session arrived and took what was parked, and wait for nothing.
 */
export async function lockArrivalsOf(manager: EntityManager, sessionId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [arrivalsLockKey(sessionId)]);
}

/**
 * What arriving applications take: their sessions' arrivals locks shared (arrivals of a session
 * run side by side, but never beside the session's arrival and the taking of what was parked),
 * then each person's lock on the open day, so two applications of one person are screened one
 * after the other and the later finds the earlier. Each kind in one order, so two batches never
 * wait for each other in a circle.
 */
export async function lockArrivals(manager: EntityManager, arrivals: ReadonlyArray<{ sessionId: string; openDayId: string; personKey: string }>): Promise<void> {
  await manager.query(
    `SELECT (SELECT count(pg_advisory_xact_lock_shared(hashtextextended(s.key, 0))) FROM (SELECT DISTINCT unnest($1::text[]) AS key ORDER BY 1) s),
            (SELECT count(pg_advisory_xact_lock(hashtextextended(p.key, 0))) FROM (SELECT DISTINCT unnest($2::text[]) AS key ORDER BY 1) p)`,
    [arrivals.map((a) => arrivalsLockKey(a.sessionId)), arrivals.map((a) => `vetting-person:${a.openDayId}:${a.personKey}`)],
  );
}

function arrivalsLockKey(sessionId: string): string {
  return `vetting-arrivals:${sessionId}`;
}

/** Keeps the application until its session arrives; flagged to the city office if it is still here at `flagDueAt`. Parking twice keeps the first. */
export async function park(manager: EntityManager, submitted: ApplicationSubmittedV1, parkedAt: Date, flagDueAt: Date): Promise<void> {
  await manager.query(
    `INSERT INTO vetting_parked_arrivals (person_id, application_id, open_day_id, session_id, submitted, parked_at, flag_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (person_id) DO NOTHING`,
    [submitted.personId, submitted.applicationId, submitted.openDayId, submitted.sessionId, JSON.stringify(submitted), parkedAt, flagDueAt],
  );
}

/** Takes out, in the order they came, what waited for these sessions of this open day (now known). */
export async function takeParked(manager: EntityManager, openDayId: string, sessionIds: readonly string[]): Promise<ParkedArrival[]> {
  if (sessionIds.length === 0) return [];
  // A SELECT over the DELETE, so the driver answers rows (a bare DELETE … RETURNING answers rows and a count).
  return manager.query(
    `WITH taken AS (DELETE FROM vetting_parked_arrivals WHERE open_day_id = $1 AND session_id = ANY($2::uuid[]) RETURNING *)
     SELECT ${PARKED_COLUMNS} FROM taken ORDER BY arrival_order`,
    [openDayId, sessionIds],
  );
}

/**
 * Claims parked applications whose time to wait is over (SKIP LOCKED, so replicas share the work)
 * and have not been withdrawn meanwhile; a withdrawn one needs no answer.
 */
export async function claimOverdue(manager: EntityManager, now: Date, max: number): Promise<ParkedArrival[]> {
  return manager.query(
    `SELECT ${PARKED_COLUMNS} FROM vetting_parked_arrivals p
      WHERE p.flagged_at IS NULL AND p.flag_due_at <= $1
        AND NOT EXISTS (SELECT 1 FROM vetting_withdrawals w WHERE w.application_id = p.application_id)
      ORDER BY p.arrival_order LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, max],
  );
}

export async function markFlagged(manager: EntityManager, personId: string, at: Date): Promise<void> {
  await manager.query(`UPDATE vetting_parked_arrivals SET flagged_at = $2 WHERE person_id = $1`, [personId, at]);
}
