// When `npm start` restarts a service that died. Pure, so it is table-tested (e2e/src/restart-policy.test.ts).

/** 1 s, 2 s, 4 s … up to 30 s between restarts; a run of a minute or more counts as recovered. */
export const RESTART_POLICY = Object.freeze({ initialMs: 1_000, maxMs: 30_000, stableMs: 60_000 });

/**
 * After a service exits: how many times in a row it has now failed (a stable run starts the
 * count again) and how long to wait before starting it again.
 */
export function nextRestart({ failuresInARow, ranForMs }, policy = RESTART_POLICY) {
  const failures = ranForMs >= policy.stableMs ? 1 : failuresInARow + 1;
  return { failuresInARow: failures, delayMs: Math.min(policy.maxMs, policy.initialMs * 2 ** (failures - 1)) };
}
