import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSubmittedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { SelectionService } from '../selection-runs/selection.service';

/** Each person applying: screened, and for first come decided at once, in the order vetting receives them. */
@Injectable()
export class ApplicationSubmittedSubscriber extends EventSubscriber {
  readonly purpose = 'applications-submitted';
  readonly consumes = [ApplicationSubmittedV1.contract];

  constructor(
    bus: EventBus,
    private readonly selection: SelectionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    await this.selection.applicationSubmitted(manager, event.data as ApplicationSubmittedV1);
  }
}
