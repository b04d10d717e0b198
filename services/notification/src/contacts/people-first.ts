import type { EntityManager } from 'typeorm';
import type { ContactDirectory } from './contact-directory';

/**
 * The items in stream order, cut into runs in which no person appears twice: a run can be
 * applied set-based (one statement for all its people) while each person's items keep their
 * order, a later one seeing what the one before wrote.
 */
export function runsOfDistinctPeople<T>(items: readonly T[], personOf: (item: T) => string): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let people = new Set<string>();
  for (const item of items) {
    const person = personOf(item).toLowerCase();
    if (people.has(person)) {
      runs.push(run);
      run = [];
      people = new Set();
    }
    run.push(item);
    people.add(person);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

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
  for (const run of runsOfDistinctPeople(items, personOf)) await apply(run);
}
