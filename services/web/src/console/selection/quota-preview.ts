/**
 * The preview before the draw: how a session's places will fill with the applicants as they
 * stand, by the allocation rule vetting applies in every mode (services/vetting/src/selection:
 * allocate, reservationFor, ordinaryShortfall). That rule lives in the vetting service, which the
 * browser cannot load, so its arithmetic is restated here and tested against the same cases.
 *
 * What the rule fixes whatever the drawn order: the places taken, the places left empty, the
 * places kept for ordinary citizens and whether their minimum share is met. How many of each
 * category are chosen is fixed too when the plan has quotas (they add up to at most the
 * capacity); with no quotas the order decides within a range, given as least and most.
 */
import type { components } from '../../api/schema';

export type Category = components['schemas']['QuotaDto']['category'];

export const CATEGORIES: readonly Category[] = ['ordinary-citizen', 'congress-deputy', 'cppcc-member', 'party-member', 'village-cadre', 'enterprise', 'media', 'other'];
const ORDINARY: Category = 'ordinary-citizen';
const MEDIA: Category = 'media';

/** The applicants still in the running: screened in and not rejected or withdrawn. */
export const IN_THE_RUNNING = ['eligible', 'selected', 'waitlisted'] as const;

export interface PreviewRules {
  capacity: number;
  /** Empty: only the capacity limits each category; otherwise a category not listed has no places. */
  quotas: readonly { category: Category; places: number }[];
  /** e.g. 1/3; null (not stated) counts as no minimum. */
  minOrdinaryShare: number | null;
  /** Media outside the quota take no place (null: not stated, so inside). */
  mediaOutsideQuota: boolean | null;
}

export interface CategoryFill {
  category: Category;
  /** The category's quota, or null when only the capacity limits it. */
  quota: number | null;
  applicants: number;
  /** How many of them the places allow, at least and at most; null for media outside the quota. */
  fill: { least: number; most: number } | null;
  /** A quota of 0: these applicants are rejected, as nothing could seat them. */
  noPlaces: boolean;
}

export type ShortfallCause = 'ordinary-quota-below-minimum-share' | 'not-enough-ordinary-candidates';

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

// Shares such as 1/3 are not exact in floating point: products this close to a whole number count as it (as vetting does).
const ROUNDING_TOLERANCE = 1e-9;

/** How many of `placesTaken` ordinary citizens must hold so that they have at least `minShare` of them. */
export function requiredOrdinaryPlaces(minShare: number, placesTaken: number): number {
  return Math.max(0, Math.ceil(minShare * placesTaken - ROUNDING_TOLERANCE));
}

/** Applicants in the running per category, from the applicants' table rows of one session. */
export function applicantsByCategory(
  applicants: readonly { sessionId: string; category: Category; status: string }[],
  sessionId: string,
): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  for (const applicant of applicants) {
    if (applicant.sessionId === sessionId && (IN_THE_RUNNING as readonly string[]).includes(applicant.status)) counts[applicant.category] += 1;
  }
  return counts;
}

export function previewFill(rules: PreviewRules, applicants: Partial<Record<Category, number>>): SessionPreview {
  const { capacity } = rules;
  const share = rules.minOrdinaryShare ?? 0;
  const outside = (category: Category) => rules.mediaOutsideQuota === true && category === MEDIA;
  const quota = (category: Category): number | null => (rules.quotas.length === 0 ? null : (rules.quotas.find((q) => q.category === category)?.places ?? 0));
  const count = (category: Category) => applicants[category] ?? 0;
  const available = (category: Category) => Math.min(count(category), quota(category) ?? capacity);

  const others = CATEGORIES.filter((category) => category !== ORDINARY && !outside(category));
  const ordinary = available(ORDINARY);
  const othersAvailable = others.reduce((total, category) => total + available(category), 0);
  // As many places as the minimum share of the fullest session these applicants can make, never more than ordinary citizens can take.
  const reservedForOrdinary = Math.min(ordinary, requiredOrdinaryPlaces(share, Math.min(capacity, ordinary + othersAvailable)));
  const othersMost = Math.min(othersAvailable, capacity - reservedForOrdinary);
  const placesTaken = Math.min(capacity, ordinary + othersMost);
  const ordinaryMost = Math.min(ordinary, placesTaken);
  const othersLeast = placesTaken - ordinaryMost;
  const requiredOrdinary = requiredOrdinaryPlaces(share, placesTaken);
  // Ordinary citizens get at least the reserved places, so the share fails only when too few of them can be chosen.
  const ordinaryShareMet = ordinary >= requiredOrdinary;

  const shown = CATEGORIES.filter((category) => category === ORDINARY || count(category) > 0 || (quota(category) ?? 0) > 0);
  const categories = shown.map((category): CategoryFill => {
    if (outside(category)) return { category, quota: null, applicants: count(category), fill: null, noPlaces: false };
    const fill =
      category === ORDINARY
        ? { least: placesTaken - othersMost, most: ordinaryMost }
        : { least: Math.max(0, othersLeast - (othersAvailable - available(category))), most: Math.min(available(category), othersMost) };
    return { category, quota: quota(category), applicants: count(category), fill, noPlaces: quota(category) === 0 };
  });

  return {
    capacity,
    placesTaken,
    emptyPlaces: capacity - placesTaken,
    reservedForOrdinary,
    requiredOrdinary,
    ordinaryShareMet,
    shortfallCause: ordinaryShareMet ? null : count(ORDINARY) >= (quota(ORDINARY) ?? capacity) ? 'ordinary-quota-below-minimum-share' : 'not-enough-ordinary-candidates',
    categories,
  };
}
