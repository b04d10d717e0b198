import { SELECTION_CATEGORIES, SelectionCategory } from './categories';
import { AllocationPlan, ceilingFor, isOutsideQuota, offersCategory, ORDINARY_CITIZEN, quotaFor } from './allocation-plan';
import { requiredOrdinaryPlaces } from './ordinary-share';

/** An eligible application, as selection sees it. */
export interface Candidate {
  applicationId: string;
  category: SelectionCategory;
}

export type WaitlistReason = 'category-quota-full' | 'capacity-full' | 'reserved-for-ordinary-citizens' | 'media-places-full';
/** Nothing that frees later can give these candidates a place. */
export type RejectionReason = 'no-places-for-category';

export interface WaitlistEntry {
  candidate: Candidate;
  /** Why the candidate was not selected when put on the list. */
  reason: WaitlistReason;
}

export interface Rejection {
  candidate: Candidate;
  reason: RejectionReason;
}

export interface SelectionState {
  plan: AllocationPlan;
  /** Places that candidates other than ordinary citizens may not take. */
  reservedForOrdinary: number;
  /** Set once no more candidates can arrive; from then on, places nobody known can claim are no longer held. */
  arrivalsClosed: boolean;
  /** In the order they were selected; they take the places. */
  selected: readonly Candidate[];
  /** Media selected outside the quota: they take no place. */
  selectedOutsideQuota: readonly Candidate[];
  /** In order: the first who fits moves up when a place frees. */
  waitlisted: readonly WaitlistEntry[];
  rejected: readonly Rejection[];
}

export function emptySelection(plan: AllocationPlan, reservedForOrdinary: number, arrivalsClosed: boolean): SelectionState {
  return { plan, reservedForOrdinary, arrivalsClosed, selected: [], selectedOutsideQuota: [], waitlisted: [], rejected: [] };
}

export type Obstacle = { kind: 'waitlist'; reason: WaitlistReason } | { kind: 'reject'; reason: RejectionReason };

export type Decision =
  | { outcome: 'selected' }
  | { outcome: 'selected-outside-quota' }
  | { outcome: 'waitlisted'; reason: WaitlistReason }
  | { outcome: 'rejected'; reason: RejectionReason };

/**
 * What stops `candidate` from being selected now, or null if nothing does. Ordinary citizens are
 * held back only by their quota and the capacity; everyone else also by the places reserved for
 * ordinary citizens.
 */
export function obstacleTo(state: SelectionState, candidate: Candidate): Obstacle | null {
  const { plan } = state;
  if (isOutsideQuota(plan, candidate.category)) return mediaObstacle(state);

  if (!offersCategory(plan, candidate.category)) return { kind: 'reject', reason: 'no-places-for-category' };
  const quota = quotaFor(plan, candidate.category);
  if (quota !== null && selectedIn(state, candidate.category) >= quota) return { kind: 'waitlist', reason: 'category-quota-full' };
  if (state.selected.length >= plan.capacity) return { kind: 'waitlist', reason: 'capacity-full' };
  if (candidate.category !== ORDINARY_CITIZEN && selectedOthers(state) >= plan.capacity - state.reservedForOrdinary) {
    return { kind: 'waitlist', reason: 'reserved-for-ordinary-citizens' };
  }
  return null;
}

/** Selects, waitlists or rejects `candidate`, whichever the state allows now. */
export function place(state: SelectionState, candidate: Candidate): { state: SelectionState; decision: Decision } {
  const obstacle = obstacleTo(state, candidate);
  if (obstacle?.kind === 'reject') {
    return {
      state: { ...state, rejected: [...state.rejected, { candidate, reason: obstacle.reason }] },
      decision: { outcome: 'rejected', reason: obstacle.reason },
    };
  }
  if (obstacle?.kind === 'waitlist') {
    return {
      state: { ...state, waitlisted: [...state.waitlisted, { candidate, reason: obstacle.reason }] },
      decision: { outcome: 'waitlisted', reason: obstacle.reason },
    };
  }
  return select(state, candidate);
}

export function select(state: SelectionState, candidate: Candidate): { state: SelectionState; decision: Decision } {
  if (isOutsideQuota(state.plan, candidate.category)) {
    return {
      state: { ...state, selectedOutsideQuota: [...state.selectedOutsideQuota, candidate] },
      decision: { outcome: 'selected-outside-quota' },
    };
  }
  return { state: { ...state, selected: [...state.selected, candidate] }, decision: { outcome: 'selected' } };
}

/**
 * The places to keep for ordinary citizens: as many as their minimum share of a full session
 * needs, but never more than the ordinary citizens who can come could take, since a place held
 * for nobody helps nobody. `available` says how many of a category may come, at most.
 */
export function reservationFor(plan: AllocationPlan, available: (category: SelectionCategory) => number): number {
  const ordinary = Math.min(available(ORDINARY_CITIZEN), ceilingFor(plan, ORDINARY_CITIZEN));
  const others = categoriesInsideQuota(plan)
    .filter((category) => category !== ORDINARY_CITIZEN)
    .reduce((total, category) => total + Math.min(available(category), ceilingFor(plan, category)), 0);
  const fullSession = Math.min(plan.capacity, ordinary + others);
  return Math.min(ordinary, requiredOrdinaryPlaces(plan.minOrdinaryShare, fullSession));
}

/** The reservation for candidates still to come, of whom any number may be ordinary citizens. */
export function openReservation(plan: AllocationPlan): number {
  return reservationFor(plan, () => plan.capacity);
}

/** The reservation when these are all the candidates there will be. */
export function reservationAmong(plan: AllocationPlan, candidates: readonly Candidate[]): number {
  return reservationFor(plan, (category) => candidates.filter((candidate) => candidate.category === category).length);
}

export function isKnown(state: SelectionState, applicationId: string): boolean {
  const hasId = (candidate: Candidate) => candidate.applicationId === applicationId;
  return (
    state.selected.some(hasId) ||
    state.selectedOutsideQuota.some(hasId) ||
    state.waitlisted.some((entry) => hasId(entry.candidate)) ||
    state.rejected.some((rejection) => hasId(rejection.candidate))
  );
}

export function assertDistinctApplications(candidates: readonly { applicationId: string }[]): void {
  const seen = new Set<string>();
  for (const { applicationId } of candidates) {
    if (seen.has(applicationId)) throw new Error(`Application ${applicationId} is listed more than once`);
    seen.add(applicationId);
  }
}

export function selectedIn(state: SelectionState, category: SelectionCategory): number {
  return state.selected.filter((candidate) => candidate.category === category).length;
}

function selectedOthers(state: SelectionState): number {
  return state.selected.length - selectedIn(state, ORDINARY_CITIZEN);
}

function mediaObstacle(state: SelectionState): Obstacle | null {
  const places = state.plan.mediaPlacesOutsideQuota;
  if (places === 0) return { kind: 'reject', reason: 'no-places-for-category' };
  if (state.selectedOutsideQuota.length >= places) return { kind: 'waitlist', reason: 'media-places-full' };
  return null;
}

function categoriesInsideQuota(plan: AllocationPlan): SelectionCategory[] {
  return SELECTION_CATEGORIES.filter((category) => !isOutsideQuota(plan, category));
}
