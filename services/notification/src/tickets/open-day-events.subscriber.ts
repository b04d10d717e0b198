import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OpenDayCancelledV1, OpenDayChangedV2, OpenDayPublishedV2, TicketRevokedV2, type EventOf } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { OpenDayChangesService } from './open-day-changes.service';
import { recordOpenDay } from './open-day-titles';
import { TicketMessagesService } from './ticket-messages.service';

/**
 * Scheduling's public events: published open days (titles, sessions and place), changes (v2,
 * which names everyone concerned; v1 beside it says less), cancellations and revoked tickets (v2,
 * which tells a holder's rejection from a staff revocation; v1 beside it says 'revoked-by-staff' for both).
 */
@Injectable()
export class OpenDayEventsSubscriber extends EventSubscriber<OpenDayPublishedV2 | OpenDayChangedV2 | OpenDayCancelledV1 | TicketRevokedV2> {
  readonly purpose = 'open-day-messages';
  readonly consumes = [OpenDayPublishedV2.contract, OpenDayChangedV2.contract, OpenDayCancelledV1.contract, TicketRevokedV2.contract];

  constructor(
    bus: EventBus,
    private readonly tickets: TicketMessagesService,
    private readonly changes: OpenDayChangesService,
  ) {
    super(bus);
  }

  async handle(event: EventOf<OpenDayPublishedV2 | OpenDayChangedV2 | OpenDayCancelledV1 | TicketRevokedV2>, manager: EntityManager): Promise<void> {
    if (OpenDayPublishedV2.contract.matches(event)) return recordOpenDay(manager, event.data);
    if (OpenDayChangedV2.contract.matches(event)) return this.changes.openDayChanged(manager, event.id, event.data);
    if (OpenDayCancelledV1.contract.matches(event)) return this.tickets.openDayCancelled(manager, event.id, event.data);
    return this.tickets.ticketRevoked(manager, event.data);
  }
}
