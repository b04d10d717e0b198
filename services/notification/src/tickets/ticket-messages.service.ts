import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OpenDayCancelledV1, OpenDayChangedV1, TicketIssuedV1, TicketRevokedV1 } from '@openday/contracts';
import { shanghaiInstant, toCalendarDate } from '@openday/domain';
import { ContactDirectory } from '../contacts/contact-directory';
import { Dispatcher } from '../deliveries/dispatcher';
import { ReminderService } from '../reminders/reminder.service';
import { ticketFactsOf, type TicketFacts } from './ticket-facts';

interface TicketRow {
  ticketId: string;
  personId: string;
  sessionId: string;
  facts: TicketFacts | null;
  revokedAt: Date | null;
}

/**
 * Tickets and the messages about them: selected/promoted with the ticket's details, changes
 * and cancellations to the people concerned, and the reminder timers that follow the ticket.
 * Events arrive from several streams in any order: a revocation seen before its ticket keeps
 * the ticket from being announced later.
 */
@Injectable()
export class TicketMessagesService {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly reminders: ReminderService,
    private readonly contacts: ContactDirectory,
  ) {}

  async ticketIssued(manager: EntityManager, causeEventId: string, ticket: TicketIssuedV1): Promise<void> {
    const facts = ticketFactsOf(ticket);
    const [stored] = (await manager.query(
      `INSERT INTO notification_tickets (ticket_id, person_id, open_day_id, session_id, facts) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id) DO UPDATE SET facts = $5 WHERE notification_tickets.revoked_at IS NULL
       RETURNING ticket_id`,
      [ticket.ticketId, ticket.personId, ticket.openDayId, ticket.sessionId, facts],
    )) as unknown[];
    if (!stored) return;
    await this.dispatcher.dispatch(manager, {
      causeEventId,
      recipient: { kind: 'person', personId: ticket.personId },
      content: { template: ticket.promoted ? 'promoted' : 'selected', params: { ...sessionFacts(facts), checkInCode: facts.checkInCode, notices: facts.notices } },
    });
    await this.reminders.schedule(manager, ticket.ticketId, facts);
  }

  async ticketRevoked(manager: EntityManager, causeEventId: string, revoked: TicketRevokedV1): Promise<void> {
    const [ticket] = (await manager.query(
      `INSERT INTO notification_tickets (ticket_id, person_id, open_day_id, session_id, facts, revoked_at) VALUES ($1, $2, $3, $4, 'null'::jsonb, $5)
       ON CONFLICT (ticket_id) DO UPDATE SET revoked_at = $5
       RETURNING facts`,
      [revoked.ticketId, revoked.personId, revoked.openDayId, revoked.sessionId, revoked.revokedAt],
    )) as Array<{ facts: TicketFacts | null }>;
    await this.reminders.cancel(manager, revoked.ticketId);
    // Only staff revocations need their own message: a withdrawal is the person's own act, a cancellation has its message.
    if (revoked.reason !== 'revoked-by-staff' || !ticket.facts) return;
    await this.dispatcher.dispatch(manager, {
      causeEventId,
      recipient: { kind: 'person', personId: revoked.personId },
      content: { template: 'ticket-revoked', params: { title: ticket.facts.title, date: ticket.facts.date } },
    });
  }

  /** Every current ticket holder hears the new time and place (or that their session is dropped); their reminders move with the session. */
  async openDayChanged(manager: EntityManager, causeEventId: string, change: OpenDayChangedV1): Promise<void> {
    const tickets = (await manager.query(
      `SELECT ticket_id AS "ticketId", person_id AS "personId", session_id AS "sessionId", facts, revoked_at AS "revokedAt"
         FROM notification_tickets WHERE open_day_id = $1 AND revoked_at IS NULL ORDER BY ticket_id FOR UPDATE`,
      [change.openDayId],
    )) as TicketRow[];
    for (const ticket of tickets) {
      if (!ticket.facts) continue;
      if (!change.sessions.some((session) => session.sessionId === ticket.sessionId)) {
        await this.sessionDropped(manager, causeEventId, ticket, ticket.facts, change);
        continue;
      }
      const facts = changedFacts(ticket.facts, ticket.sessionId, change);
      await manager.query(`UPDATE notification_tickets SET facts = $2 WHERE ticket_id = $1`, [ticket.ticketId, facts]);
      await this.dispatcher.dispatch(manager, {
        causeEventId,
        recipient: { kind: 'person', personId: ticket.personId },
        content: { template: 'open-day-changed', params: { ...sessionFacts(facts), reason: change.reason } },
      });
      await this.reminders.schedule(manager, ticket.ticketId, facts);
    }
  }

  /** The change dropped the holder's session: for them it is cancelled (scheduling revokes the ticket). */
  private async sessionDropped(manager: EntityManager, causeEventId: string, ticket: TicketRow, facts: TicketFacts, change: OpenDayChangedV1): Promise<void> {
    await this.reminders.cancel(manager, ticket.ticketId);
    await this.dispatcher.dispatch(manager, {
      causeEventId,
      recipient: { kind: 'person', personId: ticket.personId },
      content: { template: 'open-day-cancelled', params: { title: change.title, date: facts.date, reason: change.reason } },
    });
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

function sessionFacts(facts: TicketFacts) {
  const { title, date, startsAt, endsAt, venues, assemblyPoint } = facts;
  return { title, date, startsAt, endsAt, venues, assemblyPoint };
}

/** The ticket as the change leaves it: its session's new time (if the session is still there) and the new place. */
export function changedFacts(facts: TicketFacts, sessionId: string, change: OpenDayChangedV1): TicketFacts {
  const session = change.sessions.find((s) => s.sessionId === sessionId);
  const time = session
    ? {
        date: session.date,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        startsAtInstant: shanghaiInstant(toCalendarDate(session.date), session.startsAt).toISOString(),
      }
    : {};
  return { ...facts, ...time, title: change.title, venues: change.venues, assemblyPoint: change.assemblyPoint };
}
