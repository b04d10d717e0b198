/**
 * Where to go after signing in: only a path on this site, so a crafted link
 * (`?next=https://evil.example` or `//evil.example`) cannot send a citizen away.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in')) return '/';
  return next;
}

/** Whole seconds left until `at` (ms), never negative. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
