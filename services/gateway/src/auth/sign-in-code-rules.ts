import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export interface SignInCodeRules {
  ttlMs: number;
  maxTries: number;
  resendIntervalMs: number;
  maxPerDay: number;
}

export const DAY_MS = 24 * 3_600_000;

/** 6 digits, 5 minutes, 5 tries, 60 s between sends, 10 sends in any 24 hours. */
export const DEFAULT_SIGN_IN_CODE_RULES: SignInCodeRules = {
  ttlMs: 300_000,
  maxTries: 5,
  resendIntervalMs: 60_000,
  maxPerDay: 10,
};

/** Six random digits, leading zeros kept. */
export function generateCode(random: (max: number) => number = (max) => randomInt(max)): string {
  return String(random(1_000_000)).padStart(6, '0');
}

export type SendDecision =
  | { allowed: true }
  | { allowed: false; reason: 'too-soon' | 'daily-limit'; retryAfterSeconds: number };

/**
 * May another code be sent to a number that was sent codes at `previous`?
 * Refused while the last one is younger than the resend interval, or when the
 * day's allowance (any 24 hours) is spent; Retry-After says when it is allowed.
 */
export function decideSend(previous: readonly Date[], now: Date, rules: SignInCodeRules): SendDecision {
  const t = now.getTime();
  const recent = previous
    .map((d) => d.getTime())
    .filter((sent) => sent > t - DAY_MS && sent <= t)
    .sort((a, b) => a - b);
  const refusals: Array<{ reason: 'too-soon' | 'daily-limit'; waitMs: number }> = [];
  const latest = recent.at(-1);
  if (latest !== undefined && t - latest < rules.resendIntervalMs) {
    refusals.push({ reason: 'too-soon', waitMs: latest + rules.resendIntervalMs - t });
  }
  if (recent.length >= rules.maxPerDay) {
    // The send that must leave the 24-hour window before one more fits.
    const blocking = recent[recent.length - rules.maxPerDay];
    refusals.push({ reason: 'daily-limit', waitMs: blocking + DAY_MS - t });
  }
  if (refusals.length === 0) return { allowed: true };
  const longest = refusals.reduce((a, b) => (b.waitMs > a.waitMs ? b : a));
  return { allowed: false, reason: longest.reason, retryAfterSeconds: Math.max(1, Math.ceil(longest.waitMs / 1000)) };
}

export interface StoredCode {
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'no-code' | 'used' | 'locked' | 'expired' }
  | { ok: false; reason: 'wrong'; triesLeft: number };

/**
 * The outcome of entering a code against the number's latest code. A wrong
 * entry counts as a try (the caller stores attempts + 1); after the last try
 * the code is dead even if the right digits come next.
 */
export function checkCode(stored: StoredCode | undefined, matches: boolean, now: Date, rules: SignInCodeRules): CodeCheck {
  if (!stored) return { ok: false, reason: 'no-code' };
  if (stored.consumedAt) return { ok: false, reason: 'used' };
  if (stored.attempts >= rules.maxTries) return { ok: false, reason: 'locked' };
  if (now.getTime() >= stored.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  if (!matches) return { ok: false, reason: 'wrong', triesLeft: Math.max(0, rules.maxTries - stored.attempts - 1) };
  return { ok: true };
}

/** The keyed hash a code is stored as, bound to its number. */
export function codeHash(key: Buffer, mobileKey: Buffer, code: string): Buffer {
  return createHmac('sha256', key).update(mobileKey).update(':').update(code).digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The keyed hash a mobile number is found by; the number itself is never stored. */
export function mobileLookupKey(key: Buffer, normalisedMobile: string): Buffer {
  return createHmac('sha256', key).update(normalisedMobile).digest();
}
