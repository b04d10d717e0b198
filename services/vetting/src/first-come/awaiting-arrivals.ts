import type { EntityManager } from 'typeorm';
import type { ApplicantCategory } from '@openday/contracts';
import type { ApplicantStatus } from '../selection-runs/records';

/**
 * First-come order is submission order: registration's arrival sequence, drawn as the person's
 * row is inserted in the submitting transaction. Those transactions commit, and their events
 * reach vetting, slightly out of that order, so an arrival is stored awaiting its decision; once
 * vetting has seen it for the settle window, it and everything submitted before it that vetting
 * has seen are decided, in arrival sequence, whichever replica handled which event when.
 */
export interface AwaitingArrival {
  personId: string;
  category: ApplicantCategory;
  status: ApplicantStatus;
  /** Its settle window is over. */
  due: boolean;
}

/**
 * The arrivals that can be decided now, from the session's awaiting arrivals in submission
 * order: those before the first whose window is still open, which may yet be preceded by a
 * submission still on its way and so holds everyone after it.
 */
export function settledArrivals<T extends Pick<AwaitingArrival, 'due'>>(awaiting: readonly T[]): T[] {
  const open = awaiting.findIndex((arrival) => !arrival.due);
  return open === -1 ? [...awaiting] : awaiting.slice(0, open);
}

/** Starts the settle window of every arrival no decider has seen yet (one statement for all sessions). */
export async function startSettleWindows(manager: EntityManager, settleMs: number): Promise<void> {
  await manager.query(
    `UPDATE vetting_applicants SET decision_due_at = statement_timestamp() + make_interval(secs => $1::double precision / 1000)
      WHERE awaiting_decision AND decision_due_at IS NULL`,
    [settleMs],
  );
}

/** Sessions with an arrival whose window is over, oldest first. */
export async function sessionsWithSettledArrivals(manager: EntityManager, max: number): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT session_id AS "sessionId" FROM vetting_applicants WHERE awaiting_decision AND decision_due_at <= statement_timestamp()
      GROUP BY session_id ORDER BY min(decision_due_at) LIMIT $1`,
    [max],
  )) as Array<{ sessionId: string }>;
  return rows.map((row) => row.sessionId);
}

/** The session's awaiting arrivals in submission order (call under the session's lock). */
export async function awaitingArrivals(manager: EntityManager, sessionId: string): Promise<AwaitingArrival[]> {
  return manager.query(
    `SELECT person_id AS "personId", category, status, COALESCE(decision_due_at <= statement_timestamp(), false) AS due
       FROM vetting_applicants WHERE session_id = $1 AND awaiting_decision ORDER BY arrival_sequence, arrival_order`,
    [sessionId],
  );
}

export async function markDecided(manager: EntityManager, personIds: readonly string[]): Promise<void> {
  await manager.query(`UPDATE vetting_applicants SET awaiting_decision = false, decision_due_at = NULL WHERE person_id = ANY($1::uuid[])`, [personIds]);
}
