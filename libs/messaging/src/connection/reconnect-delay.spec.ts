import { reconnectDelayMs } from './reconnect-delay';

describe('reconnect delay', () => {
  it.each([
    [0, 100],
    [1, 200],
    [2, 400],
    [5, 3_200],
    [6, 5_000],
    [60, 5_000],
    [-1, 100],
  ])('attempt %i waits %i ms', (attempt, delay) => {
    expect(reconnectDelayMs(attempt)).toBe(delay);
  });

  it('follows the given bounds', () => {
    expect(reconnectDelayMs(3, { initialMs: 1_000, maxMs: 30_000 })).toBe(8_000);
    expect(reconnectDelayMs(10, { initialMs: 1_000, maxMs: 30_000 })).toBe(30_000);
  });
});
