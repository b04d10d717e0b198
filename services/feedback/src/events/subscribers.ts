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
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { applicationsCounted, attendeesCheckedIn, openDayChanged, openDayEnded, openDayPublished, ticketsIssued, ticketsRevoked } from './open-day-facts';

/*
 * The events about people (tickets, check-ins, applications, selections) come many per open day
 * and are applied a batch per statement; the few about open days one by one, in stream order.
 */

/** Scheduling's internal tickets: who holds which ticket, under which citizen account. */
@Injectable()
export class TicketIssuedSubscriber extends EventSubscriber<TicketIssuedV1> {
  readonly purpose = 'tickets';
  readonly consumes = [TicketIssuedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: CloudEvent<TicketIssuedV1>, manager: EntityManager): Promise<void> {
    return ticketsIssued(manager, [event.data]);
  }

  override handleBatch(events: readonly BatchedEvent<TicketIssuedV1>[], manager: EntityManager): Promise<void> {
    return ticketsIssued(
      manager,
      events.map(({ event }) => event.data),
    );
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
    return this.apply(manager, [event]);
  }

  override handleBatch(events: readonly BatchedEvent<SchedulingEvent>[], manager: EntityManager): Promise<void> {
    return this.apply(
      manager,
      events.map(({ event }) => event),
    );
  }

  /**
   * The open days' events in stream order, then the tickets' check-ins and revocations a statement
   * each: those touch other rows (fb_tickets) and other columns of them, so their order does not matter.
   */
  private async apply(manager: EntityManager, events: ReadonlyArray<EventOf<SchedulingEvent>>): Promise<void> {
    const checkIns: AttendeeCheckedInV1[] = [];
    const revocations: TicketRevokedV1[] = [];
    for (const event of events) {
      if (OpenDayPublishedV2.contract.matches(event)) await openDayPublished(manager, event.data);
      else if (OpenDayChangedV1.contract.matches(event)) await openDayChanged(manager, event.data);
      else if (OpenDayEndedV1.contract.matches(event)) await openDayEnded(manager, event.data);
      else if (AttendeeCheckedInV1.contract.matches(event)) checkIns.push(event.data);
      else revocations.push(event.data);
    }
    await attendeesCheckedIn(manager, checkIns);
    await ticketsRevoked(manager, revocations);
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
    return applicationsCounted(manager, 'fb_applications', [event.data]);
  }

  override handleBatch(events: readonly BatchedEvent<ApplicationSubmittedV1>[], manager: EntityManager): Promise<void> {
    return applicationsCounted(
      manager,
      'fb_applications',
      events.map(({ event }) => event.data),
    );
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
    return applicationsCounted(manager, 'fb_selections', [event.data]);
  }

  override handleBatch(events: readonly BatchedEvent<ApplicationSelectedV1>[], manager: EntityManager): Promise<void> {
    return applicationsCounted(
      manager,
      'fb_selections',
      events.map(({ event }) => event.data),
    );
  }
}
