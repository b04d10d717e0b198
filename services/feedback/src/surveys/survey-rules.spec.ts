import type { SurveyQuestionView } from '@openday/contracts';
import { OVERALL_QUESTION, validateAnswers, validateQuestions } from './survey-rules';

const QUESTIONS: SurveyQuestionView[] = [
  OVERALL_QUESTION,
  { id: 'transport', kind: 'single-choice', prompt: 'How did you come?', required: true, options: ['bus', 'metro', 'car'] },
  { id: 'liked', kind: 'multiple-choice', prompt: 'What did you like?', required: false, options: ['tour', 'forum', 'handbook'] },
  { id: 'guide', kind: 'rating', prompt: 'The guide', required: false, options: null },
  { id: 'say', kind: 'text', prompt: 'Anything else?', required: false, options: null },
];

describe('validateAnswers', () => {
  it.each<[string, Array<{ questionId: string; value: unknown }>, string[]]>([
    ['the required ones only', [{ questionId: 'overall', value: 4 }, { questionId: 'transport', value: 'metro' }], []],
    [
      'every question',
      [
        { questionId: 'overall', value: 5 },
        { questionId: 'transport', value: 'bus' },
        { questionId: 'liked', value: ['tour', 'forum'] },
        { questionId: 'guide', value: 3 },
        { questionId: 'say', value: ' more forums ' },
      ],
      [],
    ],
    ['overall missing', [{ questionId: 'transport', value: 'bus' }], ['answers.overall:required']],
    ['overall 0', [{ questionId: 'overall', value: 0 }, { questionId: 'transport', value: 'bus' }], ['answers.overall:rating']],
    ['overall 6', [{ questionId: 'overall', value: 6 }, { questionId: 'transport', value: 'bus' }], ['answers.overall:rating']],
    ['overall 3.5', [{ questionId: 'overall', value: 3.5 }, { questionId: 'transport', value: 'bus' }], ['answers.overall:rating']],
    ['overall as text', [{ questionId: 'overall', value: '5' }, { questionId: 'transport', value: 'bus' }], ['answers.overall:rating']],
    ['an option not offered', [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: 'taxi' }], ['answers.transport:option']],
    ['a list for a single choice', [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: ['bus'] }], ['answers.transport:option']],
    ['a blank required text', [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: '  ' }], ['answers.transport:required']],
    [
      'multiple choice not a list, and an unknown option',
      [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: 'bus' }, { questionId: 'liked', value: 'tour' }],
      ['answers.liked:options'],
    ],
    [
      'multiple choice with an option twice',
      [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: 'bus' }, { questionId: 'liked', value: ['tour', 'tour'] }],
      ['answers.liked:unique'],
    ],
    [
      'text too long',
      [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: 'bus' }, { questionId: 'say', value: 'x'.repeat(2001) }],
      ['answers.say:text'],
    ],
    [
      'a text with a NUL',
      [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: 'bus' }, { questionId: 'say', value: 'ok\u0000' }],
      ['answers.say:text'],
    ],
    [
      'a text with an emoji',
      [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: 'bus' }, { questionId: 'say', value: '很好😀' }],
      ['answers.say:text'],
    ],
    [
      'an unknown question and one answered twice',
      [{ questionId: 'overall', value: 5 }, { questionId: 'overall', value: 4 }, { questionId: 'transport', value: 'bus' }, { questionId: 'colour', value: 'red' }],
      ['answers.overall:once', 'answers.colour:knownQuestion'],
    ],
  ])('%s', (_case, answers, expected) => {
    const result = validateAnswers(QUESTIONS, answers);
    expect(result.problems.map((p) => `${p.field}:${p.rule}`)).toEqual(expected);
    if (expected.length === 0) expect(result.response?.overallSatisfaction).toBe(answers[0].value);
    else expect(result.response).toBeUndefined();
  });

  it('keeps only answered questions, texts trimmed', () => {
    const result = validateAnswers(QUESTIONS, [{ questionId: 'overall', value: 2 }, { questionId: 'transport', value: 'car' }, { questionId: 'say', value: ' ok ' }]);
    expect(result.response).toEqual({ overallSatisfaction: 2, answers: { overall: 2, transport: 'car', say: 'ok' } });
  });
});

describe('validateQuestions', () => {
  const q = (over: Partial<SurveyQuestionView>): SurveyQuestionView => ({ id: 'q', kind: 'text', prompt: 'p', required: false, options: null, ...over });

  it.each<[string, SurveyQuestionView[], string[]]>([
    ['one of each kind', [q({ id: 'a', kind: 'single-choice', options: ['x', 'y'] }), q({ id: 'b', kind: 'multiple-choice', options: ['x', 'y', 'z'] }), q({ id: 'c', kind: 'rating' }), q({ id: 'd' })], []],
    ['none', [], []],
    ['the reserved id', [q({ id: 'overall' })], ['questions[0].id:reserved']],
    ['the same id twice', [q({ id: 'a' }), q({ id: 'a' })], ['questions[1].id:unique']],
    ['a choice with one option', [q({ kind: 'single-choice', options: ['x'] })], ['questions[0].options:minOptions']],
    ['a choice without options', [q({ kind: 'multiple-choice', options: null })], ['questions[0].options:minOptions']],
    ['options repeated', [q({ kind: 'single-choice', options: ['x', 'x '] })], ['questions[0].options:unique']],
    ['a blank option', [q({ kind: 'single-choice', options: ['x', ' '] })], ['questions[0].options:notBlank']],
    ['options on a rating', [q({ kind: 'rating', options: ['x', 'y'] })], ['questions[0].options:noOptions']],
  ])('%s', (_case, questions, expected) => {
    expect(validateQuestions(questions).map((p) => `${p.field}:${p.rule}`)).toEqual(expected);
  });
});
