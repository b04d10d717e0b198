import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketIssuedV2, type CloudEvent } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { inRunsOfDistinctPeople } from '../contacts/people-first';
import { TicketMessagesService } from './ticket-messages.service';

/**
 * Scheduling's internal ticket events: the selection (or promotion) message and the reminders,
 * a batch in a fixed handful of statements per run of distinct people.
 */
@Injectable()
export class TicketsSubscriber extends EventSubscriber<TicketIssuedV2> {
  readonly purpose = 'ticket-messages';
  readonly consumes = [TicketIssuedV2.contract];

  constructor(
    bus: EventBus,
    private readonly tickets: TicketMessagesService,
    private readonly contacts: ContactDirectory,
  ) {
    super(bus);
  }

  override handleBatch(events: readonly BatchedEvent<TicketIssuedV2>[], manager: EntityManager): Promise<void> {
    return this.apply(
      manager,
      events.map(({ event }) => event),
    );
  }

  handle(event: CloudEvent<TicketIssuedV2>, manager: EntityManager): Promise<void> {
    return this.apply(manager, [event]);
  }

  private apply(manager: EntityManager, events: ReadonlyArray<CloudEvent<TicketIssuedV2>>): Promise<void> {
    return inRunsOfDistinctPeople(
      this.contacts,
      manager,
      events,
      (event) => event.data.personId,
      (run) => this.tickets.ticketsIssued(manager, run.map((event) => ({ causeEventId: event.id, ticket: event.data }))),
    );
  }
}
