import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSelectedV2, type CloudEvent } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { handleLockingPeopleFirst } from '../contacts/people-first';
import { TicketMessagesService } from '../tickets/ticket-messages.service';
import { recordStanding } from './applicant-standings';

/**
 * Vetting's selections (v2, which names every promotion cause): the person no longer waits, and
 * their ticket's message says why they moved up. The ticket carries what the message tells, so
 * the message goes out with the ticket, never a second one from here.
 */
@Injectable()
export class SelectionsSubscriber extends EventSubscriber {
  readonly purpose = 'selections';
  readonly consumes = [ApplicationSelectedV2.contract];

  constructor(
    bus: EventBus,
    private readonly contacts: ContactDirectory,
    private readonly tickets: TicketMessagesService,
  ) {
    super(bus);
  }

  handleBatch(events: readonly BatchedEvent[], manager: EntityManager): Promise<void> {
    return handleLockingPeopleFirst(this, this.contacts, events, manager, (event) => (event.data as ApplicationSelectedV2).personId);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const selected = event.data as ApplicationSelectedV2;
    await this.contacts.lockPerson(manager, selected.personId);
    const promotionCause = selected.promotion?.cause ?? null;
    await recordStanding(manager, selected, 'selected', selected.selectedAt, promotionCause);
    await this.tickets.selectionRecorded(manager, { ...selected, standing: 'selected', promotionCause });
  }
}
