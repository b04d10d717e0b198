import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationSubmittedV1,
  ContactDetailsRecordedV1,
  OpenDayCancelledV1,
  OpenDayChangedV1,
  OpenDayChangedV2,
  OpenDayPublishedV2,
  PublishedSessionV2,
  TicketAgendaItem,
  TicketRevocationReasonV2,
} from '@openday/contracts';
import { lastOfEach, Outbox, runsOfDistinct, type CorrelationContext } from '@openday/messaging';
import { Clock } from '@openday/platform';
import { forgetSelections, lockPeople, storeApplyingAccounts, storeSelections, storeSubmissions, storeWithdrawals } from './admission-people';
import { sessionEnd } from './admission-rules';
import { findTickets, type TicketRow } from './ticket-rows';
import { TicketIssuer } from './ticket-issuer';

/** Vetting's reasons for rejecting someone whose ticket scheduling had already revoked (see vetting's open-day changes). */
const REJECTIONS_AFTER_REVOCATION: ReadonlySet<string> = new Set(['ticket-revoked', 'place-released', 'session-cancelled']);

/** An event's content with the correlation its message carried (the events it causes carry it on). */
export interface Correlated {
  correlation?: CorrelationContext;
}

export type ApplicantPiece = { kind: 'submitted'; data: ApplicationSubmittedV1 } | { kind: 'contact'; data: ContactDetailsRecordedV1 };
export type Decision = { kind: 'selected'; data: ApplicationSelectedV1 } | { kind: 'rejected'; data: ApplicationRejectedV1 };
export interface Withdrawal {
  applicationId: string;
  withdrawnAt: string;
}
export type ApplicantPieceEvent = Correlated & { piece: ApplicantPiece };
export type DecisionEvent = Correlated & { decision: Decision };
export type WithdrawalEvent = Correlated & { withdrawal: Withdrawal };

/**
 * What the bus makes admission do. The pieces of a ticket come on different streams in any
 * order (the open day from here, the submission and the applying account from registration,
 * the selection from vetting); each handler stores its piece and then issues the ticket if
 * every piece is there. The person is locked first, so two pieces arriving together issue one
 * ticket; the unique person_id on tickets is the backstop. Every handler is idempotent on its
 * own as well as through the inbox. The people's events come a batch at a time and are applied
 * set-based: a fixed number of statements per batch, however many people it holds.
 */
@Injectable()
export class AdmissionService {
  private readonly issuer: TicketIssuer;

  constructor(outbox: Outbox, clock: Clock) {
    this.issuer = new TicketIssuer(outbox, clock);
  }

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
    await this.issuer.revokeAll(
      manager,
      dropped.map((ticket) => ({ ticket })),
      'session-cancelled',
    );
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
    await this.issuer.revokeAll(
      manager,
      tickets.map((ticket) => ({ ticket })),
      'open-day-cancelled',
    );
  }

  /** One submission: see applicantsRecorded. */
  applicationSubmitted(manager: EntityManager, data: ApplicationSubmittedV1): Promise<void> {
    return this.applicantsRecorded(manager, [{ piece: { kind: 'submitted', data } }]);
  }

  /** One applying account: see applicantsRecorded. */
  contactDetailsRecorded(manager: EntityManager, data: ContactDetailsRecordedV1): Promise<void> {
    return this.applicantsRecorded(manager, [{ piece: { kind: 'contact', data } }]);
  }

  /**
   * Registration's pieces of a batch of people (submissions and the accounts that applied), in
   * stream order: every person's lock, each kind stored in one statement (a person's last of
   * each wins), then the tickets of those now complete.
   */
  async applicantsRecorded(manager: EntityManager, pieces: readonly ApplicantPieceEvent[]): Promise<void> {
    await lockPeople(
      manager,
      pieces.map(({ piece }) => piece.data.personId),
    );
    const submissions = pieces.flatMap(({ piece }) => (piece.kind === 'submitted' ? [piece.data] : []));
    const accounts = pieces.flatMap(({ piece }) => (piece.kind === 'contact' ? [piece.data] : []));
    await storeSubmissions(manager, lastOfEach(submissions, (data) => data.personId));
    await storeApplyingAccounts(manager, lastOfEach(accounts, (data) => data.personId));
    await this.issuer.issueReady(
      manager,
      pieces.map(({ piece, correlation }) => ({ personId: piece.data.personId, correlation })),
    );
  }

  /** One decision: see decisionsMade. */
  applicationSelected(manager: EntityManager, data: ApplicationSelectedV1): Promise<void> {
    return this.decisionsMade(manager, [{ decision: { kind: 'selected', data } }]);
  }

  /**
   * Vetting's decisions of a batch, in stream order. A selection issues the ticket if every piece
   * is there. A rejection of someone it had selected (screened out after a moved date or new
   * eligibility, refused in joint review...) revokes their ticket and forgets the selection, so a
   * ticket still waiting for its other pieces is never issued; rejections for a ticket scheduling
   * revoked itself (a released place, a removed session, staff) change nothing here. A person's
   * decisions keep their order: the batch is applied in runs of distinct people.
   */
  async decisionsMade(manager: EntityManager, decisions: readonly DecisionEvent[]): Promise<void> {
    const personOf = ({ decision }: DecisionEvent) => decision.data.personId;
    await lockPeople(manager, decisions.map(personOf));
    for (const run of runsOfDistinct(decisions, personOf)) {
      const rejections = run.filter(({ decision }) => decision.kind === 'rejected' && !REJECTIONS_AFTER_REVOCATION.has(decision.data.reasonCode));
      await forgetSelections(manager, rejections.map(personOf));
      const held =
        rejections.length === 0
          ? []
          : await findTickets(
              manager,
              `(t.person_id, t.open_day_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) AND t.status = 'issued'`,
              [rejections.map(personOf), rejections.map(({ decision }) => decision.data.openDayId)],
              { lock: true },
            );
      const rejectionOf = new Map(rejections.map((rejection) => [personOf(rejection).toLowerCase(), rejection.correlation]));
      await this.issuer.revokeAll(
        manager,
        held.map((ticket) => ({ ticket, correlation: rejectionOf.get(ticket.personId.toLowerCase()) })),
        'application-rejected',
      );
      const selections = run.flatMap(({ decision, correlation }) => (decision.kind === 'selected' ? [{ data: decision.data, correlation }] : []));
      await storeSelections(
        manager,
        selections.map(({ data }) => data),
      );
      await this.issuer.issueReady(
        manager,
        selections.map(({ data, correlation }) => ({ personId: data.personId, correlation })),
      );
    }
  }

  /** One withdrawal: see applicationsWithdrawn. */
  applicationWithdrawn(manager: EntityManager, applicationId: string, withdrawnAt: string): Promise<void> {
    return this.applicationsWithdrawn(manager, [{ withdrawal: { applicationId, withdrawnAt } }]);
  }

  /** Revokes what was issued and remembers the withdrawals, so a selection arriving later issues nothing. */
  async applicationsWithdrawn(manager: EntityManager, withdrawals: readonly WithdrawalEvent[]): Promise<void> {
    await storeWithdrawals(
      manager,
      withdrawals.map(({ withdrawal }) => withdrawal),
    );
    const applicationIds = withdrawals.map(({ withdrawal }) => withdrawal.applicationId);
    const tickets = await findTickets(manager, `t.application_id = ANY($1::uuid[]) AND t.status = 'issued'`, [applicationIds], { lock: true });
    const withdrawalOf = new Map(withdrawals.map(({ withdrawal, correlation }) => [withdrawal.applicationId.toLowerCase(), correlation]));
    await this.issuer.revokeAll(
      manager,
      tickets.map((ticket) => ({ ticket, correlation: withdrawalOf.get(ticket.applicationId.toLowerCase()) })),
      'application-withdrawn',
    );
  }

  /** The ticket must be locked by the caller and still issued. v2 says every reason; v1 beside it says what it can. */
  async revoke(manager: EntityManager, ticket: TicketRow, reason: TicketRevocationReasonV2, by?: { userId: string; note: string }): Promise<TicketRow> {
    const [revoked] = await this.issuer.revokeAll(manager, [{ ticket }], reason, by);
    return revoked;
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
    await lockPeople(
      manager,
      waiting.map(({ personId }) => personId),
    );
    await this.issuer.issueReady(manager, waiting);
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
