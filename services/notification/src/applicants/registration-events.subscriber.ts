import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSubmittedV1, ContactDetailsRecordedV1, type CloudEvent, type EventOf } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { Dispatcher } from '../deliveries/dispatcher';
import { openDayTitles } from '../tickets/open-day-titles';

type RegistrationEvent = ContactDetailsRecordedV1 | ApplicationSubmittedV1;

/**
 * Registration's internal events: the contact directory (which releases waiting messages) and
 * application-received. A batch costs a fixed handful of statements whatever its size: every
 * person's lock, the contacts (each person's latest recording wins) and the messages they
 * release, the open days' titles, the received messages. The contacts go first whatever the
 * stream order: a received message that came first would only have waited for them.
 */
@Injectable()
export class RegistrationEventsSubscriber extends EventSubscriber<RegistrationEvent> {
  readonly purpose = 'applicant-contacts';
  readonly consumes = [ContactDetailsRecordedV1.contract, ApplicationSubmittedV1.contract];

  constructor(
    bus: EventBus,
    private readonly contacts: ContactDirectory,
    private readonly dispatcher: Dispatcher,
  ) {
    super(bus);
  }

  override handleBatch(events: readonly BatchedEvent<RegistrationEvent>[], manager: EntityManager): Promise<void> {
    return this.apply(
      manager,
      events.map(({ event }) => event),
    );
  }

  handle(event: EventOf<RegistrationEvent>, manager: EntityManager): Promise<void> {
    return this.apply(manager, [event]);
  }

  private async apply(manager: EntityManager, events: ReadonlyArray<EventOf<RegistrationEvent>>): Promise<void> {
    const recordings = events.flatMap((event) => (ContactDetailsRecordedV1.contract.matches(event) ? [event.data] : []));
    const submitted = events.filter((event): event is CloudEvent<ApplicationSubmittedV1> => ApplicationSubmittedV1.contract.matches(event));
    await this.contacts.lockPeople(
      manager,
      events.map((event) => event.data.personId),
    );
    // Only the recordings stored release waiting messages: a later one stored before has released them already.
    await this.dispatcher.contactsArrived(manager, await this.contacts.recordAll(manager, recordings));
    const titles = await openDayTitles(
      manager,
      submitted.map((event) => event.data.openDayId),
    );
    await this.dispatcher.dispatchAll(
      manager,
      submitted.map((event) => {
        const application = event.data;
        return {
          causeEventId: event.id,
          recipient: { kind: 'person', personId: application.personId },
          content: { template: 'application-received', params: { title: titles.get(application.openDayId.toLowerCase()) ?? null } },
        };
      }),
    );
  }
}
