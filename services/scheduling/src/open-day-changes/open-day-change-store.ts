/** Open-day changes' persistence: hand-written SQL on the caller's transaction (its EntityManager). */
import type { EntityManager } from 'typeorm';
import type { OpenDayChangeStatus, OpenDayChangeView } from '@openday/contracts';

/**
 * A change to a published open day, filed with the city office (or applied at once when it needs
 * no review): a row of open_day_changes, as the view shows it but with its instants as dates and
 * who filed it. Only changedFields of `after` are applied, so a notices correction made meanwhile
 * is kept.
 */
export interface OpenDayChange extends Omit<OpenDayChangeView, 'submittedAt' | 'decidedAt'> {
  submittedBy: string;
  submittedAt: Date;
  decidedAt: Date | null;
}

const CHANGE_COLUMNS = `c.id, c.plan_id AS "planId", c.open_day_id AS "openDayId", c.agency_id AS "agencyId", c.title, c.status, c.review,
  c.changed_fields AS "changedFields", c.before, c.after, c.released_ticket_ids AS "releasedTicketIds", c.reason, c.comments,
  c.submitted_by AS "submittedBy", c.submitted_at AS "submittedAt", c.decided_at AS "decidedAt", c.decided_by AS "decidedBy"`;

/** The change, or null; `forUpdate` locks its row for the transaction. */
export async function findChange(manager: EntityManager, changeId: string, forUpdate = false): Promise<OpenDayChange | null> {
  const [change] = (await manager.query(`SELECT ${CHANGE_COLUMNS} FROM open_day_changes c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [changeId])) as OpenDayChange[];
  return change ?? null;
}

/** The open day's change waiting for the city office, if any (at most one: a unique index). */
export async function pendingChange(manager: EntityManager, openDayId: string): Promise<OpenDayChange | null> {
  const [change] = (await manager.query(`SELECT ${CHANGE_COLUMNS} FROM open_day_changes c WHERE c.open_day_id = $1 AND c.status = 'submitted'`, [
    openDayId,
  ])) as OpenDayChange[];
  return change ?? null;
}

/** A plan's changes, newest first. */
export function changesOfPlan(manager: EntityManager, planId: string): Promise<OpenDayChange[]> {
  return manager.query(`SELECT ${CHANGE_COLUMNS} FROM open_day_changes c WHERE c.plan_id = $1 ORDER BY c.submitted_at DESC, c.id DESC`, [planId]);
}

/** A page of changes: an agency's (or every agency's), in one status or any, in (submittedAt, id) order after the cursor's. */
export function listChanges(
  manager: EntityManager,
  filter: { agencyId?: string | null; status?: OpenDayChangeStatus; direction: 'ASC' | 'DESC'; after?: { submittedAt: Date; id: string }; limit: number },
): Promise<OpenDayChange[]> {
  const direction = filter.direction === 'ASC' ? 'ASC' : 'DESC';
  return manager.query(
    `SELECT ${CHANGE_COLUMNS} FROM open_day_changes c
      WHERE ($1::varchar IS NULL OR c.agency_id = $1)
        AND ($2::varchar IS NULL OR c.status = $2)
        AND ($3::timestamptz IS NULL OR (c.submitted_at, c.id) ${direction === 'ASC' ? '>' : '<'} ($3, $4::uuid))
      ORDER BY c.submitted_at ${direction}, c.id ${direction}
      LIMIT $5`,
    [filter.agencyId ?? null, filter.status ?? null, filter.after?.submittedAt ?? null, filter.after?.id ?? null, filter.limit],
  );
}

export async function insertChange(manager: EntityManager, change: OpenDayChange): Promise<void> {
  await manager.query(
    `INSERT INTO open_day_changes (id, plan_id, open_day_id, agency_id, title, status, review, changed_fields, before, after,
                                   released_ticket_ids, reason, comments, submitted_by, submitted_at, decided_at, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      change.id,
      change.planId,
      change.openDayId,
      change.agencyId,
      change.title,
      change.status,
      change.review,
      change.changedFields,
      JSON.stringify(change.before),
      JSON.stringify(change.after),
      change.releasedTicketIds,
      change.reason,
      change.comments,
      change.submittedBy,
      change.submittedAt,
      change.decidedAt,
      change.decidedBy,
    ],
  );
}

/** Records the city office's decision on the change (status, comments, when and who). */
export async function recordDecision(manager: EntityManager, change: OpenDayChange): Promise<void> {
  await manager.query(`UPDATE open_day_changes SET status = $2, comments = $3, decided_at = $4, decided_by = $5 WHERE id = $1`, [
    change.id,
    change.status,
    change.comments,
    change.decidedAt,
    change.decidedBy,
  ]);
}
