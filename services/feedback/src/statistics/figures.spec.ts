import type { FeedbackFigures } from '@openday/contracts';
import { aggregate, average, byAgency, byMonth, monthsFrom, participation, summarise, type ItemFacts, type OpenDayFacts } from './figures';

const NEW: ItemFacts = { assigned: false, answered: false, outcome: null, overdueNow: false, everOverdue: false, late: false, rating: null };
const ASSIGNED: ItemFacts = { ...NEW, assigned: true };
const OVERDUE: ItemFacts = { ...ASSIGNED, overdueNow: true, everOverdue: true };
const SOLVED: ItemFacts = { ...ASSIGNED, answered: true, outcome: 'solved' };
const SOLVED_LATE_RATED_2: ItemFacts = { ...SOLVED, everOverdue: true, late: true, rating: 2 };
const EXPLAINED_RATED_5: ItemFacts = { ...ASSIGNED, answered: true, outcome: 'explained', rating: 5 };
const PROMISED: ItemFacts = { ...ASSIGNED, answered: true, outcome: 'will-be-solved' };

const ZERO: FeedbackFigures = {
  collected: 0, assigned: 0, answered: 0, solved: 0, overdueNow: 0, overdueEver: 0, answeredLate: 0,
  satisfaction: { average: null, count: 0 }, rating: { average: null, count: 0 },
};

describe('aggregate', () => {
  it.each<[string, ItemFacts[], number[], Partial<FeedbackFigures>]>([
    ['nothing yet', [], [], {}],
    ['collected only', [NEW, NEW], [], { collected: 2 }],
    ['assigned, one overdue now', [NEW, ASSIGNED, OVERDUE], [], { collected: 3, assigned: 2, overdueNow: 1, overdueEver: 1 }],
    [
      'answered late stays overdue ever but not now; only "solved" is solved',
      [SOLVED, SOLVED_LATE_RATED_2, EXPLAINED_RATED_5, PROMISED],
      [],
      { collected: 4, assigned: 4, answered: 4, solved: 2, overdueEver: 1, answeredLate: 1, rating: { average: 3.5, count: 2 } },
    ],
    ['an answered item flagged overdue is not overdue now', [{ ...SOLVED, overdueNow: true }], [], { collected: 1, assigned: 1, answered: 1, solved: 1 }],
    ['satisfaction from the survey', [NEW], [5, 4, 4], { collected: 1, satisfaction: { average: 4.33, count: 3 } }],
  ])('%s', (_case, items, satisfaction, expected) => {
    expect(aggregate(items, satisfaction)).toEqual({ ...ZERO, ...expected });
  });
});

describe('average', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[3], 3],
    [[1, 2], 1.5],
    [[1, 1, 2], 1.33],
    [[2, 2, 1], 1.67],
    [[5, 5, 5, 4], 4.75],
  ])('%p → %p', (values, expected) => {
    expect(average(values)).toEqual({ average: expected, count: values.length });
  });
});

const NOT_ENDED = { ticketsIssued: 0, ticketsRevoked: 0, checkedIn: 0, noShows: 0, final: false };

function openDay(id: string, facts: Partial<OpenDayFacts> = {}): OpenDayFacts {
  return { id, agencyId: 'water-affairs-bureau', firstDate: '2026-11-29', applications: 0, selected: 0, attendance: NOT_ENDED, items: [], satisfaction: [], ...facts };
}

const WATER_NOV = openDay('a', {
  applications: 12, selected: 8, attendance: { ticketsIssued: 8, ticketsRevoked: 1, checkedIn: 6, noShows: 2, final: true },
  items: [SOLVED, OVERDUE], satisfaction: [5, 4],
});
const WATER_DEC = openDay('b', { firstDate: '2027-01-05', applications: 3, selected: 2, attendance: { ...NOT_ENDED, ticketsIssued: 2, checkedIn: 1 }, items: [NEW], satisfaction: [1] });
const GULOU_NOV = openDay('c', { agencyId: 'gulou-district', firstDate: '2026-11-02', applications: 5, items: [EXPLAINED_RATED_5] });
const UNDATED = openDay('d', { firstDate: null, applications: 1 });

describe('participation', () => {
  it.each<[string, OpenDayFacts[], ReturnType<typeof participation>]>([
    ['no open days', [], { applications: 0, selected: 0, ticketsIssued: 0, checkedIn: 0, noShows: 0, ended: 0 }],
    ['an ended open day: its no-shows count', [WATER_NOV], { applications: 12, selected: 8, ticketsIssued: 8, checkedIn: 6, noShows: 2, ended: 1 }],
    ['before the end nobody is a no-show yet', [openDay('x', { attendance: { ...NOT_ENDED, ticketsIssued: 4, noShows: 3 } })], { applications: 0, selected: 0, ticketsIssued: 4, checkedIn: 0, noShows: 0, ended: 0 }],
    ['summed', [WATER_NOV, WATER_DEC, GULOU_NOV], { applications: 20, selected: 10, ticketsIssued: 10, checkedIn: 7, noShows: 2, ended: 1 }],
  ])('%s', (_case, openDays, expected) => {
    expect(participation(openDays)).toEqual(expected);
  });
});

describe('summarise', () => {
  it('averages every answer, not the open days’ averages', () => {
    const summary = summarise([WATER_NOV, WATER_DEC]);
    expect(summary.openDays).toBe(2);
    expect(summary.figures).toEqual(aggregate([SOLVED, OVERDUE, NEW], [5, 4, 1]));
    expect(summary.figures.satisfaction).toEqual({ average: 3.33, count: 3 });
  });
});

describe('byMonth', () => {
  const keys = (groups: ReturnType<typeof byMonth>) => groups.map((g) => [g.key, g.openDays, g.participation.applications]);
  it.each<[string, OpenDayFacts[], number | null, Array<[string, number, number]>]>([
    ['nothing at all', [], null, []],
    ['only an undated open day', [UNDATED], null, []],
    [
      'from the first month to the last, the empty month between included, the undated left out',
      [WATER_DEC, WATER_NOV, GULOU_NOV, UNDATED],
      null,
      [['2026-11', 2, 17], ['2026-12', 0, 0], ['2027-01', 1, 3]],
    ],
    [
      'a year asked for: its twelve months',
      [WATER_NOV],
      2026,
      [...monthsFrom('2026-01', '2026-10').map((m): [string, number, number] => [m, 0, 0]), ['2026-11', 1, 12], ['2026-12', 0, 0]],
    ],
  ])('%s', (_case, openDays, year, expected) => {
    expect(keys(byMonth(openDays, year))).toEqual(expected);
  });

  it('counts a month’s feedback from its own open days', () => {
    const [november] = byMonth([WATER_NOV, GULOU_NOV], null);
    expect(november.figures).toEqual(aggregate([SOLVED, OVERDUE, EXPLAINED_RATED_5], [5, 4]));
  });
});

describe('byAgency', () => {
  it.each<[string, OpenDayFacts[], Array<[string, number, number]>]>([
    ['nothing at all', [], []],
    ['by code, undated open days included', [WATER_NOV, GULOU_NOV, WATER_DEC, UNDATED], [['gulou-district', 1, 5], ['water-affairs-bureau', 3, 16]]],
  ])('%s', (_case, openDays, expected) => {
    expect(byAgency(openDays).map((g) => [g.key, g.openDays, g.participation.applications])).toEqual(expected);
  });
});

describe('monthsFrom', () => {
  it.each<[string, string, string[]]>([
    ['2026-11', '2026-11', ['2026-11']],
    ['2026-11', '2027-02', ['2026-11', '2026-12', '2027-01', '2027-02']],
    ['2026-12', '2026-11', []],
  ])('%s to %s', (first, last, expected) => {
    expect(monthsFrom(first, last)).toEqual(expected);
  });
});
