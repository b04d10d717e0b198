import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  TicketIssuedV1,
  TicketIssuedV2,
  ticketIssuedV1Of,
  TicketRevokedV1,
  TicketRevokedV2,
  ticketRevokedV1Of,
  type ApplicationRejectedV1,
  type ApplicationSelectedV1,
  type ApplicationSubmittedV1,
  type ContactDetailsRecordedV1,
  type OpenDayCancelledV1,
  type OpenDayChangedV1,
  type OpenDayChangedV2,
  type OpenDayPublishedV2,
  type PublishedSessionV2,
  type TicketAgendaItem,
  type TicketRevocationReasonV2,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock } from '@openday/platform';
import { newCheckInCode, sessionEnd } from './admission-rules';
import { findSession, findTickets, sessionFacts, ticketRef, type TicketRow } from './ticket-rows';

/** Vetting's reasons for rejecting someone whose ticket scheduling had already revoked (see vetting's open-day changes). */
const REJECTIONS_AFTER_REVOCATION: ReadonlySet<string> = new Set(['ticket-revoked', 'place-released', 'session-cancelled']);

interface PersonRow {
  personId: string;
  applicationId: string;
  sessionId: string | null;
  maskedName: string | null;
  maskedIdNumber: string | null;
  applicantUserId: string | null;
  selectedAt: Date | null;
  promoted: boolean;
}

/**
 * What the bus makes admission do. The pieces of a ticket come on different streams in any
 * order (the open day from here, the submission and the applying account from registration,
 * the selection from vetting); each handler stores its piece and then issues the ticket if
 * every piece is there. The person's row is locked first, so two pieces arriving together
 * issue one ticket; the unique person_id on tickets is the backstop. Every handler is
 * idempotent on its own as well as through the inbox.
 */
@Injectable()
export class AdmissionService {
  private readonly logger = new Logger(AdmissionService.name);

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async openDayPublished(manager: EntityManager, data: OpenDayPublishedV2): Promise<void> {
    const notices = await planNotices(manager, data.planId);
    await manager.query(
      `INSERT INTO admission_open_days (id, agency_id, title, venues, assembly_point, notices, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'published')
       ON CONFLICT (id) DO UPDATE SET agency_id = $2, title = $3, venues = $4, assembly_point = $5, notices = $6`,
      [data.openDayId, data.agencyId, data.title, JSON.stringify(data.venues), data.assemblyPoint, JSON.stringify(notices)],
    );
    await this.storeSessions(manager, data.openDayId, data.planId, data.sessions);
    await this.issueWaiting(manager, data.openDayId);
  }

  /**
   * A ticket is read with the open day as it is now, so a change needs only the copy updated (and
   * the timers moved); tickets of a session the change dropped are revoked.
   */
  async openDayChanged(manager: EntityManager, data: OpenDayChangedV1): Promise<void> {
    const [known] = (await manager.query(`SELECT 1 FROM admission_open_days WHERE id = $1`, [data.openDayId])) as unknown[];
    if (!known) throw new Error(`Open day ${data.openDayId} is not known to admission yet; retrying`);
    await manager.query(
      `UPDATE admission_open_days SET title = $2, venues = $3, assembly_point = $4, notices = $5 WHERE id = $1`,
      [data.openDayId, data.title, JSON.stringify(data.venues), data.assemblyPoint, JSON.stringify(await planNotices(manager, data.planId))],
    );
    await this.storeSessions(manager, data.openDayId, data.planId, data.sessions);
    const kept = data.sessions.map((session) => session.sessionId);
    const dropped = await findTickets(manager, `t.open_day_id = $1 AND t.status = 'issued' AND NOT (t.session_id = ANY($2::uuid[]))`, [data.openDayId, kept], { lock: true });
    for (const ticket of dropped) await this.revoke(manager, ticket, 'session-cancelled');
  }

  /** Tickets show the notices as they are now; an open day admission has not seen yet takes them from the plan when it is. */
  async openDayNoticesChanged(manager: EntityManager, data: OpenDayChangedV2): Promise<void> {
    if (!data.changedFields.includes('notices')) return;
    await manager.query(`UPDATE admission_open_days SET notices = $2 WHERE id = $1`, [data.openDayId, JSON.stringify(data.notices)]);
  }

  async openDayCancelled(manager: EntityManager, data: OpenDayCancelledV1): Promise<void> {
    const updated = (await manager.query(`UPDATE admission_open_days SET status = 'cancelled' WHERE id = $1 RETURNING id`, [data.openDayId])) as unknown[];
    // Cancelled before admission saw it published: nothing was issued, and nothing will be (no sessions).
    if (updated.length === 0) return;
    await manager.query(`DELETE FROM no_show_timers WHERE session_id IN (SELECT id FROM admission_sessions WHERE open_day_id = $1)`, [data.openDayId]);
    const tickets = await findTickets(manager, `t.open_day_id = $1 AND t.status = 'issued'`, [data.openDayId], { lock: true });
    for (const ticket of tickets) await this.revoke(manager, ticket, 'open-day-cancelled');
  }

  async applicationSubmitted(manager: EntityManager, data: ApplicationSubmittedV1): Promise<void> {
    await manager.query(
      `INSERT INTO admission_people (person_id, application_id, open_day_id, session_id, masked_name, masked_id_number)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET session_id = $4, masked_name = $5, masked_id_number = $6`,
      [data.personId, data.applicationId, data.openDayId, data.sessionId, data.maskedName, data.maskedIdNumber],
    );
    await this.issueIfReady(manager, data.personId);
  }

  /** Only the account that applied is kept: the ticket's owner. Name, mobile and e-mail are the notification service's. */
  async contactDetailsRecorded(manager: EntityManager, data: ContactDetailsRecordedV1): Promise<void> {
    await manager.query(
      `INSERT INTO admission_people (person_id, application_id, open_day_id, applicant_user_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id) DO UPDATE SET applicant_user_id = $4`,
      [data.personId, data.applicationId, data.openDayId, data.applicantUserId],
    );
    await this.issueIfReady(manager, data.personId);
  }

  async applicationSelected(manager: EntityManager, data: ApplicationSelectedV1): Promise<void> {
    await manager.query(
      `INSERT INTO admission_people (person_id, application_id, open_day_id, session_id, selected_at, promoted)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET session_id = COALESCE(admission_people.session_id, $4),
         selected_at = COALESCE(admission_people.selected_at, $5), promoted = admission_people.promoted OR $6`,
      [data.personId, data.applicationId, data.openDayId, data.sessionId, new Date(data.selectedAt), data.promotion !== null],
    );
    await this.issueIfReady(manager, data.personId);
  }

  /** Revokes what was issued and remembers the withdrawal, so a selection arriving later issues nothing. */
  async applicationWithdrawn(manager: EntityManager, applicationId: string, withdrawnAt: string): Promise<void> {
    await manager.query(`INSERT INTO admission_withdrawals (application_id, withdrawn_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      applicationId,
      new Date(withdrawnAt),
    ]);
    const tickets = await findTickets(manager, `t.application_id = $1 AND t.status = 'issued'`, [applicationId], { lock: true });
    for (const ticket of tickets) await this.revoke(manager, ticket, 'application-withdrawn');
  }

  /**
   * Vetting rejected someone it had selected (screened out after a moved date or new eligibility,
   * refused in joint review...): their ticket no longer admits them. The selection is forgotten too,
   * so a ticket still waiting for its other pieces is never issued. Rejections for a ticket
   * scheduling revoked itself (a released place, a removed session, staff) change nothing here.
   */
  async applicationRejected(manager: EntityManager, data: ApplicationRejectedV1): Promise<void> {
    if (REJECTIONS_AFTER_REVOCATION.has(data.reasonCode)) return;
    await manager.query(`UPDATE admission_people SET selected_at = NULL, promoted = false WHERE person_id = $1`, [data.personId]);
    const tickets = await findTickets(manager, `t.person_id = $1 AND t.open_day_id = $2 AND t.status = 'issued'`, [data.personId, data.openDayId], { lock: true });
    for (const ticket of tickets) await this.revoke(manager, ticket, 'application-rejected');
  }

  /** The ticket must be locked by the caller and still issued. v2 says every reason; v1 beside it says what it can. */
  async revoke(manager: EntityManager, ticket: TicketRow, reason: TicketRevocationReasonV2, by?: { userId: string; note: string }): Promise<TicketRow> {
    const now = this.clock.now();
    await manager.query(
      `UPDATE tickets SET status = 'revoked', revoked_at = $2, revocation_reason = $3, revoked_by = $4, revocation_note = $5 WHERE id = $1`,
      [ticket.id, now, reason, by?.userId ?? null, by?.note ?? null],
    );
    const revoked: TicketRevokedV2 = { ...ticketRef(ticket), reason, revokedAt: now.toISOString() };
    await this.outbox.add(manager, TicketRevokedV2.contract, revoked, { aggregateId: ticket.id });
    await this.outbox.add(manager, TicketRevokedV1.contract, ticketRevokedV1Of(revoked), { aggregateId: ticket.id });
    return { ...ticket, status: 'revoked', revokedAt: now, revocationReason: reason };
  }

  private async storeSessions(manager: EntityManager, openDayId: string, planId: string, sessions: PublishedSessionV2[]): Promise<void> {
    const agendas = await planAgendas(manager, planId);
    for (const session of sessions) {
      await manager.query(
        `INSERT INTO admission_sessions (id, open_day_id, date, starts_at, ends_at, agenda) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET date = $3, starts_at = $4, ends_at = $5, agenda = $6`,
        [session.sessionId, openDayId, session.date, session.startsAt, session.endsAt, JSON.stringify(agendas.get(session.sessionId) ?? [])],
      );
      // Due at the session's end as it is now; a session already processed, or a cancelled day, gets no timer.
      await manager.query(
        `INSERT INTO no_show_timers (session_id, due_at)
         SELECT s.id, $2 FROM admission_sessions s JOIN admission_open_days o ON o.id = s.open_day_id
          WHERE s.id = $1 AND s.no_shows_recorded_at IS NULL AND o.status = 'published'
         ON CONFLICT (session_id) DO UPDATE SET due_at = EXCLUDED.due_at, attempts = 0, last_error = NULL`,
        [session.sessionId, sessionEnd(session)],
      );
    }
  }

  private async issueWaiting(manager: EntityManager, openDayId: string): Promise<void> {
    const waiting = (await manager.query(
      `SELECT p.person_id AS "personId" FROM admission_people p
        WHERE p.open_day_id = $1 AND p.selected_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.person_id = p.person_id)
        ORDER BY p.selected_at`,
      [openDayId],
    )) as Array<{ personId: string }>;
    for (const { personId } of waiting) await this.issueIfReady(manager, personId);
  }

  /** Issues the person's ticket once submission, account, selection and session are all known; at most once. */
  private async issueIfReady(manager: EntityManager, personId: string): Promise<void> {
    const [person] = (await manager.query(
      `SELECT person_id AS "personId", application_id AS "applicationId", session_id AS "sessionId", masked_name AS "maskedName",
              masked_id_number AS "maskedIdNumber", applicant_user_id AS "applicantUserId", selected_at AS "selectedAt", promoted
         FROM admission_people WHERE person_id = $1 FOR UPDATE`,
      [personId],
    )) as PersonRow[];
    if (!person?.selectedAt || !person.maskedName || !person.maskedIdNumber || !person.applicantUserId || !person.sessionId) return;
    const [issued] = (await manager.query(`SELECT 1 FROM tickets WHERE person_id = $1`, [personId])) as unknown[];
    if (issued) return;
    const [withdrawn] = (await manager.query(`SELECT 1 FROM admission_withdrawals WHERE application_id = $1`, [person.applicationId])) as unknown[];
    if (withdrawn) return;
    const session = await findSession(manager, person.sessionId);
    if (!session || session.openDayStatus !== 'published' || session.noShowsRecordedAt) return;

    const now = this.clock.now();
    const ticketId = randomUUID();
    // 32^8 codes: a clash is vanishingly rare, and the unique index turns it into a retried delivery with a new code.
    const checkInCode = newCheckInCode();
    await manager.query(
      `INSERT INTO tickets (id, person_id, application_id, open_day_id, session_id, agency_id, applicant_user_id, masked_name, masked_id_number,
                            check_in_code, promoted, status, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'issued', $12)`,
      [
        ticketId, personId, person.applicationId, session.openDayId, session.sessionId, session.agencyId, person.applicantUserId, person.maskedName,
        person.maskedIdNumber, checkInCode, person.promoted, now,
      ],
    );
    const data: TicketIssuedV2 = {
      ticketId,
      applicationId: person.applicationId,
      personId,
      openDayId: session.openDayId,
      sessionId: session.sessionId,
      agencyId: session.agencyId,
      applicantUserId: person.applicantUserId,
      ...sessionFacts(session),
      checkInCode,
      maskedName: person.maskedName,
      promoted: person.promoted,
      issuedAt: now.toISOString(),
    };
    await this.outbox.add(manager, TicketIssuedV2.contract, data, { aggregateId: ticketId });
    await this.outbox.add(manager, TicketIssuedV1.contract, ticketIssuedV1Of(data), { aggregateId: ticketId });
    this.logger.log(`ticket ${ticketId} issued for person ${personId} (open day ${session.openDayId})`);
  }
}

/** The plan's notices, when the open day came from a plan of this service (an open day known only from the bus has none). */
async function planNotices(manager: EntityManager, planId: string): Promise<string[]> {
  const [plan] = (await manager.query(`SELECT notices FROM plans WHERE id = $1`, [planId])) as Array<{ notices: string[] }>;
  return plan?.notices ?? [];
}

async function planAgendas(manager: EntityManager, planId: string): Promise<Map<string, TicketAgendaItem[]>> {
  const rows = (await manager.query(`SELECT id, agenda FROM plan_sessions WHERE plan_id = $1`, [planId])) as Array<{ id: string; agenda: TicketAgendaItem[] }>;
  return new Map(
    rows.map((row) => [
      row.id,
      row.agenda.map((item) => ({ startsAt: item.startsAt.slice(0, 5), endsAt: item.endsAt.slice(0, 5), activity: item.activity, venue: item.venue ?? null })),
    ]),
  );
}
