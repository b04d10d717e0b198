import { describeWords, wordKeys } from '../../i18n/words-check';

describeWords('console-flagged', __dirname, 'console.flagged');

describe('the flagged words built from values', () => {
  it.each(['states.eligible', 'states.awaiting-joint-review'])('has the built key %s', (key) => {
    expect([wordKeys('console-flagged', 'zh-CN').includes(key), wordKeys('console-flagged', 'en').includes(key)]).toEqual([true, true]);
  });
});
