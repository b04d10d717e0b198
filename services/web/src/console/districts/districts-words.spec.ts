import { describeWords, wordKeys } from '../../i18n/words-check';
import { DISTRICT_FIELDS, DISTRICT_PROBLEMS } from './district-rules';

describeWords('console-districts', __dirname, 'console.districts');

describe('the districts words built from values', () => {
  const zh = wordKeys('console-districts', 'zh-CN');
  const en = wordKeys('console-districts', 'en');

  it.each([...DISTRICT_FIELDS.map((field) => `columns.${field}`), ...DISTRICT_PROBLEMS.map((problem) => `problems.${problem}`), 'added', 'saved'])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
