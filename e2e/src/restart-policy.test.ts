import { nextRestart, RESTART_POLICY } from '@openday/scripts/lib/restart-policy.mjs';

describe('npm start restart policy (scripts/lib/restart-policy.mjs)', () => {
  it.each([
    { failuresInARow: 0, ranForMs: 100, expected: { failuresInARow: 1, delayMs: 1_000 } },
    { failuresInARow: 1, ranForMs: 100, expected: { failuresInARow: 2, delayMs: 2_000 } },
    { failuresInARow: 2, ranForMs: 5_000, expected: { failuresInARow: 3, delayMs: 4_000 } },
    { failuresInARow: 4, ranForMs: 100, expected: { failuresInARow: 5, delayMs: 16_000 } },
    { failuresInARow: 5, ranForMs: 100, expected: { failuresInARow: 6, delayMs: 30_000 } },
    { failuresInARow: 40, ranForMs: 100, expected: { failuresInARow: 41, delayMs: 30_000 } },
    { failuresInARow: 3, ranForMs: 59_999, expected: { failuresInARow: 4, delayMs: 8_000 } },
    { failuresInARow: 7, ranForMs: 60_000, expected: { failuresInARow: 1, delayMs: 1_000 } },
    { failuresInARow: 0, ranForMs: 3_600_000, expected: { failuresInARow: 1, delayMs: 1_000 } },
  ])('after $failuresInARow failures in a row and a run of $ranForMs ms: $expected', ({ failuresInARow, ranForMs, expected }) => {
    expect(nextRestart({ failuresInARow, ranForMs })).toEqual(expected);
  });

  it('waits 1 s at first, 30 s at most, and counts a minute as a stable run', () => {
    expect(RESTART_POLICY).toEqual({ initialMs: 1_000, maxMs: 30_000, stableMs: 60_000 });
  });
});
