import { describeWords, wordKeys } from '../../i18n/words-check';

describeWords('console-report', __dirname, 'console.report');

describe('the report words built from values', () => {
  it.each(['export.csv', 'export.xlsx'])('has the built key %s', (key) => {
    expect([wordKeys('console-report', 'zh-CN').includes(key), wordKeys('console-report', 'en').includes(key)]).toEqual([true, true]);
  });
});
