import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationWithdrawnV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { recordWithdrawal } from './applicant-standings';

/** Registration's withdrawals: someone who withdrew from the waiting list hears no more of the open day's changes. */
@Injectable()
export class WithdrawalsSubscriber extends EventSubscriber<ApplicationWithdrawnV1> {
  readonly purpose = 'withdrawals';
  readonly consumes = [ApplicationWithdrawnV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  async handle(event: CloudEvent<ApplicationWithdrawnV1>, manager: EntityManager): Promise<void> {
    const withdrawn = event.data;
    await recordWithdrawal(manager, withdrawn.applicationId, withdrawn.withdrawnAt);
  }
}
