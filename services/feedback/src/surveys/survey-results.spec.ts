import type { SurveyQuestionView } from '@openday/contracts';
import { countedQuestionIds, meanOf, surveyResults, type AnswerTally } from './survey-results';
import { OVERALL_QUESTION } from './survey-rules';

const QUESTIONS: SurveyQuestionView[] = [
  OVERALL_QUESTION,
  { id: 'transport', kind: 'single-choice', prompt: 'How did you come?', required: true, options: ['bus', 'metro', 'car'] },
  { id: 'liked', kind: 'multiple-choice', prompt: 'What did you like?', required: false, options: ['tour', 'forum'] },
  { id: 'guide', kind: 'rating', prompt: 'The guide', required: false, options: null },
  { id: 'say', kind: 'text', prompt: 'Anything else?', required: false, options: null },
];

const tally = (questionId: string, answer: string, count: number): AnswerTally => ({ questionId, answer, count });
const ratings = (...counts: number[]) => counts.map((count, i) => ({ rating: i + 1, count }));

describe('surveyResults', () => {
  it('counts every option and rating in the question’s order, zeros included', () => {
    const answered = new Map([['overall', 3], ['transport', 3], ['liked', 2], ['say', 1]]);
    const tallies = [
      tally('overall', '5', 2),
      tally('overall', '3', 1),
      tally('transport', 'car', 1),
      tally('transport', 'bus', 2),
      tally('liked', 'forum', 2),
      tally('liked', 'tour', 1),
    ];
    expect(surveyResults('od', QUESTIONS, 3, answered, tallies)).toEqual({
      openDayId: 'od',
      responses: 3,
      questions: [
        { id: 'overall', kind: 'rating', prompt: OVERALL_QUESTION.prompt, required: true, answered: 3, options: null, ratings: ratings(0, 0, 1, 0, 2), mean: 4.33 },
        {
          id: 'transport', kind: 'single-choice', prompt: 'How did you come?', required: true, answered: 3,
          options: [{ option: 'bus', count: 2 }, { option: 'metro', count: 0 }, { option: 'car', count: 1 }], ratings: null, mean: null,
        },
        { id: 'liked', kind: 'multiple-choice', prompt: 'What did you like?', required: false, answered: 2, options: [{ option: 'tour', count: 1 }, { option: 'forum', count: 2 }], ratings: null, mean: null },
        { id: 'guide', kind: 'rating', prompt: 'The guide', required: false, answered: 0, options: null, ratings: ratings(0, 0, 0, 0, 0), mean: null },
        { id: 'say', kind: 'text', prompt: 'Anything else?', required: false, answered: 1, options: null, ratings: null, mean: null },
      ],
    });
  });

  it.each<[string, AnswerTally[], Array<{ option: string; count: number }>]>([
    ['no answers', [], [{ option: 'bus', count: 0 }, { option: 'metro', count: 0 }, { option: 'car', count: 0 }]],
    ['an option the question does not offer is not counted', [tally('transport', 'walk', 4), tally('transport', 'metro', 1)], [{ option: 'bus', count: 0 }, { option: 'metro', count: 1 }, { option: 'car', count: 0 }]],
    ['another question’s answer is not this one’s', [tally('liked', 'bus', 4)], [{ option: 'bus', count: 0 }, { option: 'metro', count: 0 }, { option: 'car', count: 0 }]],
  ])('choice: %s', (_name, tallies, options) => {
    expect(surveyResults('od', QUESTIONS, 0, new Map(), tallies).questions[1].options).toEqual(options);
  });

  it('has only the overall question when the agency set none', () => {
    const result = surveyResults('od', [OVERALL_QUESTION], 1, new Map([['overall', 1]]), [tally('overall', '4', 1)]);
    expect(result.questions.map((q) => [q.id, q.answered, q.mean])).toEqual([['overall', 1, 4]]);
  });
});

describe('meanOf', () => {
  it.each([
    ['nobody rated', ratings(0, 0, 0, 0, 0), null],
    ['one 5', ratings(0, 0, 0, 0, 1), 5],
    ['3 and 4', ratings(0, 0, 1, 1, 0), 3.5],
    ['two decimals, half up: 13/3', ratings(0, 0, 1, 0, 2), 4.33],
    ['two decimals, half up: 5/3', ratings(1, 2, 0, 0, 0), 1.67],
    ['every rating once', ratings(1, 1, 1, 1, 1), 3],
  ])('%s → %s', (_name, counts, mean) => {
    expect(meanOf(counts)).toBe(mean);
  });
});

describe('countedQuestionIds', () => {
  it('counts choices and ratings, never texts', () => {
    expect(countedQuestionIds(QUESTIONS)).toEqual(['overall', 'transport', 'liked', 'guide']);
  });
});
