/**
 * The preview before the draw: how a session's places will fill with the applicants as they
 * stand, computed by the allocation rule itself (libs/domain selection: allocate), the one
 * vetting applies in every mode.
 *
 * What the rule fixes whatever the drawn order: the places taken, the places left empty, the
 * places kept for ordinary citizens and whether their minimum share is met. How many of each
 * category are chosen may still depend on the order when the plan has no quotas, so each
 * category's range comes from the two orders that favour it most and least: it drawn first,
 * and drawn last.
 */
import {
  allocate,
  ceilingFor,
  isOutsideQuota,
  ORDINARY_CITIZEN,
  quotaFor,
  requiredOrdinaryPlaces,
  SELECTION_CATEGORIES,
  type AllocationPlan,
  type Candidate,
  type OrdinaryShortfall,
  type SelectionCategory,
  type SelectionResult,
} from '@openday/domain/selection';

/** The applicants still in the running: screened in and not rejected or withdrawn. */
export const IN_THE_RUNNING = ['eligible', 'selected', 'waitlisted'] as const;

export interface PreviewRules {
  capacity: number;
  /** Empty: only the capacity limits each category; otherwise a category not listed has no places. */
  quotas: readonly { category: SelectionCategory; places: number }[];
  /** e.g. 1/3; null (not stated) counts as no minimum. */
  minOrdinaryShare: number | null;
  /** Media outside the quota take no place (null: not stated, so inside). */
  mediaOutsideQuota: boolean | null;
}

export interface CategoryFill {
  category: SelectionCategory;
  /** The category's quota, or null when only the capacity limits it. */
  quota: number | null;
  applicants: number;
  /** How many of them the places allow, at least and at most; null for media outside the quota. */
  fill: { least: number; most: number } | null;
  /** A quota of 0: these applicants are rejected, as nothing could seat them. */
  noPlaces: boolean;
}

export type ShortfallCause = OrdinaryShortfall['cause'];

export interface SessionPreview {
  capacity: number;
  placesTaken: number;
  emptyPlaces: number;
  /** Places other categories may not take, kept for ordinary citizens. */
  reservedForOrdinary: number;
  /** Ordinary citizens the minimum share asks for among the places taken. */
  requiredOrdinary: number;
  ordinaryShareMet: boolean;
  shortfallCause: ShortfallCause | null;
  categories: CategoryFill[];
}

/** Applicants in the running per category, from the applicants' table rows of one session. */
export function applicantsByCategory(
  applicants: readonly { sessionId: string; category: SelectionCategory; status: string }[],
  sessionId: string,
): Record<SelectionCategory, number> {
  const counts = Object.fromEntries(SELECTION_CATEGORIES.map((category) => [category, 0])) as Record<SelectionCategory, number>;
  for (const applicant of applicants) {
    if (applicant.sessionId === sessionId && (IN_THE_RUNNING as readonly string[]).includes(applicant.status)) counts[applicant.category] += 1;
  }
  return counts;
}

export function previewFill(rules: PreviewRules, applicants: Partial<Record<SelectionCategory, number>>): SessionPreview {
  const plan: AllocationPlan = {
    capacity: rules.capacity,
    quotas: rules.quotas,
    minOrdinaryShare: rules.minOrdinaryShare ?? 0,
    mediaOutsideQuota: rules.mediaOutsideQuota === true,
    // Media outside the quota take no place, so they change nothing the preview shows; they are left out of the draws.
    mediaPlacesOutsideQuota: 0,
  };
  const count = (category: SelectionCategory) => applicants[category] ?? 0;
  const insideQuota = SELECTION_CATEGORIES.filter((category) => !isOutsideQuota(plan, category));
  const drawnInOrder = (order: readonly SelectionCategory[]) => allocate(plan, order.flatMap((category) => candidatesOf(plan, category, count(category))));
  const drawnFirst = (category: SelectionCategory) => drawnInOrder([category, ...insideQuota.filter((other) => other !== category)]);
  const drawnLast = (category: SelectionCategory) => drawnInOrder([...insideQuota.filter((other) => other !== category), category]);

  const outcome = drawnLast(ORDINARY_CITIZEN);
  const placesTaken = outcome.selected.length;

  const shown = SELECTION_CATEGORIES.filter((category) => category === ORDINARY_CITIZEN || count(category) > 0 || (quotaFor(plan, category) ?? 0) > 0);
  const categories = shown.map((category): CategoryFill => {
    if (isOutsideQuota(plan, category)) return { category, quota: null, applicants: count(category), fill: null, noPlaces: false };
    const quota = quotaFor(plan, category);
    const fill = { least: chosenIn(drawnLast(category), category), most: chosenIn(drawnFirst(category), category) };
    return { category, quota, applicants: count(category), fill, noPlaces: quota === 0 };
  });

  return {
    capacity: plan.capacity,
    placesTaken,
    emptyPlaces: plan.capacity - placesTaken,
    reservedForOrdinary: outcome.reservedForOrdinary,
    requiredOrdinary: requiredOrdinaryPlaces(plan.minOrdinaryShare, placesTaken),
    ordinaryShareMet: outcome.shortfall === null,
    shortfallCause: outcome.shortfall?.cause ?? null,
    categories,
  };
}

/**
 * `count` applicants of one category, drawn one after another. Those beyond the category's
 * ceiling can never be chosen, so they are left out: the outcome is the same and the preview
 * stays quick for thousands of applicants.
 */
function candidatesOf(plan: AllocationPlan, category: SelectionCategory, count: number): Candidate[] {
  return Array.from({ length: Math.min(count, ceilingFor(plan, category)) }, (_, index) => ({ applicationId: `${category}-${index + 1}`, category }));
}

function chosenIn(result: SelectionResult, category: SelectionCategory): number {
  return result.selected.filter((candidate) => candidate.category === category).length;
}
