import { createHash } from 'node:crypto';

/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;
/** A key in progress longer than this belongs to a request that died (its process crashed); a retry takes it over. */
export const IN_PROGRESS_STALE_AFTER_MS = 60_000;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A stored key as the decision needs it. */
export interface StoredKey {
  requestHash: string;
  state: 'in-progress' | 'completed';
  updatedAt: Date;
  expiresAt: Date;
}

/**
 * What to do with a request carrying a key:
 * - execute: the key is new (the caller has just stored it as in progress);
 * - take-over: the stored key expired, or its request died in progress: run again under it;
 * - replay: same request already completed: answer its stored result, do nothing;
 * - mismatch: the key was used for a different request: 422;
 * - wait: the same request is running right now (a concurrent duplicate): wait for its result.
 */
export type IdempotencyDecision = 'execute' | 'take-over' | 'replay' | 'mismatch' | 'wait';

export function decideIdempotency(stored: StoredKey | undefined, requestHash: string, now: Date): IdempotencyDecision {
  if (!stored) return 'execute';
  if (stored.expiresAt.getTime() <= now.getTime()) return 'take-over';
  if (stored.requestHash !== requestHash) return 'mismatch';
  if (stored.state === 'completed') return 'replay';
  if (now.getTime() - stored.updatedAt.getTime() >= IN_PROGRESS_STALE_AFTER_MS) return 'take-over';
  return 'wait';
}

/** JSON with object keys sorted at every level, so the same body hashes the same however its keys were ordered. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint of a request: method, path (with query) and body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${url}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}
