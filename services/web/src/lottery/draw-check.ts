/** Entry ids as people paste them: one a line, or separated by commas or spaces. */
export function parseIdList(text: string): string[] {
  return text
    .split(/[\s,，;；]+/)
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
}

const SEED = /^[0-9a-f]{64}$/;

/** The seed as the API takes it (lower-case hex), or undefined when it is not 64 hex digits. */
export function normalizedSeed(text: string): string | undefined {
  const seed = text.trim().toLowerCase();
  return SEED.test(seed) ? seed : undefined;
}

export type DrawCheck =
  | { outcome: 'matches' }
  | { outcome: 'differs'; firstDifference: number }
  | { outcome: 'no-published' };

/** Whether the re-run draw gives exactly the published order; where they first differ (1-based) when not. */
export function checkDraw(published: readonly string[], drawn: readonly string[]): DrawCheck {
  if (published.length === 0) return { outcome: 'no-published' };
  const length = Math.max(published.length, drawn.length);
  for (let i = 0; i < length; i += 1) {
    if (published[i]?.toLowerCase() !== drawn[i]?.toLowerCase()) return { outcome: 'differs', firstDifference: i + 1 };
  }
  return { outcome: 'matches' };
}
