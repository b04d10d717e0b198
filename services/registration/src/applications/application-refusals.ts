/**
 * Registration's refusals as the API answers them: each refusal of `application-rules.ts` is
 * thrown as the problem catalogue's entry of its code, its field refusals as the problem's errors.
 */
import type { ApplicationInput, PublishedSessionV2 } from '@openday/contracts';
import { problem, type ProblemException } from '@openday/platform';
import type { PublishedOpenDay } from '../published-open-days/published-open-day-store';
import * as rules from './application-rules';
import type { CheckedPerson, Eligibility, Refusal } from './application-rules';

export function refusalProblem(refusal: Refusal): ProblemException {
  return problem(refusal.code, { detail: refusal.detail, ...(refusal.errors ? { errors: refusal.errors } : {}) });
}

function orThrow<T>(checked: rules.Checked<T>): T {
  if (!checked.ok) throw refusalProblem(checked.refusal);
  return checked.value;
}

/** Throws the 422 problem of an application outside the open day's registration window. */
export function checkRegistrationWindow(openDay: PublishedOpenDay, now: Date): void {
  const refusal = rules.registrationWindowRefusal(openDay, now);
  if (refusal) throw refusalProblem(refusal);
}

/** The session applied for, or throws the problem saying why there is none. */
export function pickSession(openDay: PublishedOpenDay, sessionId: string | undefined): PublishedSessionV2 {
  return orThrow(rules.pickSession(openDay, sessionId));
}

/** Everyone in the application, checked; throws 400 for malformed input, else 422 for ineligible people. */
export function checkPeople(application: ApplicationInput, eligibility: Eligibility): CheckedPerson[] {
  return orThrow(rules.checkPeople(application, eligibility));
}
