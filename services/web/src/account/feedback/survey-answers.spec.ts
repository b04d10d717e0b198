import type { SurveyQuestionView } from '../api/views';
import { surveyAnswers, type SurveyValues } from './survey-answers';

const questions: SurveyQuestionView[] = [
  { id: 'overall', kind: 'rating', prompt: '总体满意度', required: true, options: null },
  { id: 'best', kind: 'multiple-choice', prompt: '最喜欢的环节', required: false, options: ['参观', '座谈'] },
  { id: 'again', kind: 'single-choice', prompt: '还会再来吗', required: true, options: ['会', '不会'] },
  { id: 'words', kind: 'text', prompt: '其他建议', required: false, options: null },
];

describe('surveyAnswers', () => {
  const cases: Array<[string, SurveyValues, string[], string[]]> = [
    ['everything answered', { overall: 5, best: ['参观'], again: '会', words: ' 很好 ' }, ['overall', 'best', 'again', 'words'], []],
    ['optional ones left out', { overall: 4, again: '会', best: [], words: '  ' }, ['overall', 'again'], []],
    ['required ones missing', { best: ['座谈'] }, ['best'], ['overall', 'again']],
  ];

  it.each(cases)('%s', (_name, values, sent, missing) => {
    const result = surveyAnswers(questions, values);
    expect([result.answers.map((a) => a.questionId), result.missing]).toEqual([sent, missing]);
  });

  it('trims a text', () => {
    expect(surveyAnswers(questions, { overall: 3, again: '会', words: ' 很好 ' }).answers[2]).toEqual({ questionId: 'words', value: '很好' });
  });
});
