import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OpenDayCancelledV1, OpenDayChangedV2, OpenDayPublishedV3, TicketRevokedV1, type EventOf } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { SelectionService } from '../selection-runs/selection.service';
import { OpenDayChangeService } from '../open-day-changes/open-day-change.service';

type OpenDayEvent = OpenDayPublishedV3 | OpenDayChangedV2 | OpenDayCancelledV1 | TicketRevokedV1;

/**
 * Vetting's copy of the open days and what scheduling does to their selections: published (v3,
 * with everything selection needs, each session's media places included), changed (v2, the open day as it now is; v1 is ignored),
 * cancelled, and tickets revoked. One durable consumer, so they are handled in scheduling's order:
 * a change before the revocations of the people it released, a publication before its changes.
 * Idempotent through the inbox and upserts.
 */
@Injectable()
export class OpenDayEventsSubscriber extends EventSubscriber<OpenDayEvent> {
  readonly purpose = 'open-days';
  readonly consumes = [OpenDayPublishedV3.contract, OpenDayChangedV2.contract, OpenDayCancelledV1.contract, TicketRevokedV1.contract];

  constructor(
    bus: EventBus,
    private readonly selection: SelectionService,
    private readonly changes: OpenDayChangeService,
  ) {
    super(bus);
  }

  async handle(event: EventOf<OpenDayEvent>, manager: EntityManager): Promise<void> {
    if (OpenDayPublishedV3.contract.matches(event)) return this.selection.openDayPublished(manager, event.data);
    if (OpenDayChangedV2.contract.matches(event)) return this.changes.openDayChanged(manager, event.data);
    if (TicketRevokedV1.contract.matches(event)) return this.changes.ticketRevoked(manager, event.data);
    return this.selection.openDayCancelled(manager, event.data.openDayId);
  }
}
