import type { RetentionBatch } from '@openday/platform';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@openday/domain';

/**
 * An open day's last day as feedback knows it: from its publication, or, when that has not come, the
 * latest session its tickets start in (Asia/Shanghai).
 */
export const OPEN_DAY_LAST_DATE = `COALESCE(
  (SELECT o.last_date FROM fb_open_days o WHERE o.id = t.open_day_id),
  (SELECT max((s.session_starts_at AT TIME ZONE 'Asia/Shanghai')::date) FROM fb_tickets s WHERE s.open_day_id = t.open_day_id))`;

/**
 * Erases what ties feedback to a citizen (the one home of the rule, for retention and the citizen's
 * request): the account on these tickets and on the opinions given with them. Feedback holds no name,
 * ID number, mobile or e-mail; the opinions, answers, ratings and survey answers stay, unlinked, so
 * the figures and the answers owed hold. Erased tickets are left alone (idempotent).
 */
export async function eraseTicketLinks(manager: EntityManager, ticketIds: readonly string[], now: Date): Promise<number> {
  if (ticketIds.length === 0) return 0;
  await manager.query(
    `UPDATE fb_items SET applicant_user_id = NULL, person_id = NULL
      WHERE ticket_id = ANY($1::uuid[]) AND (applicant_user_id IS NOT NULL OR person_id IS NOT NULL)`,
    [ticketIds],
  );
  const [, affected] = (await manager.query(
    `UPDATE fb_tickets SET applicant_user_id = NULL, personal_data_erased_at = $2
      WHERE ticket_id = ANY($1::uuid[]) AND personal_data_erased_at IS NULL`,
    [ticketIds, now],
  )) as [unknown, number];
  return affected;
}

/** Up to `limit` tickets not yet erased of open days that ended on or before `cutoff`, locked for this transaction. */
export async function ticketsPastRetention(manager: EntityManager, cutoff: CalendarDate, limit: number): Promise<string[]> {
  const rows: Array<{ ticket_id: string }> = await manager.query(
    `SELECT t.ticket_id FROM fb_tickets t
      WHERE t.personal_data_erased_at IS NULL AND ${OPEN_DAY_LAST_DATE} <= $1::date
      ORDER BY t.ticket_id LIMIT $2 FOR UPDATE OF t SKIP LOCKED`,
    [cutoff, limit],
  );
  return rows.map((row) => row.ticket_id);
}

/** Unlinks tickets and opinions of open days past retention from citizens' accounts. */
export const eraseTicketLinksPastRetention: RetentionBatch = async (manager, cutoff, limit, now) => eraseTicketLinks(manager, await ticketsPastRetention(manager, cutoff, limit), now);
