/**
 * The plan's rules, checked in the browser before anything is sent: the platform's own rules
 * (libs/domain's validatePlan, which scheduling enforces) plus the limits of the API's PlanInput
 * (lengths, counts, required choices), with the same field paths (`sessions[0].agenda[2].endsAt`)
 * and rule names, so a problem the browser finds and one the server answers land on the same
 * field with the same words (console.plans.rules.<rule>).
 */
import { MAX_MEDIA_PLACES, validatePlan } from '@openday/domain/plans';
import { ordinaryMinimum } from '@openday/domain/selection';
import { changedGroups } from '../changes/change-content';
import type { PlanBody } from './plan-form';

export interface PlanProblem {
  field: string;
  rule: string;
}

/** PlanInput's limits (libs/contracts), which the gateway checks before the rules. */
export const LIMITS = {
  title: 200,
  theme: 2000,
  sessions: 20,
  agenda: 30,
  capacity: 10_000,
  mediaPlaces: MAX_MEDIA_PLACES,
  venues: 10,
  venueName: 200,
  address: 300,
  assemblyPoint: 300,
  transport: 300,
  activity: 200,
  maxAge: 120,
  notices: 20,
  notice: 500,
  departments: 20,
  reason: 500,
} as const;

const ORDINARY = 'ordinary-citizen';
const MEDIA = 'media';
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

type Add = (field: string, rule: string) => void;

/** Every rule the plan breaks, each with its field once; empty when it may be sent. */
export function checkPlan(plan: PlanBody): PlanProblem[] {
  const problems = new Map<string, PlanProblem>();
  const add: Add = (field, rule) => problems.set(`${field} ${rule}`, { field, rule });
  for (const { field, rule } of validatePlan(plan)) add(field, rule);
  checkLimits(plan, add);
  return [...problems.values()];
}

function tooLong(value: string, field: string, max: number, add: Add): void {
  if (value.length > max) add(field, 'tooLong');
}

function tooMany(values: readonly unknown[], field: string, max: number, add: Add): void {
  if (values.length > max) add(field, 'tooMany');
}

function checkLimits(plan: PlanBody, add: Add): void {
  tooLong(plan.title, 'title', LIMITS.title, add);
  tooLong(plan.theme, 'theme', LIMITS.theme, add);
  tooMany(plan.venues, 'venues', LIMITS.venues, add);
  plan.venues.forEach((venue, i) => {
    tooLong(venue.name, `venues[${i}].name`, LIMITS.venueName, add);
    tooLong(venue.address, `venues[${i}].address`, LIMITS.address, add);
  });
  tooLong(plan.assemblyPoint, 'assemblyPoint', LIMITS.assemblyPoint, add);
  tooLong(plan.transport, 'transport', LIMITS.transport, add);
  tooMany(plan.sessions, 'sessions', LIMITS.sessions, add);
  plan.sessions.forEach((session, i) => {
    if (session.capacity > LIMITS.capacity) add(`sessions[${i}].capacity`, 'positiveCapacity');
    tooMany(session.agenda, `sessions[${i}].agenda`, LIMITS.agenda, add);
    session.agenda.forEach((item, k) => tooLong(item.activity, `sessions[${i}].agenda[${k}].activity`, LIMITS.activity, add));
  });
  plan.quotas.forEach((quota, i) => {
    if (!quota.category) add(`quotas[${i}].category`, 'required');
    if (quota.places > LIMITS.capacity) add(`quotas[${i}].places`, 'positivePlaces');
  });
  const { maxAge } = plan.eligibility;
  if (typeof maxAge === 'number' && maxAge < 0) add('eligibility.maxAge', 'ageRange');
  for (const field of ['registrationOpensAt', 'registrationClosesAt', 'publishAt'] as const) {
    if (!WITH_OFFSET.test(plan[field])) add(field, 'dateTime');
  }
  tooMany(plan.coSigningDepartments, 'coSigningDepartments', LIMITS.departments, add);
  tooMany(plan.notices, 'notices', LIMITS.notices, add);
  plan.notices.forEach((notice, i) => tooLong(notice, `notices[${i}]`, LIMITS.notice, add));
}

export interface OrdinaryLine {
  /** A session size of the plan. */
  capacity: number;
  /** The most people such a session takes: its capacity, or the quotas' sum when that is smaller. */
  fullSession: number;
  /** Ordinary citizens a full session must hold (the share, rounded up). */
  required: number;
  /** The most ordinary citizens can get: their own quota (places no quota names stay empty). */
  available: number;
  /** How many are lacking (0 when the minimum is reachable). */
  missing: number;
}

export interface QuotaArithmetic {
  /** The smallest session's places: every quota must fit it. */
  smallest: number;
  /** Places the quotas take (media outside the quota take none). */
  reserved: number;
  /** The ordinary citizens' own quota. */
  ordinaryQuota: number;
  /** Places reserved for other categories. */
  forOthers: number;
  /** No quotas: any category may take any place. */
  noQuotas: boolean;
  /** Places of the smallest session no quota names: with quotas, nobody can take them. */
  unreserved: number;
  /** How far the quotas exceed the smallest session (0 when they fit). */
  overBy: number;
  /** The share in per cent, for the words. */
  percent: number;
  /** One line per session size: the minimum of ordinary citizens and whether it is reachable. */
  ordinary: OrdinaryLine[];
  mediaOutsideQuota: boolean;
}

/**
 * The quota arithmetic the agency sees as it types: the sum of quotas against the smallest
 * session, and for each session size the ordinary citizens required against their quota, by the
 * allocation rule the plan is checked and its places filled by (`ordinaryMinimum`). undefined
 * until a session has a capacity.
 */
export function quotaArithmetic(plan: Pick<PlanBody, 'sessions' | 'quotas' | 'minOrdinaryShare' | 'mediaOutsideQuota'>): QuotaArithmetic | undefined {
  const capacities = plan.sessions.map((s) => s.capacity).filter((c) => Number.isInteger(c) && c >= 1);
  if (capacities.length === 0) return undefined;
  // A quota not yet given a whole number of places counts as none until it has one.
  const quotas = plan.quotas.map((q) => ({ category: q.category, places: Number.isInteger(q.places) && q.places > 0 ? q.places : 0 }));
  const placeTaking = quotas.filter((q) => !(q.category === MEDIA && plan.mediaOutsideQuota));
  const reserved = placeTaking.reduce((sum, q) => sum + q.places, 0);
  const ordinaryQuota = placeTaking.filter((q) => q.category === ORDINARY).reduce((sum, q) => sum + q.places, 0);
  const smallest = Math.min(...capacities);
  const share = plan.minOrdinaryShare >= 0 && plan.minOrdinaryShare <= 1 ? plan.minOrdinaryShare : 0;
  const ordinary = [...new Set(capacities)]
    .sort((a, b) => a - b)
    .map((capacity) => {
      const { fullSession, required, available } = ordinaryMinimum({ capacity, quotas, minOrdinaryShare: share, mediaOutsideQuota: plan.mediaOutsideQuota });
      return { capacity, fullSession, required, available, missing: Math.max(required - available, 0) };
    });
  return {
    smallest,
    reserved,
    ordinaryQuota,
    forOthers: reserved - ordinaryQuota,
    noQuotas: plan.quotas.length === 0,
    unreserved: Math.max(smallest - reserved, 0),
    overBy: Math.max(reserved - smallest, 0),
    percent: Math.round(share * 10_000) / 100,
    ordinary,
    mediaOutsideQuota: plan.mediaOutsideQuota,
  };
}

/**
 * How the capacity line reads: over the smallest session is wrong; places in no quota are a
 * warning (allowed, but nobody can take them); otherwise it is fine.
 */
export function capacityTone(arithmetic: Pick<QuotaArithmetic, 'overBy' | 'unreserved' | 'noQuotas'>): 'bad' | 'warning' | 'good' {
  if (arithmetic.overBy > 0) return 'bad';
  return !arithmetic.noQuotas && arithmetic.unreserved > 0 ? 'warning' : 'good';
}

/** The rules of a published open day's change: the plan as it would be, a reason, and something changed. */
export function checkOpenDayChange(before: PlanBody, after: PlanBody, reason: string): PlanProblem[] {
  const problems = checkPlan(after);
  if (changedGroups(before, after).length === 0) problems.push({ field: 'sessions', rule: 'nothingChanged' });
  problems.push(...reasonProblems(reason));
  return problems;
}

/** The reason citizens will be told: required, at most 500 characters. */
export function reasonProblems(reason: string): PlanProblem[] {
  if (reason.trim().length === 0) return [{ field: 'reason', rule: 'notBlank' }];
  if (reason.trim().length > LIMITS.reason) return [{ field: 'reason', rule: 'tooLong' }];
  return [];
}
