/** The reviewer's applicants table and bulk decisions as plain functions. */
import type { components } from '../../api/schema';
import type { Problem } from '../api/console-client';
import type { SelectionCategory as Category } from '@openday/domain/selection';

export type Applicant = components['schemas']['VettingApplicantDto'];
export type ApplicantStatus = Applicant['status'];
export type ReviewChoice = components['schemas']['ReviewDecisionDoc']['decision'];
type DecisionsBody = components['schemas']['ReviewDecisionsDoc'];

export const APPLICANT_STATUSES: readonly ApplicantStatus[] = ['eligible', 'selected', 'waitlisted', 'rejected', 'withdrawn'];
export const REVIEW_CHOICES: readonly ReviewChoice[] = ['select', 'waitlist', 'reject'];
/** As the API takes them (vetting's limits): a reason of up to 500 characters, up to 500 decisions at once. */
export const REASON_MAX = 500;
export const MAX_DECISIONS = 500;

export interface ApplicantFilter {
  category?: Category;
  district?: string;
  sessionId?: string;
}

/** The rows that match every filter given (the status is filtered by the server). */
export function filterApplicants(applicants: readonly Applicant[], filter: ApplicantFilter): Applicant[] {
  return applicants.filter(
    (a) =>
      (!filter.category || a.category === filter.category) && (!filter.district || a.district === filter.district) && (!filter.sessionId || a.sessionId === filter.sessionId),
  );
}

/** The districts the applicants come from, for the district filter, in the reader's order. */
export function districtsOf(applicants: readonly Applicant[], language: string): string[] {
  return [...new Set(applicants.map((a) => a.district))].sort((a, b) => a.localeCompare(b, language));
}

/** The selection group decides undecided and waitlisted applicants; a decision stands once made. */
export function isDecidable(applicant: Pick<Applicant, 'status'>): boolean {
  return applicant.status === 'eligible' || applicant.status === 'waitlisted';
}

export type DecisionProblem = 'none-chosen' | 'too-many' | 'reason-required' | 'reason-too-long';

/**
 * What the bulk decision sends, or why it cannot be sent: a rejection needs a reason in words;
 * a selection or a place on the waiting list may carry one. The same reason goes with every
 * applicant chosen.
 */
export function decisionsBody(personIds: readonly string[], choice: ReviewChoice, reason: string): { ok: true; body: DecisionsBody } | { ok: false; problem: DecisionProblem } {
  const people = [...new Set(personIds)];
  if (people.length === 0) return { ok: false, problem: 'none-chosen' };
  if (people.length > MAX_DECISIONS) return { ok: false, problem: 'too-many' };
  const text = reason.trim();
  if (text.length > REASON_MAX) return { ok: false, problem: 'reason-too-long' };
  if (choice === 'reject' && text === '') return { ok: false, problem: 'reason-required' };
  return { ok: true, body: { decisions: people.map((personId) => ({ personId, decision: choice, ...(text ? { reason: text } : {}) })) } };
}

/** The rules a refused decision names (vetting's allocation rules and the applicant's state). */
export const CONFLICT_RULES = ['category-quota-full', 'capacity-full', 'reserved-for-ordinary-citizens', 'media-places-full', 'no-places-for-category', 'undecidedOrWaitlisted'] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

/**
 * Which applicant of the batch broke which rule, when the server refused the batch (nothing was
 * stored): its `errors[]` name the field `decisions[i]…` and the rule.
 */
export function refusedDecision(problem: Problem, body: DecisionsBody, applicants: readonly Applicant[]): { rule: ConflictRule; maskedName: string } | null {
  for (const error of problem.errors ?? []) {
    const index = /^decisions\[(\d+)\]/.exec(error.field ?? '')?.[1];
    const rule = CONFLICT_RULES.find((known) => known === error.rule);
    const personId = index === undefined ? undefined : body.decisions[Number(index)]?.personId;
    const applicant = applicants.find((a) => a.personId === personId);
    if (rule && applicant) return { rule, maskedName: applicant.maskedName };
  }
  return null;
}
