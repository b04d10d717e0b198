/**
 * Filing (审查备案) as plain functions: who may do what to a plan in which
 * state, and whether a submission is on time. No framework, no database;
 * PlansService asks these and turns the answers into problems.
 */
import type { PlanStatus, Role } from '@openday/contracts';
import {
  AGENCY_ROLES,
  canSeeAgency,
  compareDates,
  FILING_NOTICE_WORKING_DAYS,
  shanghaiDateOf,
  type CalendarDate,
  type WorkingDayCalendar,
} from '@openday/domain';

export type FilingCommand = 'view' | 'edit' | 'delete' | 'submit' | 'approve' | 'return' | 'publish' | 'change' | 'cancel';

/** Who acts: a signed-in person, or the platform itself (publication at the publication time). */
export type FilingActor = { role: Role; agencyId?: string | null } | 'platform';

type Party = 'agency' | 'city-office' | 'anyone-who-sees' | 'platform';

interface Rule {
  /** States the command applies to; undefined: any. */
  from?: readonly PlanStatus[];
  /** The state afterwards; undefined: unchanged. */
  to?: PlanStatus;
  by: Party;
}

export const FILING_RULES: Readonly<Record<FilingCommand, Rule>> = {
  view: { by: 'anyone-who-sees' },
  edit: { from: ['draft', 'returned'], by: 'agency' },
  /** Only a plan the city office has never seen; a returned plan keeps its record. */
  delete: { from: ['draft'], by: 'agency' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'agency' },
  approve: { from: ['submitted'], to: 'approved', by: 'city-office' },
  return: { from: ['submitted'], to: 'returned', by: 'city-office' },
  publish: { from: ['approved'], to: 'published', by: 'platform' },
  change: { from: ['published'], by: 'agency' },
  cancel: { from: ['published'], to: 'cancelled', by: 'agency' },
};

export type FilingDecision =
  | { outcome: 'allowed'; to: PlanStatus }
  /** Someone who may not know the plan exists: answer as if it did not. */
  | { outcome: 'not-found' }
  | { outcome: 'forbidden'; reason: string }
  | { outcome: 'conflict'; reason: string };

/** Whether the actor may see plans of this agency at all: the platform and the city office see all, an agency's admin and staff their own (libs/domain's agency isolation). */
export function canSeeAgencyPlans(actor: FilingActor, agencyId: string): boolean {
  return actor === 'platform' || canSeeAgency(actor, agencyId);
}

/** Whether the role works with plans at all (citizens, reviewers and department handlers do not). */
export function worksWithPlans(actor: FilingActor): boolean {
  return actor === 'platform' || actor.role === 'city-office' || AGENCY_ROLES.includes(actor.role);
}

/** Agency staff who may draft a plan for their own agency. */
export function canDraftPlans(actor: FilingActor): actor is { role: Role; agencyId: string } {
  return actor !== 'platform' && AGENCY_ROLES.includes(actor.role) && !!actor.agencyId;
}

export function decide(command: FilingCommand, plan: { status: PlanStatus; agencyId: string }, actor: FilingActor): FilingDecision {
  const rule = FILING_RULES[command];
  if (!worksWithPlans(actor)) return { outcome: 'forbidden', reason: 'this role does not work with plans' };
  if (!canSeeAgencyPlans(actor, plan.agencyId)) return { outcome: 'not-found' };
  if (!allowedParty(rule.by, actor)) return { outcome: 'forbidden', reason: `only ${describeParty(rule.by)} may ${command} a plan` };
  if (rule.from && !rule.from.includes(plan.status)) {
    return { outcome: 'conflict', reason: `the plan is ${plan.status}; only a ${rule.from.join(' or ')} plan can be ${pastTense(command)}` };
  }
  return { outcome: 'allowed', to: rule.to ?? plan.status };
}

function allowedParty(party: Party, actor: FilingActor): boolean {
  switch (party) {
    case 'anyone-who-sees':
      return true;
    case 'platform':
      return actor === 'platform';
    case 'city-office':
      return actor !== 'platform' && actor.role === 'city-office';
    case 'agency':
      return actor !== 'platform' && AGENCY_ROLES.includes(actor.role);
  }
}

function describeParty(party: Party): string {
  return { agency: 'the organising agency', 'city-office': 'the city office', platform: 'the platform', 'anyone-who-sees': 'anyone' }[party];
}

function pastTense(command: FilingCommand): string {
  return { view: 'viewed', edit: 'edited', delete: 'deleted', submit: 'submitted', approve: 'approved', return: 'returned', publish: 'published', change: 'changed', cancel: 'cancelled' }[command];
}

export interface FilingDeadline {
  /** The submission's date in Asia/Shanghai. */
  filedOn: CalendarDate;
  lastOnTimeFilingDate: CalendarDate;
  onTime: boolean;
}

/**
 * A plan is filed no later than 5 working days before its first session
 * (counted on the official calendar with holidays and adjusted working days).
 * Throws UncoveredYearError when the calendar lacks the year's schedule.
 */
export function filingDeadline(calendar: WorkingDayCalendar, firstSessionDate: CalendarDate, submittedAt: Date): FilingDeadline {
  const filedOn = shanghaiDateOf(submittedAt);
  const lastOnTimeFilingDate = calendar.lastOnTimeFilingDate(firstSessionDate, FILING_NOTICE_WORKING_DAYS);
  return { filedOn, lastOnTimeFilingDate, onTime: compareDates(filedOn, lastOnTimeFilingDate) <= 0 };
}
