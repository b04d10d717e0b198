import type { EntityManager } from 'typeorm';
import { runsOfDistinct } from '@openday/messaging';
import type { ContactDirectory } from './contact-directory';

/**
 * A batch of events about people: every person's lock first, in one statement and one order
 * (two batches locking the same people cannot wait for each other in a circle), then the
 * runs of distinct people one after another.
 */
export async function inRunsOfDistinctPeople<T>(
  contacts: ContactDirectory,
  manager: EntityManager,
  items: readonly T[],
  personOf: (item: T) => string,
  apply: (run: T[]) => Promise<void>,
): Promise<void> {
  await contacts.lockPeople(manager, items.map(personOf));
  for (const run of runsOfDistinct(items, personOf)) await apply(run);
}
