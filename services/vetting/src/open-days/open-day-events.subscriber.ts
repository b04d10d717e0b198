import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OpenDayCancelledV1, OpenDayChangedV2, OpenDayPublishedV3, TicketRevokedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { SelectionService } from '../selection-runs/selection.service';
import { OpenDayChangeService } from '../open-day-changes/open-day-change.service';

/**
 * Vetting's copy of the open days and what scheduling does to their selections: published (v3,
 * with everything selection needs, each session's media places included), changed (v2, the open day as it now is; v1 is ignored),
 * cancelled, and tickets revoked. One durable consumer, so they are handled in scheduling's order:
 * a change before the revocations of the people it released, a publication before its changes.
 * Idempotent through the inbox and upserts.
 */
@Injectable()
export class OpenDayEventsSubscriber extends EventSubscriber {
  readonly purpose = 'open-days';
  readonly consumes = [OpenDayPublishedV3.contract, OpenDayChangedV2.contract, OpenDayCancelledV1.contract, TicketRevokedV1.contract];

  constructor(
    bus: EventBus,
    private readonly selection: SelectionService,
    private readonly changes: OpenDayChangeService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case OpenDayPublishedV3.contract.type:
        return this.selection.openDayPublished(manager, event.data as OpenDayPublishedV3);
      case OpenDayChangedV2.contract.type:
        return this.changes.openDayChanged(manager, event.data as OpenDayChangedV2);
      case TicketRevokedV1.contract.type:
        return this.changes.ticketRevoked(manager, event.data as TicketRevokedV1);
      default:
        return this.selection.openDayCancelled(manager, (event.data as OpenDayCancelledV1).openDayId);
    }
  }
}
