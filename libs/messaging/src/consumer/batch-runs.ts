/**
 * How a batch of events is cut so it can be applied set-based (one statement for many keys)
 * while each key's events keep their stream order. Keys compare without case, as person ids do.
 */

/**
 * The items in stream order, cut into runs in which no key appears twice: a run is applied with
 * one statement for all its keys, and a key's later item sees what the earlier one wrote.
 */
export function runsOfDistinct<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let keys = new Set<string>();
  for (const item of items) {
    const key = keyOf(item).toLowerCase();
    if (keys.has(key)) {
      runs.push(run);
      run = [];
      keys = new Set();
    }
    run.push(item);
    keys.add(key);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The last item of each key, in the order of their first appearance: one multi-row upsert may
 * touch a row only once, and of two upserts of the same row in stream order the later wins.
 */
export function lastOfEach<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) last.set(keyOf(item).toLowerCase(), item);
  return [...last.values()];
}
