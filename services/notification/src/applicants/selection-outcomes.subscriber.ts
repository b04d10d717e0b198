import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationRejectedV2, ApplicationWaitlistedV2, type EventOf } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { inRunsOfDistinctPeople } from '../contacts/people-first';
import { Dispatcher, type MessageRequest } from '../deliveries/dispatcher';
import { openDayTitles } from '../tickets/open-day-titles';
import { TicketMessagesService } from '../tickets/ticket-messages.service';
import { recordStandings, type Decision } from './applicant-standings';

/**
 * Losing a ticket is told from the ticket's side: a removed session by the change, a revoked
 * ticket by the revocation, a released place by the change's release. A holder rejected for
 * these is not told twice.
 */
const TOLD_WITH_THE_TICKET = new Set(['session-cancelled', 'ticket-revoked', 'place-released']);

type Outcome = ApplicationRejectedV2 | ApplicationWaitlistedV2;

/**
 * Vetting's outcomes that are not a ticket: rejected (with the reason in words) and waitlisted
 * (with the position), each with the selection group's own reason when it gave one. Reads the
 * internal v2 events, which carry those words; the public v1 beside them stays for subscribers.
 * Keeps who waits, so a change of the open day reaches the waiting list. A batch costs a fixed
 * handful of statements per run of distinct people.
 */
@Injectable()
export class SelectionOutcomesSubscriber extends EventSubscriber<Outcome> {
  readonly purpose = 'selection-outcome-messages';
  readonly consumes = [ApplicationRejectedV2.contract, ApplicationWaitlistedV2.contract];

  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
    private readonly tickets: TicketMessagesService,
    private readonly contacts: ContactDirectory,
  ) {
    super(bus);
  }

  override handleBatch(events: readonly BatchedEvent<Outcome>[], manager: EntityManager): Promise<void> {
    return this.apply(
      manager,
      events.map(({ event }) => event),
    );
  }

  handle(event: EventOf<Outcome>, manager: EntityManager): Promise<void> {
    return this.apply(manager, [event]);
  }

  private apply(manager: EntityManager, events: ReadonlyArray<EventOf<Outcome>>): Promise<void> {
    return inRunsOfDistinctPeople(
      this.contacts,
      manager,
      events,
      (event) => event.data.personId,
      (run) => this.applyRun(manager, run),
    );
  }

  private async applyRun(manager: EntityManager, run: ReadonlyArray<EventOf<Outcome>>): Promise<void> {
    const titles = await openDayTitles(
      manager,
      run.map((event) => event.data.openDayId),
    );
    await recordStandings(
      manager,
      run.map(
        (event): Decision =>
          ApplicationRejectedV2.contract.matches(event)
            ? { ref: event.data, standing: 'rejected', decidedAt: event.data.rejectedAt }
            : { ref: event.data, standing: 'waitlisted', decidedAt: event.data.waitlistedAt },
      ),
    );
    const toldWithTicket = run.flatMap((event) =>
      ApplicationRejectedV2.contract.matches(event) && TOLD_WITH_THE_TICKET.has(event.data.reasonCode) ? [event.data] : [],
    );
    const held = await this.tickets.heldTickets(manager, toldWithTicket);
    const requests = run.flatMap((event): MessageRequest[] => {
      const title = titles.get(event.data.openDayId.toLowerCase()) ?? null;
      const recipient = { kind: 'person' as const, personId: event.data.personId };
      if (ApplicationRejectedV2.contract.matches(event)) {
        const rejected = event.data;
        if (toldWithTicket.includes(rejected) && held.has(`${rejected.personId}:${rejected.sessionId}`.toLowerCase())) return [];
        return [
          {
            causeEventId: event.id,
            recipient,
            content: { template: 'rejected', params: { title, reasonCode: rejected.reasonCode, refusedBy: rejected.refusedBy, groupReason: rejected.groupReason } },
          },
        ];
      }
      const waitlisted = event.data;
      return [{ causeEventId: event.id, recipient, content: { template: 'waitlisted', params: { title, position: waitlisted.position, groupReason: waitlisted.groupReason } } }];
    });
    await this.dispatcher.dispatchAll(manager, requests);
  }
}
