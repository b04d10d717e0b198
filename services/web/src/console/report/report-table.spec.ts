import { exportFallbackName, filtersFromQuery, monthChoices, reportQuery, reportTotals, type ReportRow } from './report-table';

const row = (patch: Partial<ReportRow>): ReportRow => ({
  openDayId: 'd',
  title: 't',
  agencyId: 'water-affairs-bureau',
  firstDate: '2026-11-20',
  lastDate: '2026-11-20',
  applications: 0,
  selected: 0,
  ticketsIssued: 0,
  checkedIn: 0,
  noShows: null,
  collected: 0,
  answered: 0,
  solved: 0,
  overdueNow: 0,
  satisfaction: null,
  satisfactionCount: 0,
  rating: null,
  ratingCount: 0,
  summaryFiled: false,
  ...patch,
});

describe('reportQuery', () => {
  it.each([
    [{ month: '', agencyId: '' }, {}],
    [{ month: '2026-11', agencyId: '' }, { month: '2026-11' }],
    [{ month: '2026-13', agencyId: 'water-affairs-bureau' }, { agencyId: 'water-affairs-bureau' }],
    [{ month: '2026-01', agencyId: 'tax-bureau' }, { month: '2026-01', agencyId: 'tax-bureau' }],
  ])('%j → %j', (filters, query) => {
    expect(reportQuery(filters)).toEqual(query);
  });
});

describe('filtersFromQuery', () => {
  it.each([
    ['month=2026-11&agency=tax-bureau', { month: '2026-11', agencyId: 'tax-bureau' }],
    ['month=11-2026&agency=Tax Bureau', { month: '', agencyId: '' }],
    ['', { month: '', agencyId: '' }],
  ])('%s', (query, filters) => {
    expect(filtersFromQuery(new URLSearchParams(query))).toEqual(filters);
  });
});

describe('reportTotals', () => {
  it('sums the counts and averages satisfaction over every answer', () => {
    const totals = reportTotals([
      row({ applications: 30, selected: 10, ticketsIssued: 10, checkedIn: 8, noShows: 2, collected: 5, answered: 4, solved: 3, overdueNow: 1, satisfaction: 5, satisfactionCount: 3, rating: 4, ratingCount: 1, summaryFiled: true }),
      row({ applications: 12, selected: 8, ticketsIssued: 8, checkedIn: 0, noShows: null, collected: 1, satisfaction: 3, satisfactionCount: 1 }),
      row({ applications: 0 }),
    ]);
    expect(totals).toEqual({
      openDays: 3,
      applications: 42,
      selected: 18,
      ticketsIssued: 18,
      checkedIn: 8,
      noShows: 2,
      collected: 6,
      answered: 4,
      solved: 3,
      overdueNow: 1,
      satisfaction: 4.5,
      satisfactionCount: 4,
      rating: 4,
      ratingCount: 1,
      summariesFiled: 1,
    });
  });

  it('knows no no-shows and no averages before anything ended or was answered', () => {
    const totals = reportTotals([row({ applications: 3 })]);
    expect([totals.noShows, totals.satisfaction, totals.rating]).toEqual([null, null, null]);
  });

  it('is all zero for no open days', () => {
    expect(reportTotals([]).openDays).toBe(0);
  });

  it('rounds an average to two decimals', () => {
    expect(reportTotals([row({ satisfaction: 4, satisfactionCount: 2 }), row({ satisfaction: 5, satisfactionCount: 1 })]).satisfaction).toBe(4.33);
  });
});

describe('exportFallbackName', () => {
  it.each([
    [{ month: '', agencyId: '' }, 'csv', 'open-days.csv'],
    [{ month: '2026-11', agencyId: 'tax-bureau' }, 'xlsx', 'open-days-2026-11-tax-bureau.xlsx'],
  ] as const)('%j', (filters, format, name) => {
    expect(exportFallbackName(filters, format)).toBe(name);
  });
});

describe('monthChoices', () => {
  it('offers last year to next year, newest first', () => {
    const months = monthChoices('2026-12-03');
    expect([months.length, months[0], months[11], months[12], months[35]]).toEqual([36, '2027-12', '2027-01', '2026-12', '2025-01']);
  });
});
