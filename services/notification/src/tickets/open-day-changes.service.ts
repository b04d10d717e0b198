import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OpenDayChangedV2 } from '@openday/contracts';
import { shanghaiInstant, toCalendarDate } from '@openday/domain';
import { waitlistedOf } from '../applicants/applicant-standings';
import { Dispatcher } from '../deliveries/dispatcher';
import { ReminderService } from '../reminders/reminder.service';
import { changeNotice, sessionAfter } from './change-notice';
import { recordedSession, recordOpenDay } from './open-day-titles';
import type { TicketFacts } from './ticket-facts';
import { revocationKey, sessionFacts } from './ticket-messages.service';

interface HeldTicket {
  ticketId: string;
  personId: string;
  sessionId: string;
  facts: TicketFacts;
}

/**
 * A change of a published open day, told to everyone concerned from the change alone: ticket
 * holders (their ticket and reminders follow the new session), the waiting list, the people
 * whose places the agency gave up, and holders of a removed session. Each person gets one
 * message per change (the dispatcher's key), holders first so theirs is the one with the ticket.
 */
@Injectable()
export class OpenDayChangesService {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly reminders: ReminderService,
  ) {}

  async openDayChanged(manager: EntityManager, causeEventId: string, change: OpenDayChangedV2): Promise<void> {
    const released = new Set(change.releases.map((release) => revocationKey(release.sessionId, release.personId)));
    for (const ticket of await this.liveTickets(manager, change.openDayId)) {
      if (released.has(revocationKey(ticket.sessionId, ticket.personId))) continue;
      await this.tellHolder(manager, causeEventId, ticket, change);
    }
    for (const release of change.releases) await this.tellReleased(manager, release, change);
    for (const waiting of await waitlistedOf(manager, change.openDayId)) {
      const before = await recordedSession(manager, change.openDayId, waiting.sessionId);
      const params = changeNotice(change, { sessionId: waiting.sessionId, before, waitlisted: true, notices: null });
      if (params) await this.tell(manager, causeEventId, waiting.personId, params);
    }
    await recordOpenDay(manager, change);
  }

  private async liveTickets(manager: EntityManager, openDayId: string): Promise<HeldTicket[]> {
    return (await manager.query(
      `SELECT ticket_id AS "ticketId", person_id AS "personId", session_id AS "sessionId", facts
         FROM notification_tickets WHERE open_day_id = $1 AND revoked_at IS NULL AND facts <> 'null'::jsonb ORDER BY ticket_id FOR UPDATE`,
      [openDayId],
    )) as HeldTicket[];
  }

  /** The ticket follows the change (new time, place, notices; reminders moved), and the holder hears what changed. */
  private async tellHolder(manager: EntityManager, causeEventId: string, ticket: HeldTicket, change: OpenDayChangedV2): Promise<void> {
    const after = sessionAfter(change, ticket.sessionId);
    if (!after) return this.sessionRemoved(manager, causeEventId, ticket, change);
    const params = changeNotice(change, { sessionId: ticket.sessionId, before: sessionFacts(ticket.facts), waitlisted: false, notices: ticket.facts.notices });
    const startsAtInstant = shanghaiInstant(toCalendarDate(after.date), after.startsAt).toISOString();
    const facts: TicketFacts = { ...ticket.facts, ...after, startsAtInstant, notices: change.notices };
    await manager.query(`UPDATE notification_tickets SET facts = $2 WHERE ticket_id = $1`, [ticket.ticketId, facts]);
    await this.reminders.schedule(manager, ticket.ticketId, facts);
    if (params) await this.tell(manager, causeEventId, ticket.personId, params);
  }

  /** The change dropped the holder's session: for them it is cancelled (scheduling revokes the ticket, vetting's rejection is not told again). */
  private async sessionRemoved(manager: EntityManager, causeEventId: string, ticket: HeldTicket, change: OpenDayChangedV2): Promise<void> {
    await this.reminders.cancel(manager, ticket.ticketId);
    await this.dispatcher.dispatch(manager, {
      causeEventId,
      recipient: { kind: 'person', personId: ticket.personId },
      content: { template: 'open-day-cancelled', params: { title: change.title, date: ticket.facts.date, reason: change.reason } },
    });
  }

  /**
   * The agency gave up this person's place to lower the session's places. Keyed like a staff
   * revocation of the same ticket, so the revocation scheduling publishes for it adds no message.
   */
  private async tellReleased(manager: EntityManager, release: OpenDayChangedV2['releases'][number], change: OpenDayChangedV2): Promise<void> {
    const [ticket] = (await manager.query(
      `SELECT ticket_id AS "ticketId", facts FROM notification_tickets WHERE person_id = $1 AND session_id = $2 AND facts <> 'null'::jsonb`,
      [release.personId, release.sessionId],
    )) as Array<{ ticketId: string; facts: TicketFacts }>;
    if (ticket) await this.reminders.cancel(manager, ticket.ticketId);
    const date = ticket?.facts.date ?? sessionAfter(change, release.sessionId)?.date;
    if (!date) return;
    await this.dispatcher.dispatch(manager, {
      causeEventId: revocationKey(release.sessionId, release.personId),
      recipient: { kind: 'person', personId: release.personId },
      content: { template: 'ticket-revoked', params: { title: change.title, date, placesReduced: { reason: change.reason } } },
    });
  }

  private async tell(manager: EntityManager, causeEventId: string, personId: string, params: NonNullable<ReturnType<typeof changeNotice>>): Promise<void> {
    await this.dispatcher.dispatch(manager, { causeEventId, recipient: { kind: 'person', personId }, content: { template: 'open-day-changed', params } });
  }
}
