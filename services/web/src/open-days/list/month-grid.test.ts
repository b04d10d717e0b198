import { monthGrid } from './month-grid';

describe('monthGrid', () => {
  it('starts November 2026 on a Sunday, in the last column', () => {
    const weeks = monthGrid('2026-11');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks).toHaveLength(6);
  });

  it.each([
    ['2026-06', 5, '2026-06-01'],
    ['2027-02', 4, '2027-02-01'],
  ])('%s has %d weeks and starts on Monday %s', (month, weeks, first) => {
    const grid = monthGrid(month);
    expect(grid).toHaveLength(weeks);
    expect(grid[0][0]).toBe(first);
    expect(grid.flat().filter(Boolean)).toHaveLength(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate());
  });
});
