import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@openday/contracts';
import { runWithCorrelation, type BatchedEvent, type EventHandler } from '@openday/messaging';
import type { ContactDirectory } from './contact-directory';

/**
 * A batch of events about people, applied as each would be alone, but with every person's
 * lock taken first in one statement and one order: each event then finds its lock held, and
 * two batches locking the same people cannot deadlock.
 */
export async function handleLockingPeopleFirst(
  handler: Pick<EventHandler, 'handle'>,
  contacts: ContactDirectory,
  events: readonly BatchedEvent[],
  manager: EntityManager,
  personOf: (event: CloudEvent) => string,
): Promise<void> {
  await contacts.lockPeople(
    manager,
    events.map(({ event }) => personOf(event)),
  );
  for (const { event, correlation } of events) await runWithCorrelation(correlation, () => handler.handle(event, manager));
}
