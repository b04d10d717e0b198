/** The co-signing department's signatures (joint review) as plain functions. */
import type { components } from '../../api/schema';
import { REASON_MAX } from './applicant-review';

type SignaturesBody = components['schemas']['SignaturesDoc'];
export type Signature = components['schemas']['SignatureDoc']['decision'];
export type SignatureProblem = 'none-chosen' | 'reason-required' | 'reason-too-long';

/** What the department sends, or why it cannot: a refusal needs its reason in words (the applicant loses the place). */
export function signaturesBody(personIds: readonly string[], decision: Signature, reason: string): { ok: true; body: SignaturesBody } | { ok: false; problem: SignatureProblem } {
  const people = [...new Set(personIds)];
  if (people.length === 0) return { ok: false, problem: 'none-chosen' };
  const text = reason.trim();
  if (text.length > REASON_MAX) return { ok: false, problem: 'reason-too-long' };
  if (decision === 'refuse' && text === '') return { ok: false, problem: 'reason-required' };
  return { ok: true, body: { signatures: people.map((personId) => (decision === 'refuse' ? { personId, decision, reason: text } : { personId, decision })) } };
}
