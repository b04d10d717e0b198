import { describeWords, wordKeys } from '../../i18n/words-check';
import { KINDS } from './survey-editor';

describeWords('console-survey', __dirname, 'console.survey');

describe('the survey words built from values', () => {
  const zh = wordKeys('console-survey', 'zh-CN');
  const en = wordKeys('console-survey', 'en');

  it.each([
    ...KINDS.map((kind) => `kinds.${kind}`),
    ...['prompt.required', 'prompt.too-long', 'options.min', 'options.max', 'options.blank', 'options.unique', 'options.too-long'].map((p) => `problems.${p}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
