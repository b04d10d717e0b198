/**
 * One item per key of a batch's items (in stream order): the first or the last of each key, as
 * applying them one by one would leave it. In key order: one multi-row upsert may touch a row only
 * once, and two batches that take their rows' locks in one order never wait for each other in a circle.
 */
export function oncePerKey<T>(items: readonly T[], keyOf: (item: T) => string, keep: 'first' | 'last'): T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item).toLowerCase();
    if (keep === 'last' || !kept.has(key)) kept.set(key, item);
  }
  return [...kept.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}
