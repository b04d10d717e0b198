import type { RetentionBatch } from '@openday/platform';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@openday/domain';

/** An open day's last day as vetting knows it: its last session's date. */
export const OPEN_DAY_LAST_DATE = `(SELECT max(s.date) FROM vetting_sessions s WHERE s.open_day_id = a.open_day_id)`;

/**
 * Erases what vetting holds about these applicants (the one home of the rule, for retention and the
 * citizen's request): masked name and ID number, the birth date down to its year, the staff note, and
 * any parked copy of the application. Status, category, district and the person key stay, so the
 * figures and the no-show register keep working; erased rows are left alone (idempotent).
 */
export async function eraseApplicants(manager: EntityManager, personIds: readonly string[], now: Date): Promise<number> {
  if (personIds.length === 0) return 0;
  await manager.query(`DELETE FROM vetting_parked_arrivals WHERE person_id = ANY($1::uuid[])`, [personIds]);
  const [, affected] = (await manager.query(
    `UPDATE vetting_applicants
        SET masked_name = '*', masked_id_number = '*', birth_date = date_trunc('year', birth_date)::date, note = NULL, personal_data_erased_at = $2
      WHERE person_id = ANY($1::uuid[]) AND personal_data_erased_at IS NULL`,
    [personIds, now],
  )) as [unknown, number];
  return affected;
}

/** Up to `limit` applicants not yet erased of open days that ended on or before `cutoff`, locked for this transaction. */
export async function applicantsPastRetention(manager: EntityManager, cutoff: CalendarDate, limit: number): Promise<string[]> {
  const rows: Array<{ person_id: string }> = await manager.query(
    `SELECT a.person_id FROM vetting_applicants a
      WHERE a.personal_data_erased_at IS NULL AND ${OPEN_DAY_LAST_DATE} <= $1::date
      ORDER BY a.person_id LIMIT $2 FOR UPDATE OF a SKIP LOCKED`,
    [cutoff, limit],
  );
  return rows.map((row) => row.person_id);
}

/** Erases applicants' data of open days past retention; the no-show register stays. */
export const eraseApplicantsPastRetention: RetentionBatch = async (manager, cutoff, limit, now) => eraseApplicants(manager, await applicantsPastRetention(manager, cutoff, limit), now);
