import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationSelectedV1,
  ApplicationSubmittedV1,
  AttendeeCheckedInV1,
  OpenDayChangedV1,
  OpenDayEndedV1,
  OpenDayPublishedV2,
  TicketIssuedV1,
  TicketRevokedV1,
  type CloudEvent,
} from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { applicationCounted, attendeeCheckedIn, openDayChanged, openDayEnded, openDayPublished, ticketIssued, ticketRevoked } from './open-day-facts';

/** Scheduling's internal tickets: who holds which ticket, under which citizen account. */
@Injectable()
export class TicketIssuedSubscriber extends EventSubscriber {
  readonly purpose = 'tickets';
  readonly consumes = [TicketIssuedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    return ticketIssued(manager, event.data as TicketIssuedV1);
  }
}

/** Scheduling's public events: open days and their changes, check-ins, revocations and the end of the day. */
@Injectable()
export class SchedulingEventsSubscriber extends EventSubscriber {
  readonly purpose = 'open-days';
  readonly consumes = [OpenDayPublishedV2.contract, OpenDayChangedV1.contract, OpenDayEndedV1.contract, AttendeeCheckedInV1.contract, TicketRevokedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case OpenDayPublishedV2.contract.type:
        return openDayPublished(manager, event.data as OpenDayPublishedV2);
      case OpenDayChangedV1.contract.type:
        return openDayChanged(manager, event.data as OpenDayChangedV1);
      case OpenDayEndedV1.contract.type:
        return openDayEnded(manager, event.data as OpenDayEndedV1);
      case AttendeeCheckedInV1.contract.type:
        return attendeeCheckedIn(manager, event.data as AttendeeCheckedInV1);
      default:
        return ticketRevoked(manager, event.data as TicketRevokedV1);
    }
  }
}

/** Registration's applications, counted per open day for the city-wide table (nothing personal is kept). */
@Injectable()
export class ApplicationsSubscriber extends EventSubscriber {
  readonly purpose = 'applications';
  readonly consumes = [ApplicationSubmittedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as ApplicationSubmittedV1;
    return applicationCounted(manager, 'fb_applications', data.personId, data.openDayId);
  }
}

/** Vetting's selections, counted per open day for the city-wide table. */
@Injectable()
export class SelectionsSubscriber extends EventSubscriber {
  readonly purpose = 'selections';
  readonly consumes = [ApplicationSelectedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as ApplicationSelectedV1;
    return applicationCounted(manager, 'fb_selections', data.personId, data.openDayId);
  }
}
