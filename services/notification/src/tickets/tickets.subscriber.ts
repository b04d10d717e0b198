import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketIssuedV2, type CloudEvent } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { handleLockingPeopleFirst } from '../contacts/people-first';
import { TicketMessagesService } from './ticket-messages.service';

/** Scheduling's internal ticket events: the selection (or promotion) message and the reminders. */
@Injectable()
export class TicketsSubscriber extends EventSubscriber {
  readonly purpose = 'ticket-messages';
  readonly consumes = [TicketIssuedV2.contract];

  constructor(
    bus: EventBus,
    private readonly tickets: TicketMessagesService,
    private readonly contacts: ContactDirectory,
  ) {
    super(bus);
  }

  handleBatch(events: readonly BatchedEvent[], manager: EntityManager): Promise<void> {
    return handleLockingPeopleFirst(this, this.contacts, events, manager, (event) => (event.data as TicketIssuedV2).personId);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    await this.tickets.ticketIssued(manager, event.id, event.data as TicketIssuedV2);
  }
}
