import { describeWords, wordKeys } from '../../i18n/words-check';
import { AUDIT_ACTIONS, DETAIL_LABELS, TARGET_TYPES } from './audit-entries';

describeWords('console-audit', __dirname, 'console.audit');

describe('the audit words built from values', () => {
  const zh = wordKeys('console-audit', 'zh-CN');
  const en = wordKeys('console-audit', 'en');

  it.each([...AUDIT_ACTIONS.map((a) => `actions.${a}`), ...TARGET_TYPES.map((type) => `targets.${type}`), ...DETAIL_LABELS.map((key) => `details.${key}`)])(
    'has the built key %s',
    (key) => {
      expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
    },
  );
});
