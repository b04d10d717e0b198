import { flaggedOpenDays, flaggedRows, type Flagged } from './flagged-rows';

const flagged = (applicationId: string, openDayId: string, answerDueDate: string, flaggedAt = '2026-12-01T16:00:00Z'): Flagged => ({
  applicationId,
  personId: `person-${applicationId}`,
  openDayId,
  sessionId: 's',
  agencyId: 'water-affairs-bureau',
  state: 'eligible',
  answerDueDate,
  flaggedAt,
});

describe('flaggedRows', () => {
  const titles = new Map([['d1', '走进水厂']]);
  const rows = flaggedRows([flagged('a', 'd1', '2026-12-02'), flagged('b', 'd2', '2026-11-28'), flagged('c', 'd1', '2026-12-03')], titles, '2026-12-03');

  it('puts the most overdue first', () => {
    expect(rows.map((row) => [row.item.applicationId, row.daysOverdue])).toEqual([
      ['b', 5],
      ['a', 1],
      ['c', 0],
    ]);
  });

  it('names the open day by its title when a plan names it', () => {
    expect(rows.map((row) => row.openDay)).toEqual(['d2', '走进水厂', '走进水厂']);
  });

  it('lists each open day once with its count', () => {
    expect(flaggedOpenDays(rows)).toEqual([
      { openDayId: 'd2', openDay: 'd2', count: 1 },
      { openDayId: 'd1', openDay: '走进水厂', count: 2 },
    ]);
  });

  it('is empty for none', () => {
    expect(flaggedRows([], titles, '2026-12-03')).toEqual([]);
  });
});
