import type { components } from '../../api/schema';
import { changed, draftsOf, MAX_OPTIONS, MAX_QUESTIONS, moved, newQuestion, OPTION_MAX, PROMPT_MAX, questionsBody, type QuestionDraft } from './survey-editor';

type SurveyQuestion = components['schemas']['SurveyDto']['questions'][number];

const OVERALL: SurveyQuestion = { id: 'overall', kind: 'rating', prompt: '总体满意度', required: true, options: null };
const TRANSPORT: SurveyQuestion = { id: 'transport', kind: 'single-choice', prompt: '您是怎么来的？', required: true, options: ['公交', '地铁'] };
const GUIDE: SurveyQuestion = { id: 'q1', kind: 'rating', prompt: '讲解员', required: false, options: null };

const draft = (patch: Partial<QuestionDraft>): QuestionDraft => ({ id: null, kind: 'single-choice', prompt: '您喜欢哪个环节？', required: false, options: ['参观', '座谈'], ...patch });

describe('draftsOf', () => {
  it('leaves the overall question out and gives ratings no options', () => {
    expect(draftsOf([OVERALL, TRANSPORT, GUIDE])).toEqual([
      { id: 'transport', kind: 'single-choice', prompt: '您是怎么来的？', required: true, options: ['公交', '地铁'] },
      { id: 'q1', kind: 'rating', prompt: '讲解员', required: false, options: [] },
    ]);
  });
});

describe('newQuestion', () => {
  it.each([
    ['single-choice', ['', '']],
    ['multiple-choice', ['', '']],
    ['rating', []],
    ['text', []],
  ] as const)('%s starts with options %j', (kind, options) => {
    expect(newQuestion(kind)).toEqual({ id: null, kind, prompt: '', required: false, options });
  });
});

describe('moved', () => {
  it.each([
    ['up', ['a', 'b', 'c'], 1, -1, ['b', 'a', 'c']],
    ['down', ['a', 'b', 'c'], 1, 1, ['a', 'c', 'b']],
    ['the first cannot go up', ['a', 'b'], 0, -1, ['a', 'b']],
    ['the last cannot go down', ['a', 'b'], 1, 1, ['a', 'b']],
    ['outside the list', ['a'], 3, -1, ['a']],
  ] as const)('%s', (_name, list, index, by, expected) => {
    expect(moved(list, index, by)).toEqual(expected);
  });
});

describe('questionsBody', () => {
  it.each<[string, QuestionDraft[], unknown]>([
    ['no questions of its own', [], { ok: true, body: { questions: [] } }],
    [
      'saved ids kept, new ones numbered after the taken ones, trimmed, options only for choices',
      [
        draft({ id: 'q1', kind: 'rating', prompt: ' 讲解员 ', options: ['stray'] }),
        draft({ prompt: '喜欢的环节', options: [' 参观 ', '座谈'] }),
        draft({ kind: 'text', prompt: '还有什么想说的？', required: true, options: [] }),
      ],
      {
        ok: true,
        body: {
          questions: [
            { id: 'q1', kind: 'rating', prompt: '讲解员', required: false },
            { id: 'q2', kind: 'single-choice', prompt: '喜欢的环节', required: false, options: ['参观', '座谈'] },
            { id: 'q3', kind: 'text', prompt: '还有什么想说的？', required: true },
          ],
        },
      },
    ],
    ['a prompt is needed', [draft({ prompt: '  ' })], { ok: false, tooMany: false, problems: { 0: ['prompt.required'] } }],
    ['a prompt too long', [draft({ prompt: '问'.repeat(PROMPT_MAX + 1) })], { ok: false, tooMany: false, problems: { 0: ['prompt.too-long'] } }],
    ['one option is not a choice', [draft({ kind: 'multiple-choice', options: ['参观'] })], { ok: false, tooMany: false, problems: { 0: ['options.min'] } }],
    ['too many options', [draft({ options: Array.from({ length: MAX_OPTIONS + 1 }, (_, i) => `选项${i}`) })], { ok: false, tooMany: false, problems: { 0: ['options.max'] } }],
    ['a blank option', [draft({ options: ['参观', ' '] })], { ok: false, tooMany: false, problems: { 0: ['options.blank'] } }],
    ['the same option twice (spaces aside)', [draft({ options: ['参观', ' 参观', '座谈'] })], { ok: false, tooMany: false, problems: { 0: ['options.unique'] } }],
    ['an option too long', [draft({ options: ['参观', '长'.repeat(OPTION_MAX + 1)] })], { ok: false, tooMany: false, problems: { 0: ['options.too-long'] } }],
    ['problems named by place', [draft({}), draft({ prompt: '', options: ['a', 'a'] })], { ok: false, tooMany: false, problems: { 1: ['prompt.required', 'options.unique'] } }],
    ['a rating takes no options to check', [draft({ kind: 'rating', options: [] })], { ok: true, body: { questions: [{ id: 'q1', kind: 'rating', prompt: '您喜欢哪个环节？', required: false }] } }],
    ['at most 30', Array.from({ length: MAX_QUESTIONS + 1 }, () => draft({})), { ok: false, tooMany: true, problems: {} }],
  ])('%s', (_name, drafts, expected) => {
    expect(questionsBody(drafts)).toEqual(expected);
  });
});

describe('changed', () => {
  const saved = [OVERALL, TRANSPORT];
  it.each([
    ['as saved', draftsOf(saved), false],
    ['a prompt edited', [{ ...draftsOf(saved)[0], prompt: '交通方式' }], true],
    ['a question added', [...draftsOf(saved), newQuestion('rating')], true],
    ['every question removed', [], true],
  ])('%s → %s', (_name, drafts, expected) => {
    expect(changed(drafts, saved)).toBe(expected);
  });
});
