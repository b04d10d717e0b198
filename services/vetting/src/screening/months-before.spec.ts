import { monthsBefore } from './months-before';

describe('monthsBefore', () => {
  it.each([
    ['2026-11-29', 12, '2025-11-29'],
    ['2026-11-29', 0, '2026-11-29'],
    ['2026-11-29', 6, '2026-05-29'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2028-03-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2027-02-28'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2026-07-31', 1, '2026-06-30'],
    ['2026-11-29', 36, '2023-11-29'],
  ] as const)('%s less %i months → %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p months', (months) => {
    expect(() => monthsBefore('2026-11-29', months)).toThrow(RangeError);
  });
});
