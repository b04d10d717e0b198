import { decideRefresh, hashRefreshToken, newRefreshToken, REFRESH_TOKEN_PATTERN } from './refresh-token-rules';

const now = new Date('2026-11-20T08:00:00.000Z');
const later = new Date(now.getTime() + 1000);

describe('refresh tokens', () => {
  it('are 256 random bits, stored only as their SHA-256', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a.token).toMatch(REFRESH_TOKEN_PATTERN);
    expect(a.token).not.toBe(b.token);
    expect(a.hash.equals(hashRefreshToken(a.token))).toBe(true);
    expect(a.hash).toHaveLength(32);
  });

  it.each<[string, Parameters<typeof decideRefresh>[0], ReturnType<typeof decideRefresh>]>([
    ['a fresh token rotates', { expiresAt: later, usedAt: null, revokedAt: null }, 'rotate'],
    ['a used token is reuse', { expiresAt: later, usedAt: now, revokedAt: null }, 'reused'],
    ['a revoked token is refused', { expiresAt: later, usedAt: null, revokedAt: now }, 'revoked'],
    ['a used token of a revoked family is refused', { expiresAt: later, usedAt: now, revokedAt: now }, 'revoked'],
    ['an expired token is refused', { expiresAt: now, usedAt: null, revokedAt: null }, 'expired'],
    ['an unknown token is refused', undefined, 'unknown'],
  ])('%s', (_label, stored, decision) => {
    expect(decideRefresh(stored, now)).toBe(decision);
  });
});
