import { AllocationPlan, assertAllocatable } from './allocation-plan';
import { Candidate, Decision, emptySelection, isKnown, openReservation, place, SelectionState } from './selection-state';
import { promoteFirstFitting, releaseUnclaimable } from './waitlist';

/**
 * A first-come selection before anyone arrives. Nobody knows yet how many ordinary citizens
 * will come, so the places their share of a full session needs are held for them from the start.
 */
export function openSelection(plan: AllocationPlan): SelectionState {
  assertAllocatable(plan);
  return emptySelection(plan, openReservation(plan), false);
}

/**
 * Decides at once on one eligible candidate, under the same rules as `allocate`, so the service
 * can decide inside the transaction that records the application.
 */
export function decideOnArrival(state: SelectionState, candidate: Candidate): { state: SelectionState; decision: Decision } {
  if (state.arrivalsClosed) throw new Error(`Arrivals are closed; application ${candidate.applicationId} came too late`);
  if (isKnown(state, candidate.applicationId)) throw new Error(`Application ${candidate.applicationId} was already decided`);
  return place(state, candidate);
}

/**
 * Registration closed: places held for ordinary citizens who never came go to the waiting list,
 * in order. The outcome is then the one `allocate` gives for the same candidates in arrival order.
 */
export function closeArrivals(state: SelectionState): { state: SelectionState; promoted: Candidate[] } {
  let current = releaseUnclaimable({ ...state, arrivalsClosed: true });
  const promoted: Candidate[] = [];
  for (;;) {
    const next = promoteFirstFitting(current);
    if (!next.promoted) return { state: current, promoted };
    current = next.state;
    promoted.push(next.promoted);
  }
}
