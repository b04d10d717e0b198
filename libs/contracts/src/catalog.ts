import type { EventContract } from './event-contract';
import { OpenDayPublishedV1 } from './events/scheduling/open-day-published.v1';
import { SignInCodeRequestedV1 } from './events/gateway/sign-in-code-requested.v1';
import { OpenDayPublishedV2 } from './events/scheduling/open-day-published.v2';
import { PlanSubmittedV1 } from './events/scheduling/plan-submitted.v1';
import { PlanApprovedV1 } from './events/scheduling/plan-approved.v1';
import { PlanReturnedV1 } from './events/scheduling/plan-returned.v1';
import { OpenDayChangedV1 } from './events/scheduling/open-day-changed.v1';
import { OpenDayCancelledV1 } from './events/scheduling/open-day-cancelled.v1';
import { ApplicationSubmittedV1 } from './events/registration/application-submitted.v1';
import { ApplicationWithdrawnV1 } from './events/registration/application-withdrawn.v1';

/** Every event type on the bus. The AsyncAPI document is generated from this list. */
export const eventCatalog: readonly EventContract[] = [
  OpenDayPublishedV1.contract,
  SignInCodeRequestedV1.contract,
  OpenDayPublishedV2.contract,
  PlanSubmittedV1.contract,
  PlanApprovedV1.contract,
  PlanReturnedV1.contract,
  OpenDayChangedV1.contract,
  OpenDayCancelledV1.contract,
  ApplicationSubmittedV1.contract,
  ApplicationWithdrawnV1.contract,
];

const byType = new Map(eventCatalog.map((contract) => [contract.type, contract]));

export function contractForType(type: string): EventContract | undefined {
  return byType.get(type);
}
