import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OpenDayCancelledV1, TicketIssuedV2, TicketRevokedV2 } from '@openday/contracts';
import { Clock } from '@openday/platform';
import { personOnOpenDay, selectionsOf, type ApplicantStanding } from '../applicants/applicant-standings';
import { ContactDirectory } from '../contacts/contact-directory';
import { Dispatcher } from '../deliveries/dispatcher';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../deliveries/notification-settings';
import { ReminderService } from '../reminders/reminder.service';
import type { SessionFacts } from '../templates/message-params';
import { ticketFactsOf, type TicketFacts } from './ticket-facts';

interface AwaitingTicket {
  ticketId: string;
  personId: string;
  openDayId: string;
  issuedEventId: string;
  promoted: boolean;
  facts: TicketFacts;
}

const AWAITING_COLUMNS = `ticket_id AS "ticketId", person_id AS "personId", open_day_id AS "openDayId", issued_event_id AS "issuedEventId", promoted, facts`;

/**
 * The message key of "your ticket is gone" for a person's session, shared by a staff revocation
 * and a release named by a change, so the person hears one of them, whichever comes first.
 */
export const revocationKey = (sessionId: string, personId: string) => `ticket-revoked:${sessionId}:${personId}`;

/**
 * Tickets and the messages about them: selected/promoted with the ticket's details (once
 * vetting's selection says why a promoted person moved up), revocations and cancellations, and
 * the reminder timers that follow the ticket. Events arrive from several streams in any order:
 * a revocation seen before its ticket keeps the ticket from being announced later, and a ticket
 * and its selection wait for each other (per-person lock), the ticket's message keyed by its
 * issue event so it goes out once.
 */
@Injectable()
export class TicketMessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly reminders: ReminderService,
    private readonly contacts: ContactDirectory,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async ticketIssued(manager: EntityManager, causeEventId: string, ticket: TicketIssuedV2): Promise<void> {
    await this.ticketsIssued(manager, [{ causeEventId, ticket }]);
  }

  /**
   * Tickets issued (each person once in the batch): stored, their reminders set, and those whose
   * selection has arrived announced, in a fixed handful of statements whatever the batch's size.
   */
  async ticketsIssued(manager: EntityManager, issued: ReadonlyArray<{ causeEventId: string; ticket: TicketIssuedV2 }>): Promise<void> {
    if (issued.length === 0) return;
    await this.contacts.lockPeople(
      manager,
      issued.map(({ ticket }) => ticket.personId),
    );
    const stored = (await manager.query(
      `INSERT INTO notification_tickets (ticket_id, person_id, open_day_id, session_id, facts, issued_event_id, promoted, awaiting_selection_since)
       SELECT ticket_id, person_id, open_day_id, session_id, facts::jsonb, issued_event_id, promoted, $8
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::boolean[])
           AS t(ticket_id, person_id, open_day_id, session_id, facts, issued_event_id, promoted)
       ON CONFLICT (ticket_id) DO UPDATE SET facts = EXCLUDED.facts, issued_event_id = EXCLUDED.issued_event_id, promoted = EXCLUDED.promoted,
         awaiting_selection_since = EXCLUDED.awaiting_selection_since
       WHERE notification_tickets.revoked_at IS NULL
       RETURNING ${AWAITING_COLUMNS}`,
      [
        issued.map(({ ticket }) => ticket.ticketId),
        issued.map(({ ticket }) => ticket.personId),
        issued.map(({ ticket }) => ticket.openDayId),
        issued.map(({ ticket }) => ticket.sessionId),
        issued.map(({ ticket }) => JSON.stringify(ticketFactsOf(ticket))),
        issued.map(({ causeEventId }) => causeEventId),
        issued.map(({ ticket }) => ticket.promoted),
        this.clock.now(),
      ],
    )) as AwaitingTicket[];
    if (stored.length === 0) return;
    await this.reminders.scheduleAll(manager, stored);
    const selections = await selectionsOf(manager, stored);
    await this.announceAll(
      manager,
      stored.flatMap((ticket) => {
        const selection = selections.get(personOnOpenDay(ticket.personId, ticket.openDayId));
        return selection ? [{ ticket, selection }] : [];
      }),
    );
  }

  /** Vetting's selections arrived (each person once in the batch): tickets waiting for them are announced, saying why their holders moved up. */
  async selectionsRecorded(manager: EntityManager, selections: ReadonlyArray<ApplicantStanding & { openDayId: string }>): Promise<void> {
    if (selections.length === 0) return;
    const waiting = (await manager.query(
      `SELECT ${AWAITING_COLUMNS} FROM notification_tickets
        WHERE (person_id, open_day_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) AND awaiting_selection_since IS NOT NULL AND revoked_at IS NULL
        ORDER BY ticket_id FOR UPDATE`,
      [selections.map((s) => s.personId), selections.map((s) => s.openDayId)],
    )) as AwaitingTicket[];
    const byPerson = new Map(selections.map((selection) => [personOnOpenDay(selection.personId, selection.openDayId), selection]));
    await this.announceAll(
      manager,
      waiting.map((ticket) => ({ ticket, selection: byPerson.get(personOnOpenDay(ticket.personId, ticket.openDayId)) ?? null })),
    );
  }

  /** Tickets whose selection never came (e.g. selected before vetting published v2) are announced as the ticket says. */
  async announceUnmatched(max = 50): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.settings.contactWaitMinutes * 60_000);
    return this.dataSource.transaction(async (manager) => {
      const overdue = (await manager.query(
        `SELECT ${AWAITING_COLUMNS} FROM notification_tickets
          WHERE awaiting_selection_since <= $1 AND revoked_at IS NULL ORDER BY awaiting_selection_since LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cutoff, max],
      )) as AwaitingTicket[];
      await this.announceAll(
        manager,
        overdue.map((ticket) => ({ ticket, selection: null })),
      );
      return overdue.length;
    });
  }

  private async announceAll(manager: EntityManager, announced: ReadonlyArray<{ ticket: AwaitingTicket; selection: ApplicantStanding | null }>): Promise<void> {
    if (announced.length === 0) return;
    await this.dispatcher.dispatchAll(
      manager,
      announced.map(({ ticket, selection }) => {
        const { facts } = ticket;
        const params = { ...sessionFacts(facts), checkInCode: facts.checkInCode, notices: facts.notices, ...(facts.transport ? { transport: facts.transport } : {}) };
        const promoted = selection ? selection.promotionCause !== null : ticket.promoted;
        return {
          causeEventId: ticket.issuedEventId,
          recipient: { kind: 'person', personId: ticket.personId },
          content: promoted ? { template: 'promoted', params: { ...params, cause: selection?.promotionCause ?? null } } : { template: 'selected', params },
        };
      }),
    );
    await manager.query(`UPDATE notification_tickets SET awaiting_selection_since = NULL WHERE ticket_id = ANY($1::uuid[])`, [
      announced.map(({ ticket }) => ticket.ticketId),
    ]);
  }

  async ticketRevoked(manager: EntityManager, revoked: TicketRevokedV2): Promise<void> {
    const [ticket] = (await manager.query(
      `INSERT INTO notification_tickets (ticket_id, person_id, open_day_id, session_id, facts, revoked_at) VALUES ($1, $2, $3, $4, 'null'::jsonb, $5)
       ON CONFLICT (ticket_id) DO UPDATE SET revoked_at = $5, awaiting_selection_since = NULL
       RETURNING facts`,
      [revoked.ticketId, revoked.personId, revoked.openDayId, revoked.sessionId, revoked.revokedAt],
    )) as Array<{ facts: TicketFacts | null }>;
    await this.reminders.cancel(manager, revoked.ticketId);
    // Only staff revocations need their own message: a withdrawal is the person's own act, a cancellation has its message,
    // and a holder vetting rejected (application-rejected) is told by the rejection, with the reason in words.
    if (revoked.reason !== 'revoked-by-staff' || !ticket.facts) return;
    await this.dispatcher.dispatch(manager, {
      causeEventId: revocationKey(revoked.sessionId, revoked.personId),
      recipient: { kind: 'person', personId: revoked.personId },
      content: { template: 'ticket-revoked', params: { title: ticket.facts.title, date: ticket.facts.date } },
    });
  }

  /**
   * Of these people, those who held a ticket for the session (revoked or not), so messages about
   * losing it come from the ticket's side: keyed `<person>:<session>` in lower case.
   */
  async heldTickets(manager: EntityManager, wanted: ReadonlyArray<{ personId: string; sessionId: string }>): Promise<Set<string>> {
    if (wanted.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT DISTINCT person_id AS "personId", session_id AS "sessionId" FROM notification_tickets
        WHERE (person_id, session_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) AND facts <> 'null'::jsonb`,
      [wanted.map((w) => w.personId), wanted.map((w) => w.sessionId)],
    )) as Array<{ personId: string; sessionId: string }>;
    return new Set(rows.map((row) => `${row.personId}:${row.sessionId}`));
  }

  /** Everyone who applied is told; no reminder of the open day goes out any more. */
  async openDayCancelled(manager: EntityManager, causeEventId: string, cancelled: OpenDayCancelledV1): Promise<void> {
    await manager.query(
      `DELETE FROM notification_reminders WHERE ticket_id IN (SELECT ticket_id FROM notification_tickets WHERE open_day_id = $1)`,
      [cancelled.openDayId],
    );
    for (const contact of await this.contacts.ofOpenDay(manager, cancelled.openDayId)) {
      await this.dispatcher.dispatch(manager, {
        causeEventId,
        recipient: { kind: 'person', personId: contact.personId },
        content: { template: 'open-day-cancelled', params: { title: cancelled.title, date: cancelled.date, reason: cancelled.reason } },
      });
    }
  }
}

export function sessionFacts(facts: TicketFacts): SessionFacts {
  const { title, date, startsAt, endsAt, venues, assemblyPoint } = facts;
  return { title, date, startsAt, endsAt, venues, assemblyPoint };
}
