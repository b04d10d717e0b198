import type { EventContract } from './event-contract';
import { OpenDayPublishedV1 } from './events/scheduling/open-day-published.v1';
import { OpenDayPublishedV2 } from './events/scheduling/open-day-published.v2';

/** Every event type on the bus. The AsyncAPI document is generated from this list. */
export const eventCatalog: readonly EventContract[] = [
  OpenDayPublishedV1.contract,
  OpenDayPublishedV2.contract,
];

const byType = new Map(eventCatalog.map((contract) => [contract.type, contract]));

export function contractForType(type: string): EventContract | undefined {
  return byType.get(type);
}
