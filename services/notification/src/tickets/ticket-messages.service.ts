import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OpenDayCancelledV1, TicketIssuedV2, TicketRevokedV2 } from '@openday/contracts';
import { Clock } from '@openday/platform';
import { selectionOf, type ApplicantStanding } from '../applicants/applicant-standings';
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
    await this.contacts.lockPerson(manager, ticket.personId);
    const facts = ticketFactsOf(ticket);
    const [stored] = (await manager.query(
      `INSERT INTO notification_tickets (ticket_id, person_id, open_day_id, session_id, facts, issued_event_id, promoted, awaiting_selection_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (ticket_id) DO UPDATE SET facts = $5, issued_event_id = $6, promoted = $7, awaiting_selection_since = $8
       WHERE notification_tickets.revoked_at IS NULL
       RETURNING ${AWAITING_COLUMNS}`,
      [ticket.ticketId, ticket.personId, ticket.openDayId, ticket.sessionId, facts, causeEventId, ticket.promoted, this.clock.now()],
    )) as AwaitingTicket[];
    if (!stored) return;
    await this.reminders.schedule(manager, ticket.ticketId, facts);
    const selection = await selectionOf(manager, ticket.personId, ticket.openDayId);
    if (selection) await this.announce(manager, stored, selection);
  }

  /** Vetting's selection arrived: a ticket waiting for it is announced, saying why its holder moved up. */
  async selectionRecorded(manager: EntityManager, selection: ApplicantStanding & { openDayId: string }): Promise<void> {
    const [ticket] = (await manager.query(
      `SELECT ${AWAITING_COLUMNS} FROM notification_tickets
        WHERE person_id = $1 AND open_day_id = $2 AND awaiting_selection_since IS NOT NULL AND revoked_at IS NULL FOR UPDATE`,
      [selection.personId, selection.openDayId],
    )) as AwaitingTicket[];
    if (ticket) await this.announce(manager, ticket, selection);
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
      for (const ticket of overdue) await this.announce(manager, ticket, null);
      return overdue.length;
    });
  }

  private async announce(manager: EntityManager, ticket: AwaitingTicket, selection: ApplicantStanding | null): Promise<void> {
    const { facts } = ticket;
    const params = { ...sessionFacts(facts), checkInCode: facts.checkInCode, notices: facts.notices, ...(facts.transport ? { transport: facts.transport } : {}) };
    const promoted = selection ? selection.promotionCause !== null : ticket.promoted;
    await this.dispatcher.dispatch(manager, {
      causeEventId: ticket.issuedEventId,
      recipient: { kind: 'person', personId: ticket.personId },
      content: promoted ? { template: 'promoted', params: { ...params, cause: selection?.promotionCause ?? null } } : { template: 'selected', params },
    });
    await manager.query(`UPDATE notification_tickets SET awaiting_selection_since = NULL WHERE ticket_id = $1`, [ticket.ticketId]);
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

  /** Whether the person held a ticket for the session (revoked or not), so messages about losing it come from the ticket's side. */
  async heldTicket(manager: EntityManager, personId: string, sessionId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM notification_tickets WHERE person_id = $1 AND session_id = $2 AND facts <> 'null'::jsonb`, [
      personId,
      sessionId,
    ])) as unknown[];
    return rows.length > 0;
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
