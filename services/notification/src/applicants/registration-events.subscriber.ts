import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSubmittedV1, ContactDetailsRecordedV1, type CloudEvent } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { handleLockingPeopleFirst } from '../contacts/people-first';
import { Dispatcher } from '../deliveries/dispatcher';
import { openDayTitle } from '../tickets/open-day-titles';

/** Registration's internal events: the contact directory (which releases waiting messages) and application-received. */
@Injectable()
export class RegistrationEventsSubscriber extends EventSubscriber {
  readonly purpose = 'applicant-contacts';
  readonly consumes = [ContactDetailsRecordedV1.contract, ApplicationSubmittedV1.contract];

  constructor(
    bus: EventBus,
    private readonly contacts: ContactDirectory,
    private readonly dispatcher: Dispatcher,
  ) {
    super(bus);
  }

  handleBatch(events: readonly BatchedEvent[], manager: EntityManager): Promise<void> {
    return handleLockingPeopleFirst(this, this.contacts, events, manager, (event) => (event.data as ContactDetailsRecordedV1 | ApplicationSubmittedV1).personId);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (event.type === ContactDetailsRecordedV1.contract.type) {
      const contact = event.data as ContactDetailsRecordedV1;
      const stored = await this.contacts.record(manager, contact);
      // A later recording stored before this one has released what waited already.
      if (stored) await this.dispatcher.contactArrived(manager, stored);
      return;
    }
    const submitted = event.data as ApplicationSubmittedV1;
    await this.dispatcher.dispatch(manager, {
      causeEventId: event.id,
      recipient: { kind: 'person', personId: submitted.personId },
      content: { template: 'application-received', params: { title: await openDayTitle(manager, submitted.openDayId) } },
    });
  }
}
