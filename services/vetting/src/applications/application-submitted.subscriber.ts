import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSubmittedV1, type CloudEvent } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { SelectionService } from '../selection-runs/selection.service';

/** Each person applying: screened a batch at a time, and for first come decided in submission order by the arrival decider. */
@Injectable()
export class ApplicationSubmittedSubscriber extends EventSubscriber<ApplicationSubmittedV1> {
  readonly purpose = 'applications-submitted';
  readonly consumes = [ApplicationSubmittedV1.contract];

  constructor(
    bus: EventBus,
    private readonly selection: SelectionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent<ApplicationSubmittedV1>, manager: EntityManager): Promise<void> {
    await this.selection.applicationSubmitted(manager, event.data);
  }

  override async handleBatch(events: readonly BatchedEvent<ApplicationSubmittedV1>[], manager: EntityManager): Promise<void> {
    await this.selection.applicationsSubmitted(
      manager,
      events.map(({ event, correlation }) => ({ data: event.data, correlation })),
    );
  }
}
