import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationWaitlistedV1,
  type EventOf,
} from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { latestOutcomes, outcomeOf, type VettingDecision } from './selection-outcome';
import { recordOutcomes } from './selection-outcome-store';

type Decision = ApplicationSelectedV1 | ApplicationWaitlistedV1 | ApplicationRejectedV1;

function decisionOf(event: EventOf<Decision>): VettingDecision {
  if (ApplicationSelectedV1.contract.matches(event)) return { type: 'selected', data: event.data };
  if (ApplicationWaitlistedV1.contract.matches(event)) return { type: 'waitlisted', data: event.data };
  return { type: 'rejected', data: event.data };
}

/**
 * Keeps each person's selection outcome from vetting's decisions. A later
 * decision wins (a waitlisted person promoted, a selection refused in joint
 * review), so an older one arriving late never overwrites it. A batch is one
 * statement whatever its size.
 */
@Injectable()
export class SelectionOutcomeSubscriber extends EventSubscriber<Decision> {
  readonly purpose = 'selection-outcomes';
  readonly consumes = [ApplicationSelectedV1.contract, ApplicationWaitlistedV1.contract, ApplicationRejectedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  handle(event: EventOf<Decision>, manager: EntityManager): Promise<void> {
    return recordOutcomes(manager, [outcomeOf(decisionOf(event))]);
  }

  override handleBatch(events: readonly BatchedEvent<Decision>[], manager: EntityManager): Promise<void> {
    return recordOutcomes(manager, latestOutcomes(events.map(({ event }) => outcomeOf(decisionOf(event)))));
  }
}
