/**
 * How admission stores the pieces of its people's tickets, and the tickets, a batch per statement. Every
 * statement takes the whole batch as arrays (unnest), so its cost in round trips does not
 * grow with the batch.
 */
import type { EntityManager } from 'typeorm';
import type { ApplicationSelectedV1, ApplicationSubmittedV1, ContactDetailsRecordedV1, TicketIssuedV2 } from '@openday/contracts';
import type { TicketPieces } from './admission-batch-rules';

export interface PersonRow extends TicketPieces {
  personId: string;
  applicationId: string;
  promoted: boolean;
}

/**
 * The people's locks at once, in one order for every transaction, so two batches (of different
 * consumers or replicas) never wait for each other in a circle. A lock exists before the
 * person's row does: two pieces of one person arriving together issue one ticket.
 */
export async function lockPeople(manager: EntityManager, personIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(personIds.map((id) => id.toLowerCase()))].sort();
  if (wanted.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('admission-person:' || person_id, 0))
       FROM unnest($1::text[]) WITH ORDINALITY AS wanted(person_id, position) ORDER BY position`,
    [wanted],
  );
}

/** Each person's submission (one per person: the batch's last). */
export async function storeSubmissions(manager: EntityManager, submissions: readonly ApplicationSubmittedV1[]): Promise<void> {
  if (submissions.length === 0) return;
  await manager.query(
    `INSERT INTO admission_people (person_id, application_id, open_day_id, session_id, masked_name, masked_id_number)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[])
     ON CONFLICT (person_id) DO UPDATE SET session_id = EXCLUDED.session_id, masked_name = EXCLUDED.masked_name,
       masked_id_number = EXCLUDED.masked_id_number`,
    [
      submissions.map((s) => s.personId),
      submissions.map((s) => s.applicationId),
      submissions.map((s) => s.openDayId),
      submissions.map((s) => s.sessionId),
      submissions.map((s) => s.maskedName),
      submissions.map((s) => s.maskedIdNumber),
    ],
  );
}

/** Only the account that applied is kept: the ticket's owner. Name, mobile and e-mail are the notification service's. */
export async function storeApplyingAccounts(manager: EntityManager, contacts: readonly ContactDetailsRecordedV1[]): Promise<void> {
  if (contacts.length === 0) return;
  await manager.query(
    `INSERT INTO admission_people (person_id, application_id, open_day_id, applicant_user_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])
     ON CONFLICT (person_id) DO UPDATE SET applicant_user_id = EXCLUDED.applicant_user_id`,
    [contacts.map((c) => c.personId), contacts.map((c) => c.applicationId), contacts.map((c) => c.openDayId), contacts.map((c) => c.applicantUserId)],
  );
}

/** The first selection of a person is kept (a later one, as a promotion replayed, changes nothing but the promoted flag). */
export async function storeSelections(manager: EntityManager, selections: readonly ApplicationSelectedV1[]): Promise<void> {
  if (selections.length === 0) return;
  await manager.query(
    `INSERT INTO admission_people (person_id, application_id, open_day_id, session_id, selected_at, promoted)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::boolean[])
     ON CONFLICT (person_id) DO UPDATE SET session_id = COALESCE(admission_people.session_id, EXCLUDED.session_id),
       selected_at = COALESCE(admission_people.selected_at, EXCLUDED.selected_at), promoted = admission_people.promoted OR EXCLUDED.promoted`,
    [
      selections.map((s) => s.personId),
      selections.map((s) => s.applicationId),
      selections.map((s) => s.openDayId),
      selections.map((s) => s.sessionId),
      selections.map((s) => new Date(s.selectedAt)),
      selections.map((s) => s.promotion !== null),
    ],
  );
}

/** The people's selections are forgotten, so a ticket still waiting for its other pieces is never issued. */
export async function forgetSelections(manager: EntityManager, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await manager.query(`UPDATE admission_people SET selected_at = NULL, promoted = false WHERE person_id = ANY($1::uuid[])`, [personIds]);
}

/** The people as they are now, in the order asked, with whether a ticket was issued or the application withdrawn. */
export async function readPeople(manager: EntityManager, personIds: readonly string[]): Promise<PersonRow[]> {
  if (personIds.length === 0) return [];
  return manager.query(
    `SELECT p.person_id AS "personId", p.application_id AS "applicationId", p.session_id AS "sessionId", p.masked_name AS "maskedName",
            p.masked_id_number AS "maskedIdNumber", p.applicant_user_id AS "applicantUserId", p.selected_at AS "selectedAt", p.promoted,
            EXISTS (SELECT 1 FROM tickets t WHERE t.person_id = p.person_id) AS ticketed,
            EXISTS (SELECT 1 FROM admission_withdrawals w WHERE w.application_id = p.application_id) AS withdrawn
       FROM unnest($1::uuid[]) WITH ORDINALITY AS wanted(person_id, position)
       JOIN admission_people p ON p.person_id = wanted.person_id
      ORDER BY wanted.position`,
    [personIds],
  );
}

/** Remembers the withdrawals, so a selection arriving later issues nothing. */
export async function storeWithdrawals(manager: EntityManager, withdrawals: ReadonlyArray<{ applicationId: string; withdrawnAt: string }>): Promise<void> {
  if (withdrawals.length === 0) return;
  await manager.query(
    `INSERT INTO admission_withdrawals (application_id, withdrawn_at)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
    [withdrawals.map((w) => w.applicationId), withdrawals.map((w) => new Date(w.withdrawnAt))],
  );
}

/** New tickets, in the order given (their seq follows it). */
export async function insertTickets(manager: EntityManager, tickets: ReadonlyArray<{ data: TicketIssuedV2; maskedIdNumber: string }>, issuedAt: Date): Promise<void> {
  await manager.query(
    `INSERT INTO tickets (id, person_id, application_id, open_day_id, session_id, agency_id, applicant_user_id, masked_name, masked_id_number,
                          check_in_code, promoted, status, issued_at)
     SELECT id, person_id, application_id, open_day_id, session_id, agency_id, applicant_user_id, masked_name, masked_id_number,
            check_in_code, promoted, 'issued', $12::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::boolean[])
            WITH ORDINALITY AS t(id, person_id, application_id, open_day_id, session_id, agency_id, applicant_user_id, masked_name, masked_id_number,
                                 check_in_code, promoted, position)
      ORDER BY position`,
    [
      tickets.map(({ data }) => data.ticketId),
      tickets.map(({ data }) => data.personId),
      tickets.map(({ data }) => data.applicationId),
      tickets.map(({ data }) => data.openDayId),
      tickets.map(({ data }) => data.sessionId),
      tickets.map(({ data }) => data.agencyId),
      tickets.map(({ data }) => data.applicantUserId),
      tickets.map(({ data }) => data.maskedName),
      tickets.map(({ maskedIdNumber }) => maskedIdNumber),
      tickets.map(({ data }) => data.checkInCode),
      tickets.map(({ data }) => data.promoted),
      issuedAt,
    ],
  );
}
