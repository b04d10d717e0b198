import { describeWords, wordKeys } from '../../i18n/words-check';
import { NOTICE_HOLIDAYS } from './calendar-changes';
import { DAY_KINDS } from './year-at-a-glance';

describeWords('console-calendar', __dirname, 'console.calendar');

describe('the calendar words built from values', () => {
  const zh = wordKeys('console-calendar', 'zh-CN');
  const en = wordKeys('console-calendar', 'en');

  it.each([
    ...DAY_KINDS.map((kind) => `kinds.${kind}`),
    ...NOTICE_HOLIDAYS.map((key) => `holidayNames.${key}`),
    ...['uncovered-year', 'listed-twice', 'not-weekend', 'not-a-date', 'empty'].map((key) => `refusals.${key}`),
    ...['year-invalid', 'year-covered', 'no-lines', 'basis-too-long'].map((key) => `newYear.problems.${key}`),
    ...['name-required', 'name-too-long', 'from-required', 'not-a-date', 'other-year', 'to-before-from', 'too-long', 'not-weekend', 'listed-twice'].map(
      (key) => `newYear.lineProblems.${key}`,
    ),
    ...['holiday', 'adjusted', 'ordinary'].flatMap((kind) => [`correction.kinds.${kind}.label`, `correction.kinds.${kind}.explain`]),
    ...['date-required', 'not-a-date', 'year-not-covered', 'kind-required', 'not-weekend', 'unchanged', 'reason-required', 'reason-too-long'].map(
      (key) => `correction.problems.${key}`,
    ),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
