import { SelectionCategory } from './categories';
import { requiredOrdinaryPlaces } from './ordinary-share';

export const ORDINARY_CITIZEN: SelectionCategory = 'ordinary-citizen';
export const MEDIA: SelectionCategory = 'media';

export interface CategoryQuota {
  category: SelectionCategory;
  places: number;
}

/** The rules one session's places are allocated by; the same in every selection mode. */
export interface AllocationPlan {
  capacity: number;
  /**
   * The most places each category may take. An empty list limits categories by the capacity
   * alone; in a non-empty list, a category that is missing has no places.
   */
  quotas: readonly CategoryQuota[];
  /** The fraction of the places taken that ordinary citizens must hold at least, e.g. 1/3. */
  minOrdinaryShare: number;
  /** Media outside the quota take no place and count toward no quota, capacity or share. */
  mediaOutsideQuota: boolean;
  /** How many media may come when they are outside the quota; ignored otherwise. */
  mediaPlacesOutsideQuota: number;
}

/**
 * The rules a plan's places must keep, named as the plan API names them (`rule` of a field
 * problem), so a plan refused when it is filed and one selection cannot serve say the same.
 */
export type AllocationPlanRule =
  | 'positiveCapacity'
  | 'shareRange'
  | 'wholePlaces'
  | 'uniqueCategories'
  | 'quotasWithinCapacity'
  | 'mediaOutsideQuota'
  | 'mediaPlacesRange'
  | 'minimumShareReachable';

export interface AllocationPlanProblem {
  rule: AllocationPlanRule;
  message: string;
  /** The index in `quotas` of the quota at fault, for rules about one quota. */
  quota?: number;
}

/** An allocation plan as an agency writes it: its quota categories not yet checked against the known ones. */
export type QuotaPlan = Omit<AllocationPlan, 'quotas'> & { quotas: ReadonlyArray<{ category: string; places: number }> };

/**
 * Every rule a session's places break. Plan validation (`validatePlan`) refuses every problem
 * found here, so no new plan can promise ordinary citizens less than their share. Selection
 * refuses all but `minimumShareReachable`: an open day already published with such quotas
 * (approved before plan validation used this check, as domain.md's 5/5/5/5 example of 20 places
 * was) must still be served, so its places are filled by quota and the result reports the
 * shortfall instead.
 */
export function allocationPlanProblems(plan: QuotaPlan): AllocationPlanProblem[] {
  return [
    ...capacityProblems(plan),
    ...shareProblems(plan),
    ...quotaProblems(plan),
    ...mediaProblems(plan),
    ...ordinaryQuotaProblems(plan),
  ];
}

export class InvalidAllocationPlanError extends Error {
  constructor(readonly problems: AllocationPlanProblem[]) {
    super(`Invalid allocation plan: ${problems.map((problem) => problem.message).join('; ')}`);
    this.name = 'InvalidAllocationPlanError';
  }
}

export function assertAllocatable(plan: AllocationPlan): void {
  const blocking = allocationPlanProblems(plan).filter((problem) => problem.rule !== 'minimumShareReachable');
  if (blocking.length > 0) throw new InvalidAllocationPlanError(blocking);
}

export function isOutsideQuota(plan: Pick<AllocationPlan, 'mediaOutsideQuota'>, category: string): boolean {
  return plan.mediaOutsideQuota && category === MEDIA;
}

/** The places a category inside the quota may take at most, or null when only the capacity limits it. */
export function quotaFor(plan: Pick<QuotaPlan, 'quotas'>, category: string): number | null {
  if (plan.quotas.length === 0) return null;
  return plan.quotas.find((quota) => quota.category === category)?.places ?? 0;
}

export function ceilingFor(plan: Pick<QuotaPlan, 'quotas' | 'capacity'>, category: string): number {
  return quotaFor(plan, category) ?? plan.capacity;
}

/**
 * Whether the open day takes applicants of this category at all: any category when there are no
 * quotas, media when they come outside the quota, otherwise only a category with a quota of at
 * least one place (a category missing from the quotas has none).
 */
export function offersCategory(plan: Pick<QuotaPlan, 'quotas' | 'mediaOutsideQuota'>, category: string): boolean {
  if (plan.quotas.length === 0 || isOutsideQuota(plan, category)) return true;
  return (quotaFor(plan, category) ?? 0) > 0;
}

/** The minimum share of ordinary citizens in numbers, for one session. */
export interface OrdinaryMinimum {
  /** The most people the session takes: its capacity, or the quotas' sum when that is smaller. */
  fullSession: number;
  /** How many of them must be ordinary citizens: the share of a full session, rounded up. */
  required: number;
  /** The most places ordinary citizens can have: their quota (none when they have no quota), or the capacity without quotas. */
  available: number;
}

/**
 * The one-third rule in numbers. Quotas are ceilings and a category missing from a non-empty
 * quota list has no places, so a session fills to at most the quotas' sum, and ordinary citizens
 * can hold only their own quota of it.
 */
export function ordinaryMinimum(plan: Omit<QuotaPlan, 'mediaPlacesOutsideQuota'>): OrdinaryMinimum {
  const fullSession = plan.quotas.length === 0 ? plan.capacity : Math.min(plan.capacity, quotaTotal(plan));
  return {
    fullSession,
    required: requiredOrdinaryPlaces(plan.minOrdinaryShare, fullSession),
    available: ceilingFor(plan, ORDINARY_CITIZEN),
  };
}

function isValidCapacity(plan: Pick<QuotaPlan, 'capacity'>): boolean {
  return Number.isInteger(plan.capacity) && plan.capacity >= 1;
}

function isValidShare(plan: Pick<QuotaPlan, 'minOrdinaryShare'>): boolean {
  const share = plan.minOrdinaryShare;
  return Number.isFinite(share) && share >= 0 && share <= 1;
}

function quotasAreWhole(plan: Pick<QuotaPlan, 'quotas'>): boolean {
  return plan.quotas.every(({ places }) => Number.isInteger(places) && places >= 0);
}

function capacityProblems(plan: QuotaPlan): AllocationPlanProblem[] {
  if (isValidCapacity(plan)) return [];
  return [{ rule: 'positiveCapacity', message: `Capacity must be a whole number of at least 1, got ${plan.capacity}` }];
}

function shareProblems(plan: QuotaPlan): AllocationPlanProblem[] {
  if (isValidShare(plan)) return [];
  return [{ rule: 'shareRange', message: `The minimum share of ordinary citizens must be from 0 to 1, got ${plan.minOrdinaryShare}` }];
}

function quotaProblems(plan: QuotaPlan): AllocationPlanProblem[] {
  const problems: AllocationPlanProblem[] = [];
  const seen = new Set<string>();
  plan.quotas.forEach(({ category, places }, quota) => {
    if (!Number.isInteger(places) || places < 0) {
      problems.push({ rule: 'wholePlaces', quota, message: `The quota of ${category} must be a whole number of at least 0, got ${places}` });
    }
    if (seen.has(category)) {
      problems.push({ rule: 'uniqueCategories', quota, message: `The quota of ${category} is given more than once` });
    }
    seen.add(category);
  });
  // A capacity or quota that is itself wrong is reported once, not again through its consequences.
  const total = quotaTotal(plan);
  if (isValidCapacity(plan) && quotasAreWhole(plan) && total > plan.capacity) {
    problems.push({ rule: 'quotasWithinCapacity', message: `The quotas add up to ${total} places, more than the capacity of ${plan.capacity}` });
  }
  return problems;
}

function mediaProblems(plan: QuotaPlan): AllocationPlanProblem[] {
  if (!plan.mediaOutsideQuota) return [];
  const problems: AllocationPlanProblem[] = [];
  plan.quotas.forEach(({ category }, quota) => {
    if (category === MEDIA) problems.push({ rule: 'mediaOutsideQuota', quota, message: 'Media come outside the quota, so they cannot have a quota' });
  });
  const places = plan.mediaPlacesOutsideQuota;
  if (!Number.isInteger(places) || places < 0) {
    problems.push({ rule: 'mediaPlacesRange', message: `Media places must be a whole number of at least 0, got ${places}` });
  }
  return problems;
}

/** When every category fills its quota, ordinary citizens must still hold their share. */
function ordinaryQuotaProblems(plan: QuotaPlan): AllocationPlanProblem[] {
  // A share, capacity or quota that is itself wrong is reported once, not again through its consequences.
  if (!isValidShare(plan) || !isValidCapacity(plan) || !quotasAreWhole(plan)) return [];
  const { fullSession, required, available } = ordinaryMinimum(plan);
  if (available >= required) return [];
  return [
    {
      rule: 'minimumShareReachable',
      message:
        `Ordinary citizens have ${available} of ${fullSession} places, fewer than the ${required} ` +
        `that a minimum share of ${percent(plan.minOrdinaryShare)} requires`,
    },
  ];
}

function quotaTotal(plan: Pick<QuotaPlan, 'quotas' | 'mediaOutsideQuota'>): number {
  return plan.quotas
    .filter((quota) => !isOutsideQuota(plan, quota.category))
    .reduce((total, quota) => total + quota.places, 0);
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
