import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OpenDayCancelledV1, OpenDayPublishedV2, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { SelectionService } from '../selection-runs/selection.service';

/** Vetting's copy of the open days: published (v2, with everything selection needs) and cancelled. Idempotent through the inbox and upserts. */
@Injectable()
export class OpenDayEventsSubscriber extends EventSubscriber {
  readonly purpose = 'open-days';
  readonly consumes = [OpenDayPublishedV2.contract, OpenDayCancelledV1.contract];

  constructor(
    bus: EventBus,
    private readonly selection: SelectionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (event.type === OpenDayPublishedV2.contract.type) {
      await this.selection.openDayPublished(manager, event.data as OpenDayPublishedV2);
      return;
    }
    await this.selection.openDayCancelled(manager, (event.data as OpenDayCancelledV1).openDayId);
  }
}
