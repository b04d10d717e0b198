import { backoffDelay } from './event-handler';

describe('backoffDelay', () => {
  const policy = { maxDeliver: 5, backoffMs: [100, 1000, 5000] };
  it.each([
    [1, 100],
    [2, 1000],
    [3, 5000],
    [4, 5000],
    [9, 5000],
    [0, 100],
  ])('after try %i waits %i ms', (tries, delay) => {
    expect(backoffDelay(policy, tries)).toBe(delay);
  });

  it('does not wait when no back-off is configured', () => {
    expect(backoffDelay({ maxDeliver: 3, backoffMs: [] }, 2)).toBe(0);
  });
});
