import type { components } from '../../api/schema';
import en from '../../i18n/locales/account.en.json';
import zh from '../../i18n/locales/account.zh-CN.json';
import { downloadName } from './download-name';

describe('downloadName', () => {
  it.each([
    ['attachment; filename="openday-personal-data-2026-11-20.json"', 'openday-personal-data-2026-11-20.json'],
    [null, 'openday-personal-data-2026-12-03.json'],
    ['attachment; filename="../evil.json"', 'openday-personal-data-2026-12-03.json'],
    ['inline', 'openday-personal-data-2026-12-03.json'],
  ])('%s → %s', (header, expected) => {
    expect(downloadName(header, '2026-12-03')).toBe(expected);
  });
});

describe('the words for each list staff can read', () => {
  // Exhaustive over the API's list codes: a new list without words fails to compile.
  const LISTS: Record<components['schemas']['PersonalDataAccessDto']['list'], true> = {
    applicants: true,
    selection: true,
    'joint-review': true,
    roster: true,
    'roster-csv': true,
    'check-in': true,
    feedback: true,
    'department-feedback': true,
    deliveries: true,
  };
  it.each(Object.keys(LISTS))('%s is said in both languages', (list) => {
    expect([(zh.myData.lists as Record<string, string>)[list], (en.myData.lists as Record<string, string>)[list]].every((words) => typeof words === 'string' && words.length > 0)).toBe(true);
  });
});
