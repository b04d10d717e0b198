import type { RetentionBatch } from '@openday/platform';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@openday/domain';

/** An open day's last day as registration knows it: its last session's date, else its (first) date. */
export const OPEN_DAY_LAST_DATE = `COALESCE((SELECT max((s ->> 'date')::date) FROM jsonb_array_elements(o.sessions) s), o.date)`;

/**
 * Erases the name, ID number, mobile and e-mail of these people (the one home of the rule, for
 * retention and for the citizen's request). The keyed hashes stay, so one person still applies once
 * per open day and the figures keep their rows; erased rows are left alone, so it is idempotent.
 */
export async function erasePeople(manager: EntityManager, personIds: readonly string[], now: Date): Promise<number> {
  if (personIds.length === 0) return 0;
  const [, affected] = (await manager.query(
    `UPDATE application_people SET name = NULL, id_number = NULL, mobile = NULL, email = NULL, personal_data_erased_at = $2
      WHERE id = ANY($1::uuid[]) AND personal_data_erased_at IS NULL`,
    [personIds, now],
  )) as [unknown, number];
  return affected;
}

/** Up to `limit` people not yet erased of open days that ended on or before `cutoff`, locked for this transaction. */
export async function peoplePastRetention(manager: EntityManager, cutoff: CalendarDate, limit: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT p.id FROM application_people p JOIN published_open_days o ON o.id = p.open_day_id
      WHERE p.personal_data_erased_at IS NULL AND ${OPEN_DAY_LAST_DATE} <= $1::date
      ORDER BY p.id LIMIT $2 FOR UPDATE OF p SKIP LOCKED`,
    [cutoff, limit],
  );
  return rows.map((row) => row.id);
}

/** Erases applicants' personal data of open days past retention. */
export const erasePeoplePastRetention: RetentionBatch = async (manager, cutoff, limit, now) => erasePeople(manager, await peoplePastRetention(manager, cutoff, limit), now);
