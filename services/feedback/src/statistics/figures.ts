import type { AnswerOutcome, AverageFigure, FeedbackFigures } from '@openday/contracts';

/** What the counts need to know of one feedback item. */
export interface ItemFacts {
  assigned: boolean;
  answered: boolean;
  outcome: AnswerOutcome | null;
  overdueNow: boolean;
  everOverdue: boolean;
  late: boolean;
  rating: number | null;
}

/** The figures of a set of items and survey responses (an open day's, an agency's, the city's); see FeedbackFigures. */
export function aggregate(items: readonly ItemFacts[], overallSatisfaction: readonly number[]): FeedbackFigures {
  const count = (test: (item: ItemFacts) => boolean) => items.filter(test).length;
  return {
    collected: items.length,
    assigned: count((i) => i.assigned),
    answered: count((i) => i.answered),
    solved: count((i) => i.answered && i.outcome === 'solved'),
    overdueNow: count((i) => !i.answered && i.overdueNow),
    overdueEver: count((i) => i.everOverdue),
    answeredLate: count((i) => i.answered && i.late),
    satisfaction: average(overallSatisfaction),
    rating: average(items.flatMap((i) => (i.rating === null ? [] : [i.rating]))),
  };
}

/** The mean rounded half up to two decimals, with the count behind it. */
export function average(values: readonly number[]): AverageFigure {
  if (values.length === 0) return { average: null, count: 0 };
  const sum = values.reduce((a, b) => a + b, 0);
  return { average: Math.round((sum / values.length) * 100) / 100, count: values.length };
}
