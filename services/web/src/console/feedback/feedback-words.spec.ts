import { describeWords, wordKeys } from '../../i18n/words-check';
import { STATUSES, TOPICS } from './triage';

describeWords('console-feedback', __dirname, 'console.feedback');

describe('the feedback words built from values', () => {
  const zh = wordKeys('console-feedback', 'zh-CN');
  const en = wordKeys('console-feedback', 'en');

  it.each([
    ...TOPICS.map((topic) => `topics.${topic}`),
    ...STATUSES.map((status) => `status.${status}`),
    ...['representative', 'recorded-by-staff'].map((source) => `sources.${source}`),
    ...['solved', 'will-be-solved', 'explained', 'not-our-remit'].map((outcome) => `outcomes.${outcome}`),
    ...['departmentId.required', 'dueDate.date', 'dueDate.past'].map((p) => `assignProblems.${p}`),
    ...['answered', 'departmentId.knownAgency', 'dueDate.notPast', 'dueDate.calendarCovers'].map((p) => `serverProblems.${p}`),
    ...['text.required', 'text.too-long', 'topic.required', 'attachment.shape', 'attachment.too-long'].map((p) => `recordProblems.${p}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
