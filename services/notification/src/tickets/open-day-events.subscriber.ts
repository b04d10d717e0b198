import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OpenDayCancelledV1, OpenDayChangedV1, OpenDayPublishedV2, TicketRevokedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { recordOpenDayTitle } from './open-day-titles';
import { TicketMessagesService } from './ticket-messages.service';

/** Scheduling's public events: titles of published open days, changes, cancellations and revoked tickets. */
@Injectable()
export class OpenDayEventsSubscriber extends EventSubscriber {
  readonly purpose = 'open-day-messages';
  readonly consumes = [OpenDayPublishedV2.contract, OpenDayChangedV1.contract, OpenDayCancelledV1.contract, TicketRevokedV1.contract];

  constructor(
    bus: EventBus,
    private readonly tickets: TicketMessagesService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case OpenDayPublishedV2.contract.type: {
        const published = event.data as OpenDayPublishedV2;
        return recordOpenDayTitle(manager, published.openDayId, published.title);
      }
      case OpenDayChangedV1.contract.type:
        return this.tickets.openDayChanged(manager, event.id, event.data as OpenDayChangedV1);
      case OpenDayCancelledV1.contract.type:
        return this.tickets.openDayCancelled(manager, event.id, event.data as OpenDayCancelledV1);
      default:
        return this.tickets.ticketRevoked(manager, event.id, event.data as TicketRevokedV1);
    }
  }
}
