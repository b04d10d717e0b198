import { createHash, randomBytes } from 'node:crypto';

/** A new opaque refresh token (256 random bits) and the hash that is all the database keeps of it. */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** SHA-256 suffices: the token is random and long, so there is nothing to guess from the hash. */
export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface StoredRefreshToken {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What presenting a refresh token means:
 * - rotate: valid; it is used up and a new one of the same family replaces it;
 * - reused: it was already rotated, so a copy is in someone else's hands:
 *   the whole family (every token descended from the same sign-in) is revoked;
 * - revoked (signed out, reuse detected, account disabled), expired, unknown: refused.
 */
export type RefreshDecision = 'rotate' | 'reused' | 'revoked' | 'expired' | 'unknown';

export function decideRefresh(stored: StoredRefreshToken | undefined, now: Date): RefreshDecision {
  if (!stored) return 'unknown';
  if (stored.revokedAt) return 'revoked';
  if (stored.usedAt) return 'reused';
  if (now.getTime() >= stored.expiresAt.getTime()) return 'expired';
  return 'rotate';
}
