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
  type EventOf,
} from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { applicationCounted, attendeeCheckedIn, openDayChanged, openDayEnded, openDayPublished, ticketIssued, ticketRevoked } from './open-day-facts';

/** Scheduling's internal tickets: who holds which ticket, under which citizen account. */
@Injectable()
export class TicketIssuedSubscriber extends EventSubscriber<TicketIssuedV1> {
  readonly purpose = 'tickets';
  readonly consumes = [TicketIssuedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent<TicketIssuedV1>, manager: EntityManager): Promise<void> {
    return ticketIssued(manager, event.data);
  }
}

type SchedulingEvent = OpenDayPublishedV2 | OpenDayChangedV1 | OpenDayEndedV1 | AttendeeCheckedInV1 | TicketRevokedV1;

/** Scheduling's public events: open days and their changes, check-ins, revocations and the end of the day. */
@Injectable()
export class SchedulingEventsSubscriber extends EventSubscriber<SchedulingEvent> {
  readonly purpose = 'open-days';
  readonly consumes = [OpenDayPublishedV2.contract, OpenDayChangedV1.contract, OpenDayEndedV1.contract, AttendeeCheckedInV1.contract, TicketRevokedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: EventOf<SchedulingEvent>, manager: EntityManager): Promise<void> {
    if (OpenDayPublishedV2.contract.matches(event)) return openDayPublished(manager, event.data);
    if (OpenDayChangedV1.contract.matches(event)) return openDayChanged(manager, event.data);
    if (OpenDayEndedV1.contract.matches(event)) return openDayEnded(manager, event.data);
    if (AttendeeCheckedInV1.contract.matches(event)) return attendeeCheckedIn(manager, event.data);
    return ticketRevoked(manager, event.data);
  }
}

/** Registration's applications, counted per open day for the city-wide table (nothing personal is kept). */
@Injectable()
export class ApplicationsSubscriber extends EventSubscriber<ApplicationSubmittedV1> {
  readonly purpose = 'applications';
  readonly consumes = [ApplicationSubmittedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent<ApplicationSubmittedV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    return applicationCounted(manager, 'fb_applications', data.personId, data.openDayId);
  }
}

/** Vetting's selections, counted per open day for the city-wide table. */
@Injectable()
export class SelectionsSubscriber extends EventSubscriber<ApplicationSelectedV1> {
  readonly purpose = 'selections';
  readonly consumes = [ApplicationSelectedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent<ApplicationSelectedV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    return applicationCounted(manager, 'fb_selections', data.personId, data.openDayId);
  }
}
