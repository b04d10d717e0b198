import { AllocationPlan, assertAllocatable } from './allocation-plan';
import { assertDistinctApplications, Candidate, emptySelection, place, reservationAmong, SelectionState } from './selection-state';
import { OrdinaryShortfall, ordinaryShortfall } from './shortfall';

export interface SelectionResult extends SelectionState {
  /** Null when ordinary citizens hold at least their minimum share of the places taken. */
  shortfall: OrdinaryShortfall | null;
}

/**
 * Fills a session's places from candidates who are all known: in drawn order after a lottery,
 * in the group's ranking when the selection group chooses.
 *
 * The algorithm, the same in every mode (first come uses it one arrival at a time):
 * 1. Reserve places for ordinary citizens: as many as their minimum share of the fullest session
 *    these candidates can make (ceil(share × that size)), but no more than the ordinary citizens
 *    within their quota, so that no place is held for nobody.
 * 2. Walk the candidates in order. Ordinary citizens are selected while their quota and the
 *    capacity allow; everyone else also only while the others stay within capacity − reserved.
 *    Media outside the quota are selected up to their own number and take no place.
 * 3. A candidate who does not fit goes on the waiting list, in order, with what stopped them;
 *    a category with no places rejects its candidates, as nothing freed later could seat them.
 *
 * Hence the capacity and every quota always hold; ordinary citizens get at least the reserved
 * places, which meets their share whenever enough of them applied; the places are filled as far
 * as the candidates allow; and nobody is passed over for someone later in the order unless a
 * quota, the capacity or the reservation stops them. When too few ordinary citizens applied (or
 * their quota is too small), the other places are still filled and the result states the shortfall.
 */
export function allocate(plan: AllocationPlan, candidates: readonly Candidate[]): SelectionResult {
  assertAllocatable(plan);
  assertDistinctApplications(candidates);
  const start = emptySelection(plan, reservationAmong(plan, candidates), true);
  const state = candidates.reduce((current, candidate) => place(current, candidate).state, start);
  return { ...state, shortfall: ordinaryShortfall(state) };
}
