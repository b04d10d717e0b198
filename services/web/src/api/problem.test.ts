import i18next from 'i18next';
import en from '../i18n/locales/en.json';
import zhCN from '../i18n/locales/zh-CN.json';
import { describeProblem, fieldErrors, retryAfterSeconds, type Problem } from './problem';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const zh = i18n.getFixedT('zh-CN');
const english = i18n.getFixedT('en');

const problem = (fields: Partial<Problem>): Problem => ({ type: 'about:blank', title: 'Bad Request', status: 400, ...fields });

describe('describeProblem', () => {
  it.each<[string, Problem, string, string]>([
    [
      'a known type, with Retry-After',
      problem({ type: 'https://openday.example/problems/sign-in-code-rate-limited', status: 429, detail: 'ask again in 42 s.', retryAfterSeconds: 42 }),
      '验证码发送太频繁，请 42 秒后再获取。',
      'Codes were asked for too often. Ask again in 42 s.',
    ],
    [
      'a known type from another host',
      problem({ type: 'https://openday.gov.cn/problems/ticket-revoked', status: 409, detail: 'Revoked.' }),
      '该入场凭证已失效。',
      'This admission ticket is no longer valid.',
    ],
    [
      'field errors',
      problem({ detail: 'The request has invalid fields.', errors: [{ field: 'mobile', rule: 'isMainlandMobile', message: 'Mobile number: …' }] }),
      '有内容填写得不对，请按提示修改。',
      'Some answers need correcting; see the notes by each field.',
    ],
    [
      'an unknown type: the server’s English words for English readers, the status in Chinese',
      problem({ type: 'https://openday.example/problems/something-new', status: 422, detail: 'The plan is not in a state that allows this.' }),
      '该请求未被受理。',
      'The plan is not in a state that allows this.',
    ],
    [
      'a Chinese detail: kept in Chinese, a generic sentence in English',
      problem({ status: 404, detail: '找不到这个开放日' }),
      '找不到这个开放日',
      'We could not find what you asked for.',
    ],
    [
      'a stack trace is never shown',
      problem({ status: 500, title: 'Internal Server Error', detail: 'TypeError: x is undefined\n    at foo (bar.js:1:1)' }),
      '服务暂时不可用，请稍后重试。',
      'The service is unavailable right now. Please try again later.',
    ],
    [
      'a rate limit without Retry-After',
      problem({ type: 'https://openday.example/problems/rate-limited', status: 429, detail: 'Too many requests from this address.' }),
      '操作太频繁，请稍后再试。',
      'Too many requests from this address.',
    ],
    ['no body at all (a proxy’s 502)', problem({ status: 502, title: 'HTTP 502' }), '服务暂时不可用，请稍后重试。', 'The service is unavailable right now. Please try again later.'],
    ['the network', problem({ type: 'network', status: 0, title: 'Network error' }), '网络连接失败，请检查网络后重试。', 'Could not reach the server. Check your connection and try again.'],
  ])('%s', (_case, given, chinese, inEnglish) => {
    expect(describeProblem(given, zh, 'zh-CN')).toBe(chinese);
    expect(describeProblem(given, english, 'en')).toBe(inEnglish);
  });
});

describe('fieldErrors', () => {
  const invalid = problem({
    errors: [
      { field: 'mobile', rule: 'isMainlandMobile', message: 'Mobile number: must be …' },
      { field: 'mobile', rule: 'isString', message: 'mobile must be a string' },
      { field: 'members[2].idNumber', rule: 'someNewRule', message: 'idNumber is odd' },
    ],
  });

  it('keeps the first rule per field, in the reader’s language when the rule is known', () => {
    expect(fieldErrors(invalid, zh)).toEqual({ mobile: '请输入正确的 11 位手机号', 'members[2].idNumber': 'idNumber is odd' });
  });

  it('uses the server’s words without a translator, and nothing without a problem', () => {
    expect(fieldErrors(invalid)).toEqual({ mobile: 'Mobile number: must be …', 'members[2].idNumber': 'idNumber is odd' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-12-03T06:00:00Z');
  it.each([
    ['42', 42],
    [' 0 ', 0],
    ['Thu, 03 Dec 2026 06:01:30 GMT', 90],
    ['Thu, 03 Dec 2026 05:59:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %s', (header, expected) => {
    expect(retryAfterSeconds(header, now)).toBe(expected);
  });
});
