import type { SurveyQuestionResultView, SurveyQuestionView, SurveyResultsView } from '@openday/contracts';

export const RATINGS = [1, 2, 3, 4, 5] as const;

/** How many responses gave one answer to one question (a rating as its digit, an option as its text). */
export interface AnswerTally {
  questionId: string;
  answer: string;
  count: number;
}

/** The questions whose answers are counted one by one: choices and ratings (a text's words never leave the service). */
export function countedQuestionIds(questions: readonly SurveyQuestionView[]): string[] {
  return questions.filter((q) => q.kind !== 'text').map((q) => q.id);
}

/**
 * The survey's results from the database's counts: every option and every rating 1-5 appears,
 * with 0 when nobody chose it, in the question's order; an answer the question does not offer
 * is not counted (the questions are fixed once anyone answered, so none is expected).
 */
export function surveyResults(
  openDayId: string,
  questions: readonly SurveyQuestionView[],
  responses: number,
  answered: ReadonlyMap<string, number>,
  tallies: readonly AnswerTally[],
): SurveyResultsView {
  const counts = new Map(tallies.map((t) => [`${t.questionId}\u0000${t.answer}`, t.count]));
  const count = (questionId: string, answer: string) => counts.get(`${questionId}\u0000${answer}`) ?? 0;
  return {
    openDayId,
    responses,
    questions: questions.map((question): SurveyQuestionResultView => {
      const base = { id: question.id, kind: question.kind, prompt: question.prompt, required: question.required, answered: answered.get(question.id) ?? 0 };
      switch (question.kind) {
        case 'single-choice':
        case 'multiple-choice':
          return { ...base, options: (question.options ?? []).map((option) => ({ option, count: count(question.id, option) })), ratings: null, mean: null };
        case 'rating': {
          const ratings = RATINGS.map((rating) => ({ rating, count: count(question.id, String(rating)) }));
          return { ...base, options: null, ratings, mean: meanOf(ratings) };
        }
        case 'text':
          return { ...base, options: null, ratings: null, mean: null };
      }
    }),
  };
}

/** The mean rating rounded half up to two decimals (as the figures round satisfaction); null when nobody rated. */
export function meanOf(ratings: ReadonlyArray<{ rating: number; count: number }>): number | null {
  const total = ratings.reduce((sum, r) => sum + r.count, 0);
  if (total === 0) return null;
  const sum = ratings.reduce((acc, r) => acc + r.rating * r.count, 0);
  return Math.round((sum / total) * 100) / 100;
}
