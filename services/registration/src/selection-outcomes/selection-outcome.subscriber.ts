import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationWaitlistedV1,
  type EventOf,
} from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { outcomeOf, type VettingDecision } from './selection-outcome';

type Decision = ApplicationSelectedV1 | ApplicationWaitlistedV1 | ApplicationRejectedV1;

function decisionOf(event: EventOf<Decision>): VettingDecision {
  if (ApplicationSelectedV1.contract.matches(event)) return { type: 'selected', data: event.data };
  if (ApplicationWaitlistedV1.contract.matches(event)) return { type: 'waitlisted', data: event.data };
  return { type: 'rejected', data: event.data };
}

/**
 * Keeps each person's selection outcome from vetting's decisions. A later
 * decision wins (a waitlisted person promoted, a selection refused in joint
 * review), so an older one arriving late never overwrites it.
 */
@Injectable()
export class SelectionOutcomeSubscriber extends EventSubscriber<Decision> {
  readonly purpose = 'selection-outcomes';
  readonly consumes = [ApplicationSelectedV1.contract, ApplicationWaitlistedV1.contract, ApplicationRejectedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  async handle(event: EventOf<Decision>, manager: EntityManager): Promise<void> {
    const outcome = outcomeOf(decisionOf(event));
    await manager.query(
      `UPDATE application_people
          SET selection_outcome = $2, selection_reason = $3, waitlist_position = $4, selection_decided_at = $5
        WHERE id = $1 AND (selection_decided_at IS NULL OR selection_decided_at <= $5)`,
      [outcome.personId, outcome.outcome, outcome.reasonCode, outcome.waitlistPosition, outcome.decidedAt],
    );
  }
}
