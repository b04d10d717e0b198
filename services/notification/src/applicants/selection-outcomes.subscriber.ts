import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationRejectedV1, ApplicationWaitlistedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { Dispatcher } from '../deliveries/dispatcher';
import { openDayTitle } from '../tickets/open-day-titles';

/** Vetting's outcomes that are not a ticket: rejected (with the reason in words) and waitlisted (with the position). */
@Injectable()
export class SelectionOutcomesSubscriber extends EventSubscriber {
  readonly purpose = 'selection-outcome-messages';
  readonly consumes = [ApplicationRejectedV1.contract, ApplicationWaitlistedV1.contract];

  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const outcome = event.data as ApplicationRejectedV1 | ApplicationWaitlistedV1;
    const title = await openDayTitle(manager, outcome.openDayId);
    const recipient = { kind: 'person' as const, personId: outcome.personId };
    if (event.type === ApplicationRejectedV1.contract.type) {
      const rejected = outcome as ApplicationRejectedV1;
      await this.dispatcher.dispatch(manager, {
        causeEventId: event.id,
        recipient,
        content: { template: 'rejected', params: { title, reasonCode: rejected.reasonCode, refusedBy: rejected.refusedBy } },
      });
      return;
    }
    const waitlisted = outcome as ApplicationWaitlistedV1;
    await this.dispatcher.dispatch(manager, { causeEventId: event.id, recipient, content: { template: 'waitlisted', params: { title, position: waitlisted.position } } });
  }
}
