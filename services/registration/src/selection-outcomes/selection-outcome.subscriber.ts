import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationWaitlistedV1,
  type CloudEvent,
} from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { outcomeOf } from './selection-outcome';

const decisionTypes = new Map<string, 'selected' | 'waitlisted' | 'rejected'>([
  [ApplicationSelectedV1.contract.type, 'selected'],
  [ApplicationWaitlistedV1.contract.type, 'waitlisted'],
  [ApplicationRejectedV1.contract.type, 'rejected'],
]);

/**
 * Keeps each person's selection outcome from vetting's decisions. A later
 * decision wins (a waitlisted person promoted, a selection refused in joint
 * review), so an older one arriving late never overwrites it.
 */
@Injectable()
export class SelectionOutcomeSubscriber extends EventSubscriber {
  readonly purpose = 'selection-outcomes';
  readonly consumes = [ApplicationSelectedV1.contract, ApplicationWaitlistedV1.contract, ApplicationRejectedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const type = decisionTypes.get(event.type);
    if (!type) return;
    const outcome = outcomeOf({ type, data: event.data } as Parameters<typeof outcomeOf>[0]);
    await manager.query(
      `UPDATE application_people
          SET selection_outcome = $2, selection_reason = $3, waitlist_position = $4, selection_decided_at = $5
        WHERE id = $1 AND (selection_decided_at IS NULL OR selection_decided_at <= $5)`,
      [outcome.personId, outcome.outcome, outcome.reasonCode, outcome.waitlistPosition, outcome.decidedAt],
    );
  }
}
