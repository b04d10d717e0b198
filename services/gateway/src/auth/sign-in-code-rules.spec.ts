import { checkCode, codeHash, decideSend, DEFAULT_SIGN_IN_CODE_RULES as rules, generateCode, mobileLookupKey, sameHash } from './sign-in-code-rules';

const now = new Date('2026-11-20T08:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('generateCode', () => {
  it.each([
    [0, '000000'],
    [42, '000042'],
    [999_999, '999999'],
  ])('random %i → %s', (value, code) => {
    expect(generateCode(() => value)).toBe(code);
  });

  it('draws six digits from the whole range', () => {
    const codes = Array.from({ length: 200 }, () => generateCode());
    for (const code of codes) expect(code).toMatch(/^[0-9]{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });
});

describe('decideSend: 60 s between codes, 10 in any 24 hours', () => {
  it.each<[string, Date[], ReturnType<typeof decideSend>]>([
    ['first code', [], { allowed: true }],
    ['59 s after the last', [ago(59)], { allowed: false, reason: 'too-soon', retryAfterSeconds: 1 }],
    ['1 s after the last', [ago(1)], { allowed: false, reason: 'too-soon', retryAfterSeconds: 59 }],
    ['exactly 60 s after the last', [ago(60)], { allowed: true }],
    ['9 codes today, the last 2 min ago', Array.from({ length: 9 }, (_, i) => ago(120 + i * 3600)), { allowed: true }],
    [
      '10 codes today, the oldest 23 h ago',
      Array.from({ length: 10 }, (_, i) => ago(120 + i * 9000)),
      { allowed: false, reason: 'daily-limit', retryAfterSeconds: 24 * 3600 - (120 + 9 * 9000) },
    ],
    ['10 codes, the oldest 24 h ago: out of the window', Array.from({ length: 10 }, (_, i) => ago(120 + i * 9600)), { allowed: true }],
    [
      'both limits: the longer wait wins',
      [ago(10), ...Array.from({ length: 9 }, (_, i) => ago(3600 * (i + 1)))],
      { allowed: false, reason: 'daily-limit', retryAfterSeconds: 3600 * 15 },
    ],
  ])('%s', (_label, previous, expected) => {
    expect(decideSend(previous, now, rules)).toEqual(expected);
  });

  it('ignores sends in the future (clock skew) and order', () => {
    expect(decideSend([new Date(now.getTime() + 5000), ago(3000)], now, rules)).toEqual({ allowed: true });
  });
});

describe('checkCode: 5 minutes, single use, 5 tries', () => {
  const fresh = { expiresAt: new Date(now.getTime() + 300_000), attempts: 0, consumedAt: null };
  it.each<[string, Parameters<typeof checkCode>[0], boolean, Date, ReturnType<typeof checkCode>]>([
    ['the right code', fresh, true, now, { ok: true }],
    ['a wrong code, first try', fresh, false, now, { ok: false, reason: 'wrong', triesLeft: 4 }],
    ['a wrong code, fifth try', { ...fresh, attempts: 4 }, false, now, { ok: false, reason: 'wrong', triesLeft: 0 }],
    ['the right code after 5 wrong tries', { ...fresh, attempts: 5 }, true, now, { ok: false, reason: 'locked' }],
    ['the right code on the fifth try', { ...fresh, attempts: 4 }, true, now, { ok: true }],
    ['the right code 4:59 in', fresh, true, new Date(now.getTime() + 299_999), { ok: true }],
    ['the right code at 5:00', fresh, true, new Date(now.getTime() + 300_000), { ok: false, reason: 'expired' }],
    ['a used code', { ...fresh, consumedAt: now }, true, now, { ok: false, reason: 'used' }],
    ['no code sent', undefined, false, now, { ok: false, reason: 'no-code' }],
  ])('%s', (_label, stored, matches, at, expected) => {
    expect(checkCode(stored, matches, at, rules)).toEqual(expected);
  });
});

describe('keyed hashes', () => {
  const key = Buffer.alloc(32, 7);
  it('binds a code to its number and key', () => {
    const a = mobileLookupKey(key, '13800138000');
    const b = mobileLookupKey(key, '13800138001');
    expect(a.equals(mobileLookupKey(key, '13800138000'))).toBe(true);
    expect(a.equals(b)).toBe(false);
    expect(a.toString('hex')).not.toContain('13800138000');
    expect(sameHash(codeHash(key, a, '123456'), codeHash(key, a, '123456'))).toBe(true);
    expect(sameHash(codeHash(key, a, '123456'), codeHash(key, b, '123456'))).toBe(false);
    expect(sameHash(codeHash(key, a, '123456'), codeHash(Buffer.alloc(32, 8), a, '123456'))).toBe(false);
  });
});
