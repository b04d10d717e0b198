import type { Actor } from '@openday/contracts';
import { canSeeAgency } from '@openday/domain';
import { problem, ProblemException } from '@openday/platform';

export function notFound(what: string): ProblemException {
  return problem('not-found', { detail: `No ${what}.` });
}

export function invalidField(field: string, rule: string, message: string): ProblemException {
  return problem('unprocessable', { detail: 'The request has invalid fields.', errors: [{ field, rule, message }] });
}

/**
 * Agency isolation: the city office sees every agency's feedback; the organising agency's admin
 * and staff see their own; anyone else is answered as if it did not exist (404).
 */
export function canManage(actor: Actor, agencyId: string): boolean {
  return canSeeAgency(actor, agencyId);
}

export function assertManages(actor: Actor, agencyId: string, what: string): void {
  if (!canManage(actor, agencyId)) throw notFound(what);
}
