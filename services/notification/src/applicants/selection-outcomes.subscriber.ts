import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationRejectedV2, ApplicationWaitlistedV2, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { Dispatcher } from '../deliveries/dispatcher';
import { openDayTitle } from '../tickets/open-day-titles';

/**
 * Vetting's outcomes that are not a ticket: rejected (with the reason in words) and waitlisted
 * (with the position), each with the selection group's own reason when it gave one. Reads the
 * internal v2 events, which carry those words; the public v1 beside them stays for subscribers.
 */
@Injectable()
export class SelectionOutcomesSubscriber extends EventSubscriber {
  readonly purpose = 'selection-outcome-messages';
  readonly consumes = [ApplicationRejectedV2.contract, ApplicationWaitlistedV2.contract];

  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const outcome = event.data as ApplicationRejectedV2 | ApplicationWaitlistedV2;
    const title = await openDayTitle(manager, outcome.openDayId);
    const recipient = { kind: 'person' as const, personId: outcome.personId };
    if (event.type === ApplicationRejectedV2.contract.type) {
      const rejected = outcome as ApplicationRejectedV2;
      await this.dispatcher.dispatch(manager, {
        causeEventId: event.id,
        recipient,
        content: { template: 'rejected', params: { title, reasonCode: rejected.reasonCode, refusedBy: rejected.refusedBy, groupReason: rejected.groupReason } },
      });
      return;
    }
    const waitlisted = outcome as ApplicationWaitlistedV2;
    await this.dispatcher.dispatch(manager, {
      causeEventId: event.id,
      recipient,
      content: { template: 'waitlisted', params: { title, position: waitlisted.position, groupReason: waitlisted.groupReason } },
    });
  }
}
