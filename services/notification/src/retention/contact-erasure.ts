import type { RetentionBatch } from '@openday/platform';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@openday/domain';

/**
 * An open day's last day as notification knows it: its last session's date as last published, or, for
 * open days stored before notification kept their sessions, the latest date on their tickets.
 */
export const OPEN_DAY_LAST_DATE = `COALESCE(
  (SELECT max((s ->> 'date')::date) FROM notification_open_days o, jsonb_array_elements(o.facts -> 'sessions') s WHERE o.id = c.open_day_id AND jsonb_typeof(o.facts -> 'sessions') = 'array'),
  (SELECT max((t.facts ->> 'date')::date) FROM notification_tickets t WHERE t.open_day_id = c.open_day_id AND jsonb_typeof(t.facts) = 'object'))`;

export const ERASED_ANSWER = 'personal data erased';

/**
 * Erases what notification holds about these people (the one home of the rule, for retention and the
 * citizen's request): their contact details, the addresses in their deliveries, what their messages
 * said (sealed parameters) and their in-app copies. The delivery rows stay with channel, template,
 * status and times, so the delivery figures hold; a delivery still pending is given up. Idempotent:
 * the count is of contact details removed.
 */
export async function erasePeople(manager: EntityManager, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const recipients = personIds.map(String);
  await manager.query(
    `DELETE FROM notification_inbox i USING notification_deliveries d
      WHERE i.id = d.id AND d.recipient_kind = 'person' AND d.recipient_id = ANY($1::text[])`,
    [recipients],
  );
  await manager.query(
    `UPDATE notification_deliveries
        SET address = NULL,
            status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
            last_answer = CASE WHEN status = 'pending' THEN $2 ELSE last_answer END,
            next_attempt_at = NULL
      WHERE recipient_kind = 'person' AND recipient_id = ANY($1::text[]) AND address IS NOT NULL`,
    [recipients, ERASED_ANSWER],
  );
  await manager.query(
    `UPDATE notification_messages SET params = '{}'::jsonb, status = CASE WHEN status = 'waiting-for-contact' THEN 'failed' ELSE status END
      WHERE recipient_kind = 'person' AND recipient_id = ANY($1::text[]) AND params <> '{}'::jsonb`,
    [recipients],
  );
  const [, affected] = (await manager.query(`DELETE FROM notification_contacts WHERE person_id = ANY($1::uuid[])`, [personIds])) as [unknown, number];
  return affected;
}

/** Up to `limit` people whose contact details are still kept, of open days that ended on or before `cutoff`, locked for this transaction. */
export async function peoplePastRetention(manager: EntityManager, cutoff: CalendarDate, limit: number): Promise<string[]> {
  const rows: Array<{ person_id: string }> = await manager.query(
    `SELECT c.person_id FROM notification_contacts c
      WHERE ${OPEN_DAY_LAST_DATE} <= $1::date
      ORDER BY c.person_id LIMIT $2 FOR UPDATE OF c SKIP LOCKED`,
    [cutoff, limit],
  );
  return rows.map((row) => row.person_id);
}

/**
 * Sign-in codes belong to no open day: the mobile each was texted to is erased once as many days
 * have passed since it was sent (on or before `cutoff`, Asia/Shanghai), with what the message said
 * (the code). Up to `limit` deliveries; returns how many.
 */
export async function eraseSignInAddresses(manager: EntityManager, cutoff: CalendarDate, limit: number): Promise<number> {
  const due: Array<{ id: string; message_id: string }> = await manager.query(
    `SELECT id, message_id FROM notification_deliveries
      WHERE recipient_kind = 'sign-in' AND address IS NOT NULL AND created_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [cutoff, limit],
  );
  if (due.length === 0) return 0;
  await manager.query(
    `UPDATE notification_deliveries
        SET address = NULL, status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
            last_answer = CASE WHEN status = 'pending' THEN $2 ELSE last_answer END, next_attempt_at = NULL
      WHERE id = ANY($1::uuid[])`,
    [due.map((row) => row.id), ERASED_ANSWER],
  );
  await manager.query(`UPDATE notification_messages SET params = '{}'::jsonb WHERE id = ANY($1::uuid[]) AND params <> '{}'::jsonb`, [
    [...new Set(due.map((row) => row.message_id))],
  ]);
  return due.length;
}

/** Erases contact details, addresses and message contents of open days past retention, and the mobile a sign-in code went to as many days after it was sent. */
export const eraseContactsPastRetention: RetentionBatch = async (manager, cutoff, limit) => (await erasePeople(manager, await peoplePastRetention(manager, cutoff, limit))) + (await eraseSignInAddresses(manager, cutoff, limit));
