import type { RetentionBatch } from '@openday/platform';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@openday/domain';

/** An open day's last day as scheduling's admission knows it: its last session's date. */
export const OPEN_DAY_LAST_DATE = `(SELECT max(s.date) FROM admission_sessions s WHERE s.open_day_id = p.open_day_id)`;

/**
 * Erases what scheduling holds about these people (the one home of the rule, for retention and the
 * citizen's request): the masked name and ID on their admission and tickets, and staff's note on a
 * revoked ticket. Tickets keep their status and times, so attendance figures stay; erased rows are
 * left alone (idempotent).
 */
export async function erasePeople(manager: EntityManager, personIds: readonly string[], now: Date): Promise<number> {
  if (personIds.length === 0) return 0;
  await manager.query(
    `UPDATE tickets SET masked_name = '*', masked_id_number = '*', revocation_note = NULL, personal_data_erased_at = $2
      WHERE person_id = ANY($1::uuid[]) AND personal_data_erased_at IS NULL`,
    [personIds, now],
  );
  const [, affected] = (await manager.query(
    `UPDATE admission_people SET masked_name = NULL, masked_id_number = NULL, personal_data_erased_at = $2
      WHERE person_id = ANY($1::uuid[]) AND personal_data_erased_at IS NULL`,
    [personIds, now],
  )) as [unknown, number];
  return affected;
}

/** Up to `limit` people not yet erased of open days that ended on or before `cutoff`, locked for this transaction. */
export async function peoplePastRetention(manager: EntityManager, cutoff: CalendarDate, limit: number): Promise<string[]> {
  const rows: Array<{ person_id: string }> = await manager.query(
    `SELECT p.person_id FROM admission_people p
      WHERE p.personal_data_erased_at IS NULL AND ${OPEN_DAY_LAST_DATE} <= $1::date
      ORDER BY p.person_id LIMIT $2 FOR UPDATE OF p SKIP LOCKED`,
    [cutoff, limit],
  );
  return rows.map((row) => row.person_id);
}

/** Erases admissions' and tickets' personal data of open days past retention. */
export const eraseAdmissionsPastRetention: RetentionBatch = async (manager, cutoff, limit, now) => erasePeople(manager, await peoplePastRetention(manager, cutoff, limit), now);
