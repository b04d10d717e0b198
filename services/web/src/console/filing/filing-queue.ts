/** The city office's filing queue as plain functions: the order of the queue and the decision's body. */
import type { components } from '../../api/schema';

type Plan = components['schemas']['PlanDto'];

/** Comments the city office writes are kept short enough to read (the agency sees them in full). */
export const COMMENT_MAX = 2000;

/**
 * Submitted plans, the most pressing first: the earliest on-time filing date (5 working days
 * before the first session), then the earliest event, then the longest waiting.
 */
export function filingQueue(plans: readonly Plan[]): Plan[] {
  return plans
    .filter((plan) => plan.status === 'submitted')
    .sort(
      (a, b) =>
        (a.lastOnTimeFilingDate ?? '9999-12-31').localeCompare(b.lastOnTimeFilingDate ?? '9999-12-31') ||
        a.firstSessionDate.localeCompare(b.firstSessionDate) ||
        a.updatedAt.localeCompare(b.updatedAt),
    );
}

export type Decision = 'approve' | 'return';
export type CommentProblem = 'required' | 'too-long';

/** What the decision sends, or why it cannot be sent: a return needs comments, an approval may have them. */
export function decisionBody(decision: Decision, comments: string): { ok: true; body: { comments?: string } } | { ok: false; problem: CommentProblem } {
  const text = comments.trim();
  if (text.length > COMMENT_MAX) return { ok: false, problem: 'too-long' };
  if (decision === 'return' && text === '') return { ok: false, problem: 'required' };
  return { ok: true, body: text === '' ? {} : { comments: text } };
}

/** The plan id a link to the queue names (`?plan=`), when it looks like one. */
export function planFromQuery(value: string | null): string | null {
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value : null;
}
