import type { Actor } from '@openday/contracts';
import { ProblemException } from '@openday/platform';

export const PROBLEMS = {
  notCheckedIn: 'https://openday.example/problems/not-checked-in',
  tooEarly: 'https://openday.example/problems/session-not-started',
  wrongState: 'https://openday.example/problems/feedback-state',
  alreadyAnswered: 'https://openday.example/problems/survey-already-answered',
  surveyLocked: 'https://openday.example/problems/survey-locked',
  notEnded: 'https://openday.example/problems/open-day-not-ended',
} as const;

export function notFound(what: string): ProblemException {
  return new ProblemException({ status: 404, detail: `No ${what}.` });
}

export function conflict(type: string, title: string, detail: string): ProblemException {
  return new ProblemException({ status: 409, type, title, detail });
}

export function invalidField(field: string, rule: string, message: string, status = 422): ProblemException {
  return new ProblemException({ status, detail: 'The request has invalid fields.', errors: [{ field, rule, message }] });
}

/**
 * Agency isolation: the city office sees every agency's feedback; the organising agency's admin
 * and staff see their own; anyone else is answered as if it did not exist (404).
 */
export function canManage(actor: Actor, agencyId: string): boolean {
  if (actor.role === 'city-office') return true;
  return (actor.role === 'agency-admin' || actor.role === 'agency-staff') && actor.agencyId === agencyId;
}

export function assertManages(actor: Actor, agencyId: string, what: string): void {
  if (!canManage(actor, agencyId)) throw notFound(what);
}
