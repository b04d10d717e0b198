import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaffContactRecordedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { StaffDirectory } from './staff-directory';

/** The gateway's staff accounts, kept as the directory of staff recipients. */
@Injectable()
export class StaffContactsSubscriber extends EventSubscriber<StaffContactRecordedV1> {
  readonly purpose = 'staff-contacts';
  readonly consumes = [StaffContactRecordedV1.contract];

  constructor(
    bus: EventBus,
    private readonly directory: StaffDirectory,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent<StaffContactRecordedV1>, manager: EntityManager): Promise<void> {
    await this.directory.record(manager, event.data);
  }
}
