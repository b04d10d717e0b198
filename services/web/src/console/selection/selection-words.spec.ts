import { describeWords, wordKeys } from '../../i18n/words-check';
import { CONFLICT_RULES, APPLICANT_STATUSES, REVIEW_CHOICES } from './applicant-review';
import { SELECTION_CATEGORIES as CATEGORIES } from '@openday/domain/selection';

describeWords('console-selection', __dirname, 'console.selection');

describe('the selection words built from values', () => {
  const zh = wordKeys('console-selection', 'zh-CN');
  const en = wordKeys('console-selection', 'en');
  const modes = ['first-come', 'lottery', 'selection-group'];

  it.each([
    ...modes.map((mode) => `modes.${mode}`),
    ...modes.map((mode) => `applicants.intro.${mode}`),
    ...['lottery', 'selection-group'].map((mode) => `preview.intro.${mode}`),
    ...CATEGORIES.map((category) => `categories.${category}`),
    ...APPLICANT_STATUSES.map((status) => `status.${status}`),
    ...REVIEW_CHOICES.flatMap((choice) => [`decide.choices.${choice}`, `decide.confirm.${choice}`, `decide.done.${choice}`]),
    ...['none-chosen', 'too-many', 'reason-required', 'reason-too-long'].map((problem) => `decide.problems.${problem}`),
    ...CONFLICT_RULES.map((rule) => `decide.refused.${rule}`),
    ...['ordinary-quota-below-minimum-share', 'not-enough-ordinary-candidates'].map((cause) => `preview.notMet.${cause}`),
    ...['sign', 'refuse'].flatMap((decision) => [`joint.decisions.${decision}`, `joint.confirm.${decision}`, `joint.done.${decision}`]),
    ...['none-chosen', 'reason-required', 'reason-too-long'].map((problem) => `joint.problems.${problem}`),
    ...['commitment', 'secret', 'entryListHash', 'seed'].map((field) => `result.${field}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
