import type { FeedbackFigures } from '@openday/contracts';
import { aggregate, average, type ItemFacts } from './figures';

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
