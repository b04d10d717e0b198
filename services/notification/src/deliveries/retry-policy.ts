const MAX_DELAY_MS = 3_600_000;

export type AttemptOutcome = { status: 'sent' } | { status: 'pending'; retryInMs: number } | { status: 'failed' };

/**
 * What follows an attempt (1 = the first): sent on success; else a retry after an exponential
 * back-off (base, 2×base, 4×base … capped at an hour) until the last attempt, then failed. Pure.
 */
export function afterAttempt(succeeded: boolean, attempt: number, maxAttempts: number, baseMs: number): AttemptOutcome {
  if (succeeded) return { status: 'sent' };
  if (attempt >= maxAttempts) return { status: 'failed' };
  return { status: 'pending', retryInMs: Math.min(baseMs * 2 ** (attempt - 1), MAX_DELAY_MS) };
}
