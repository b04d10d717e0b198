import { problemSlug, type Problem } from '../../api/problem';

/**
 * Why the door said no, from the gateway's problem (scheduling's admission rules): each refusal
 * a word the person at the door can act on. The times come from the problem's detail, which
 * scheduling writes on the Asia/Shanghai clock ("… at 2026-11-29 09:12:05 (Asia/Shanghai)").
 */
export type Refusal =
  | { kind: 'wrong-last-4' }
  | { kind: 'already-checked-in'; at?: string }
  | { kind: 'revoked' }
  | { kind: 'not-now'; opensAt?: string; closesAt?: string }
  | { kind: 'unknown-ticket' }
  | { kind: 'invalid-input'; fields: string[] }
  | { kind: 'other' };

const DATE_TIME = '(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})';

export function refusalOf(problem: Problem): Refusal {
  switch (problemSlug(problem)) {
    case 'real-name-check-failed':
      return { kind: 'wrong-last-4' };
    case 'already-checked-in': {
      const at = new RegExp(`at ${DATE_TIME}`).exec(problem.detail ?? '')?.[1];
      return at ? { kind: 'already-checked-in', at } : { kind: 'already-checked-in' };
    }
    case 'ticket-revoked':
      return { kind: 'revoked' };
    case 'outside-check-in-window': {
      const match = new RegExp(`from ${DATE_TIME}.*?until its end at ${DATE_TIME}`).exec(problem.detail ?? '');
      return match ? { kind: 'not-now', opensAt: match[1], closesAt: match[2] } : { kind: 'not-now' };
    }
  }
  if (problem.status === 404) return { kind: 'unknown-ticket' };
  if (problem.status === 400 && problem.errors?.length) return { kind: 'invalid-input', fields: [...new Set(problem.errors.map((e) => e.field))] };
  return { kind: 'other' };
}

/** The i18n key (under console.checkIn.refusal) and its values; `other` falls back to problemMessage. */
export function refusalWords(refusal: Refusal): { key: string; values: Record<string, string> } | undefined {
  switch (refusal.kind) {
    case 'already-checked-in':
      return refusal.at ? { key: 'alreadyCheckedInAt', values: { at: refusal.at } } : { key: 'alreadyCheckedIn', values: {} };
    case 'not-now':
      return refusal.opensAt && refusal.closesAt
        ? { key: 'notNowWindow', values: { opensAt: refusal.opensAt, closesAt: refusal.closesAt } }
        : { key: 'notNow', values: {} };
    case 'wrong-last-4':
      return { key: 'wrongLast4', values: {} };
    case 'revoked':
      return { key: 'revoked', values: {} };
    case 'unknown-ticket':
      return { key: 'unknownTicket', values: {} };
    case 'invalid-input':
      return { key: 'invalidInput', values: {} };
    case 'other':
      return undefined;
  }
}
