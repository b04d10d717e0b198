import { describeWords, wordKeys } from '../../i18n/words-check';
import { CHANGE_STATUSES } from './change-history';

describeWords('console-changes', __dirname, 'console.changes');

describe('the changes words built from values', () => {
  const zh = wordKeys('console-changes', 'zh-CN');
  const en = wordKeys('console-changes', 'en');
  // Every line of a change in words (changeLines), every rule of a change the browser or the server names, each decision.
  const LINES = ['sessionAdded', 'sessionRemoved', 'sessionMoved', 'capacity', 'agenda', 'venues', 'assemblyPoint', 'ages', 'districts', 'noticeAdded', 'noticeRemoved', 'noticesReordered'];
  const RULES = ['changeLeadTime', 'capacityBelowPlacesTaken', 'releasedTooMany', 'releasableTicket', 'changePending'];

  it.each([
    ...CHANGE_STATUSES.map((status) => `statuses.${status}`),
    ...LINES.map((line) => `diff.${line}`),
    ...RULES.map((rule) => `rules.${rule}`),
    ...['approve', 'return'].flatMap((decision) => [`queue.${decision}`, `queue.${decision}Title`, `queue.${decision}Body`, `queue.${decision}Hint`, `queue.decided.${decision}`]),
    ...['required', 'too-long'].map((problem) => `queue.problem.${problem}`),
    // The to-do list names these through kindWords (todo/todo-items.ts).
    ...['kind', 'about', 'returnedKind', 'returnedAbout'].map((key) => `todo.${key}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
