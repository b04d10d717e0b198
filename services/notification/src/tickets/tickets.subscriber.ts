import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketIssuedV2, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { TicketMessagesService } from './ticket-messages.service';

/** Scheduling's internal ticket events: the selection (or promotion) message and the reminders. */
@Injectable()
export class TicketsSubscriber extends EventSubscriber {
  readonly purpose = 'ticket-messages';
  readonly consumes = [TicketIssuedV2.contract];

  constructor(
    bus: EventBus,
    private readonly tickets: TicketMessagesService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    await this.tickets.ticketIssued(manager, event.id, event.data as TicketIssuedV2);
  }
}
