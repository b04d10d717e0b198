import {
  canonicalJson,
  decideIdempotency,
  IDEMPOTENCY_KEY_PATTERN,
  IN_PROGRESS_STALE_AFTER_MS,
  requestFingerprint,
  type StoredKey,
} from './idempotency-rules';

const now = new Date('2026-11-20T08:00:00.000Z');
const hash = 'a'.repeat(64);
const stored = (over: Partial<StoredKey>): StoredKey => ({
  requestHash: hash,
  state: 'completed',
  updatedAt: new Date(now.getTime() - 1000),
  expiresAt: new Date(now.getTime() + 3_600_000),
  ...over,
});

describe('decideIdempotency', () => {
  it.each<[string, StoredKey | undefined, string, ReturnType<typeof decideIdempotency>]>([
    ['a new key executes', undefined, hash, 'execute'],
    ['the same request completed replays', stored({}), hash, 'replay'],
    ['a different request under the key is refused', stored({}), 'b'.repeat(64), 'mismatch'],
    ['a different request while the first runs is refused', stored({ state: 'in-progress' }), 'b'.repeat(64), 'mismatch'],
    ['the same request still running waits', stored({ state: 'in-progress' }), hash, 'wait'],
    [
      'the same request in progress for too long is taken over',
      stored({ state: 'in-progress', updatedAt: new Date(now.getTime() - IN_PROGRESS_STALE_AFTER_MS) }),
      hash,
      'take-over',
    ],
    ['an expired key is taken over, whatever it held', stored({ expiresAt: now }), 'b'.repeat(64), 'take-over'],
  ])('%s', (_label, key, requestHash, decision) => {
    expect(decideIdempotency(key, requestHash, now)).toBe(decision);
  });
});

describe('request fingerprints', () => {
  it('do not depend on key order, and do depend on values, path and method', () => {
    const a = requestFingerprint('POST', '/api/v1/x', { b: 1, a: { d: [1, 2], c: null } });
    expect(requestFingerprint('post', '/api/v1/x', { a: { c: null, d: [1, 2] }, b: 1 })).toBe(a);
    expect(requestFingerprint('POST', '/api/v1/x', { a: { c: null, d: [2, 1] }, b: 1 })).not.toBe(a);
    expect(requestFingerprint('POST', '/api/v1/y', { b: 1, a: { d: [1, 2], c: null } })).not.toBe(a);
    expect(requestFingerprint('PUT', '/api/v1/x', { b: 1, a: { d: [1, 2], c: null } })).not.toBe(a);
  });

  it('canonical JSON sorts keys and drops undefined', () => {
    expect(canonicalJson({ z: 1, a: [{ y: 'é', b: undefined }], m: null })).toBe('{"a":[{"y":"é"}],"m":null,"z":1}');
  });

  it.each([
    ['6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41', true],
    ['retry-1', true],
    ['', false],
    ['has space', false],
    ['x'.repeat(256), false],
    ['中文', false],
  ])('key %p valid: %p', (key, valid) => {
    expect(IDEMPOTENCY_KEY_PATTERN.test(key)).toBe(valid);
  });
});
