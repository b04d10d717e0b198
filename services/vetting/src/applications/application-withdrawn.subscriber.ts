import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationWithdrawnV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { SelectionService } from '../selection-runs/selection.service';

/** A withdrawal frees any place the application held; the first waiting person who fits moves up. */
@Injectable()
export class ApplicationWithdrawnSubscriber extends EventSubscriber<ApplicationWithdrawnV1> {
  readonly purpose = 'applications-withdrawn';
  readonly consumes = [ApplicationWithdrawnV1.contract];

  constructor(
    bus: EventBus,
    private readonly selection: SelectionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent<ApplicationWithdrawnV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    await this.selection.applicationWithdrawn(manager, data.applicationId, data.openDayId, new Date(data.withdrawnAt));
  }
}
