import { describeWords, wordKeys } from '../../i18n/words-check';
import { AGENCY_KINDS } from './agency-rules';

describeWords('console-accounts', __dirname, 'console.accounts');

describe('the accounts words built from values', () => {
  const zh = wordKeys('console-accounts', 'zh-CN');
  const en = wordKeys('console-accounts', 'en');

  it.each([
    ...['created', 'reset'].map((reason) => `handOver.${reason}`),
    ...['username.required', 'username.username-shape', 'displayName.required', 'displayName.too-long', 'role.required', 'role.role-not-allowed', 'password.required', 'password.password-length', 'email.email-shape'].map(
      (problem) => `problems.${problem}`,
    ),
    ...AGENCY_KINDS.map((kind) => `agencies.kinds.${kind}`),
    ...['required', 'code-shape', 'name-length', 'district-shape'].map((problem) => `agencies.problems.${problem}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
