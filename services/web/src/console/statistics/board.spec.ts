import {
  bandAt,
  barOption,
  BOARD_GRID,
  boardQuery,
  boardSearch,
  averageText,
  FIGURES,
  isFeedbackBar,
  itemsBehind,
  listFilter,
  monthLabel,
  yearChoices,
  type BoardQuery,
  type FeedbackBar,
  type FeedbackItem,
  type StatisticsGroup,
} from './board';

const GROUP: StatisticsGroup = {
  key: '2026-11',
  openDays: 2,
  participation: { applications: 30, selected: 20, ticketsIssued: 20, checkedIn: 17, noShows: 3, ended: 2 },
  figures: {
    collected: 9, assigned: 7, answered: 6, solved: 4, overdueNow: 1, overdueEver: 2, answeredLate: 1,
    satisfaction: { average: 4.33, count: 15 }, rating: { average: null, count: 0 },
  },
};

describe('FIGURES', () => {
  it.each<[keyof typeof FIGURES, number | null]>([
    ['openDays', 2],
    ['applications', 30],
    ['selected', 20],
    ['ticketsIssued', 20],
    ['checkedIn', 17],
    ['noShows', 3],
    ['collected', 9],
    ['assigned', 7],
    ['answered', 6],
    ['solved', 4],
    ['overdueNow', 1],
    ['satisfaction', 4.33],
    ['rating', null],
  ])('%s reads %p', (figure, expected) => {
    expect(FIGURES[figure](GROUP)).toBe(expected);
  });
});

const ITEM: FeedbackItem = {
  id: 'i', openDayId: 'o', agencyId: 'water-affairs-bureau', openDayTitle: null, topic: 'other', text: 'x', attachment: null,
  source: 'representative', personId: null, submittedAt: '2026-11-29T02:00:00.000Z', status: 'collected', departmentId: null,
  dueDate: null, assignedAt: null, overdue: false, everOverdue: false, chaseCount: 0, answer: null, rating: null,
};
const answer = (outcome: 'solved' | 'explained') => ({ outcome, answer: 'a', promisedBy: null, passedTo: null, answeredAt: '2026-12-01T02:00:00.000Z', late: false });
const NEW = { ...ITEM, id: 'new' };
const WITH_DEPARTMENT = { ...ITEM, id: 'with', status: 'assigned' as const, assignedAt: '2026-11-30T02:00:00.000Z', departmentId: 'tax-bureau', dueDate: '2026-12-21' };
const OVERDUE = { ...WITH_DEPARTMENT, id: 'late', overdue: true, everOverdue: true };
const SOLVED = { ...WITH_DEPARTMENT, id: 'solved', status: 'answered' as const, answer: answer('solved') };
const EXPLAINED = { ...WITH_DEPARTMENT, id: 'explained', status: 'answered' as const, answer: answer('explained') };
const ANSWERED_FLAGGED = { ...SOLVED, id: 'flagged', overdue: true };

describe('itemsBehind', () => {
  const all = [NEW, WITH_DEPARTMENT, OVERDUE, SOLVED, EXPLAINED, ANSWERED_FLAGGED];
  it.each<[FeedbackBar, string[]]>([
    ['collected', ['new', 'with', 'late', 'solved', 'explained', 'flagged']],
    ['assigned', ['with', 'late', 'solved', 'explained', 'flagged']],
    ['answered', ['solved', 'explained', 'flagged']],
    ['solved', ['solved', 'flagged']],
    ['overdueNow', ['late']],
  ])('%s → %j', (bar, ids) => {
    expect(itemsBehind(bar, all).map((item) => item.id)).toEqual(ids);
  });

  it.each([
    ['answered', true],
    ['overdueNow', true],
    ['overdue', false],
    ['', false],
    [null, false],
  ])('isFeedbackBar(%p) → %p', (value, expected) => {
    expect(isFeedbackBar(value)).toBe(expected);
  });
});

describe('boardQuery', () => {
  it.each<[string, BoardQuery]>([
    ['', { year: 2026, month: null, agency: null, by: 'month' }],
    ['year=all', { year: null, month: null, agency: null, by: 'month' }],
    ['year=2025&month=2025-11', { year: 2025, month: '2025-11', agency: null, by: 'month' }],
    ['year=25&month=2025-13&agency=Water%20Bureau', { year: 2026, month: null, agency: null, by: 'month' }],
    ['by=agency&agency=gulou-district', { year: 2026, month: null, agency: 'gulou-district', by: 'agency' }],
    ['by=anything', { year: 2026, month: null, agency: null, by: 'month' }],
  ])('%s', (search, expected) => {
    expect(boardQuery(new URLSearchParams(search), 2026)).toEqual(expected);
  });

  it.each<[BoardQuery, Record<string, string>]>([
    [{ year: 2026, month: null, agency: null, by: 'month' }, { year: '2026' }],
    [{ year: null, month: '2026-11', agency: null, by: 'month' }, { year: 'all', month: '2026-11' }],
    [{ year: 2026, month: null, agency: 'gulou-district', by: 'agency' }, { year: '2026', by: 'agency', agency: 'gulou-district' }],
  ])('boardSearch %j', (query, expected) => {
    expect(boardSearch(query)).toEqual(expected);
    expect(boardQuery(new URLSearchParams(expected), 2000)).toEqual(query);
  });
});

describe('listFilter', () => {
  const query = (q: Partial<BoardQuery>): BoardQuery => ({ year: 2026, month: null, agency: null, by: 'month', ...q });
  it.each<[string, BoardQuery, string | null, ReturnType<typeof listFilter>]>([
    ['the city, nothing chosen: the year', query({}), null, { year: '2026' }],
    ['the city, every year', query({ year: null }), null, {}],
    ['the city, a month', query({ month: '2026-11' }), null, { month: '2026-11' }],
    ['the city, an agency: its year', query({ by: 'agency', agency: 'gulou-district' }), null, { year: '2026', agencyId: 'gulou-district' }],
    ['an agency, nothing chosen', query({}), 'water-affairs-bureau', { year: '2026', agencyId: 'water-affairs-bureau' }],
    ['an agency, a month', query({ month: '2026-11' }), 'water-affairs-bureau', { month: '2026-11', agencyId: 'water-affairs-bureau' }],
    ['an agency board ignores another agency in the address', query({ agency: 'gulou-district' }), 'water-affairs-bureau', { year: '2026', agencyId: 'water-affairs-bureau' }],
  ])('%s', (_case, q, scope, expected) => {
    expect(listFilter(q, scope)).toEqual(expected);
  });
});

describe('yearChoices', () => {
  it('next year back to four years ago', () => {
    expect(yearChoices(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
  });
});

describe('bandAt', () => {
  const width = 600;
  const inner = width - BOARD_GRID.left - BOARD_GRID.right;
  it.each<[number, number, number | null]>([
    [BOARD_GRID.left - 1, 12, null],
    [BOARD_GRID.left, 12, 0],
    [BOARD_GRID.left + inner / 12 - 0.5, 12, 0],
    [BOARD_GRID.left + inner / 12 + 0.5, 12, 1],
    [BOARD_GRID.left + inner - 1, 12, 11],
    [BOARD_GRID.left + inner, 12, null],
    [BOARD_GRID.left + inner / 2, 5, 2],
    [BOARD_GRID.left + 10, 0, null],
  ])('x=%p of %p bands → %p', (x, bands, expected) => {
    expect(bandAt(x, width, bands)).toBe(expected);
  });
});

describe('barOption', () => {
  it('lays bars out in the fixed chart area, one series per figure, legend only for several', () => {
    const option = barOption(['11月', '12月'], [{ name: '报名', values: [3, 0] }, { name: '入选', values: [2, null] }]);
    expect(option.grid).toEqual({ ...BOARD_GRID, outerBoundsMode: 'none' });
    expect(option.xAxis.data).toEqual(['11月', '12月']);
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([['报名', 'bar', [3, 0]], ['入选', 'bar', [2, null]]]);
    expect(option.legend).toBeDefined();
    expect(option.yAxis).toMatchObject({ type: 'value', minInterval: 1 });
    expect(barOption(['a'], [{ name: 'x', values: [1] }]).legend).toBeUndefined();
  });

  it.each<[number, number]>([
    [5, 0],
    [12, 0],
    [13, 40],
  ])('%p categories: labels turned %p°', (count, rotate) => {
    expect(barOption(Array.from({ length: count }, (_, i) => `c${i}`), []).xAxis.axisLabel.rotate).toBe(rotate);
  });

  it('a 1-5 scale', () => {
    expect(barOption(['a'], [], { max: 5 }).yAxis).toMatchObject({ min: 0, max: 5, minInterval: 0.5 });
  });
});

describe('monthLabel and averageText', () => {
  it.each<[string, string, boolean, string]>([
    ['2026-11', 'zh-CN', false, '11月'],
    ['2026-11', 'zh-CN', true, '2026年11月'],
    ['2026-11', 'en', false, 'Nov'],
    ['2027-01', 'en', true, 'Jan 2027'],
  ])('%s in %s (year %p) → %s', (month, language, withYear, expected) => {
    expect(monthLabel(month, language, withYear)).toBe(expected);
  });

  it.each<[number | null, string | null]>([
    [null, null],
    [4, '4'],
    [4.333, '4.33'],
  ])('%p → %p', (value, expected) => {
    expect(averageText(value)).toBe(expected);
  });
});
