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

export type AllocationPlanRule =
  | 'capacity'
  | 'min-ordinary-share'
  | 'quota-places'
  | 'quota-category-repeated'
  | 'quotas-exceed-capacity'
  | 'media-quota-while-outside-quota'
  | 'media-places-outside-quota'
  | 'ordinary-quota-below-minimum-share';

export interface AllocationPlanProblem {
  rule: AllocationPlanRule;
  message: string;
}

/**
 * Plan validation refuses every problem found here, so no new plan can promise ordinary citizens
 * less than their share. Selection refuses all but `ordinary-quota-below-minimum-share`: an open
 * day already published with such quotas (approved before this check, as domain.md's 5/5/5/5
 * example of 20 places would have been) must still be served, so its places are filled by quota
 * and the result reports the shortfall instead.
 */
export function allocationPlanProblems(plan: AllocationPlan): AllocationPlanProblem[] {
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
  const blocking = allocationPlanProblems(plan).filter((problem) => problem.rule !== 'ordinary-quota-below-minimum-share');
  if (blocking.length > 0) throw new InvalidAllocationPlanError(blocking);
}

export function isOutsideQuota(plan: AllocationPlan, category: SelectionCategory): boolean {
  return plan.mediaOutsideQuota && category === MEDIA;
}

/** The places a category inside the quota may take at most, or null when only the capacity limits it. */
export function quotaFor(plan: AllocationPlan, category: SelectionCategory): number | null {
  if (plan.quotas.length === 0) return null;
  return plan.quotas.find((quota) => quota.category === category)?.places ?? 0;
}

export function ceilingFor(plan: AllocationPlan, category: SelectionCategory): number {
  return quotaFor(plan, category) ?? plan.capacity;
}

function capacityProblems(plan: AllocationPlan): AllocationPlanProblem[] {
  if (Number.isInteger(plan.capacity) && plan.capacity >= 1) return [];
  return [{ rule: 'capacity', message: `Capacity must be a whole number of at least 1, got ${plan.capacity}` }];
}

function shareProblems(plan: AllocationPlan): AllocationPlanProblem[] {
  const share = plan.minOrdinaryShare;
  if (Number.isFinite(share) && share >= 0 && share <= 1) return [];
  return [{ rule: 'min-ordinary-share', message: `The minimum share of ordinary citizens must be from 0 to 1, got ${share}` }];
}

function quotaProblems(plan: AllocationPlan): AllocationPlanProblem[] {
  const problems: AllocationPlanProblem[] = [];
  const seen = new Set<SelectionCategory>();
  for (const { category, places } of plan.quotas) {
    if (!Number.isInteger(places) || places < 0) {
      problems.push({ rule: 'quota-places', message: `The quota of ${category} must be a whole number of at least 0, got ${places}` });
    }
    if (seen.has(category)) {
      problems.push({ rule: 'quota-category-repeated', message: `The quota of ${category} is given more than once` });
    }
    seen.add(category);
  }
  const total = quotaTotal(plan);
  if (total > plan.capacity) {
    problems.push({ rule: 'quotas-exceed-capacity', message: `The quotas add up to ${total} places, more than the capacity of ${plan.capacity}` });
  }
  return problems;
}

function mediaProblems(plan: AllocationPlan): AllocationPlanProblem[] {
  if (!plan.mediaOutsideQuota) return [];
  const problems: AllocationPlanProblem[] = [];
  if (plan.quotas.some((quota) => quota.category === MEDIA)) {
    problems.push({ rule: 'media-quota-while-outside-quota', message: 'Media come outside the quota, so they cannot have a quota' });
  }
  const places = plan.mediaPlacesOutsideQuota;
  if (!Number.isInteger(places) || places < 0) {
    problems.push({ rule: 'media-places-outside-quota', message: `Media places must be a whole number of at least 0, got ${places}` });
  }
  return problems;
}

/** When every category fills its quota, ordinary citizens must still hold their share. */
function ordinaryQuotaProblems(plan: AllocationPlan): AllocationPlanProblem[] {
  // A share that is itself wrong is reported once, not again through its consequences.
  if (shareProblems(plan).length > 0) return [];
  const fullSession = plan.quotas.length === 0 ? plan.capacity : Math.min(plan.capacity, quotaTotal(plan));
  const required = requiredOrdinaryPlaces(plan.minOrdinaryShare, fullSession);
  const ordinaryPlaces = ceilingFor(plan, ORDINARY_CITIZEN);
  if (ordinaryPlaces >= required) return [];
  return [
    {
      rule: 'ordinary-quota-below-minimum-share',
      message:
        `Ordinary citizens have ${ordinaryPlaces} of ${fullSession} places, fewer than the ${required} ` +
        `that a minimum share of ${percent(plan.minOrdinaryShare)} requires`,
    },
  ];
}

function quotaTotal(plan: AllocationPlan): number {
  return plan.quotas
    .filter((quota) => !isOutsideQuota(plan, quota.category))
    .reduce((total, quota) => total + quota.places, 0);
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
