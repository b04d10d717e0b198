// Small number helpers for the benchmarks' reports.

/** The value below which p % of the sorted values fall (nearest rank); undefined for none. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** p50/p95/p99/max of a list of milliseconds, rounded to 0.1 ms. */
export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => (v === undefined ? null : Math.round(v * 10) / 10);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)) };
}

/** "p50 12.3 ms, p99 45.6 ms" for the chosen percentiles of a summary. */
export function describeLatency(summary, keys = ['p50', 'p95', 'p99']) {
  if (!summary || summary.n === 0) return 'no samples';
  return keys.map((k) => `${k} ${formatMs(summary[k])}`).join(', ');
}

export function formatMs(ms) {
  if (ms === null || ms === undefined) return '-';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Counts of each distinct value: { '201': 2900, '503': 3 }. */
export function countBy(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
