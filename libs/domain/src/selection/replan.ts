import { AllocationPlan, assertAllocatable } from './allocation-plan';
import { Candidate, obstacleTo, openReservation, reservationAmong, Rejection, SelectionState, WaitlistEntry } from './selection-state';
import { promoteFirstFitting } from './waitlist';

export interface Replanned {
  state: SelectionState;
  /** Who moved up from the waiting list, in order. */
  promoted: Candidate[];
  /** Places taken beyond the new capacity: everyone selected stays, so a lowered capacity can leave the session over it. */
  overCapacity: number;
}

/**
 * A published session's plan changed (its capacity, the quotas or the minimum share of ordinary
 * citizens). Nobody selected is ever dropped, even when the new capacity or a quota is below
 * what they already take: nobody moves up until places free below the new limits. Otherwise the
 * waiting list moves up in order, the first who fits each freed place, as after a withdrawal; those
 * waiting in a category the new plan gives no places are rejected, as nothing freed could seat them.
 * `undecided` are eligible candidates outside the state (the selection group's still to choose),
 * counted for the places kept for ordinary citizens once arrivals are closed.
 */
export function replan(state: SelectionState, plan: AllocationPlan, undecided: readonly Candidate[] = []): Replanned {
  assertAllocatable(plan);
  const known = [...state.selected, ...state.waitlisted.map((entry) => entry.candidate), ...undecided];
  const reservedForOrdinary = state.arrivalsClosed ? reservationAmong(plan, known) : openReservation(plan);
  let current = rejectUnseatable({ ...state, plan, reservedForOrdinary });
  const promoted: Candidate[] = [];
  for (;;) {
    const next = promoteFirstFitting(current);
    if (!next.promoted) break;
    current = next.state;
    promoted.push(next.promoted);
  }
  return { state: current, promoted, overCapacity: Math.max(0, current.selected.length - plan.capacity) };
}

function rejectUnseatable(state: SelectionState): SelectionState {
  const waitlisted: WaitlistEntry[] = [];
  const rejected: Rejection[] = [...state.rejected];
  for (const entry of state.waitlisted) {
    const obstacle = obstacleTo(state, entry.candidate);
    if (obstacle?.kind === 'reject') rejected.push({ candidate: entry.candidate, reason: obstacle.reason });
    else waitlisted.push(entry);
  }
  return { ...state, waitlisted, rejected };
}

/**
 * The agency gave up these selected people's places to lower the capacity: they leave and nobody
 * moves up into their places (replan then decides whether the new capacity frees any).
 */
export function release(state: SelectionState, applicationIds: readonly string[]): SelectionState {
  const leaving = (candidate: Candidate) => applicationIds.includes(candidate.applicationId);
  return { ...state, selected: state.selected.filter((c) => !leaving(c)), selectedOutsideQuota: state.selectedOutsideQuota.filter((c) => !leaving(c)) };
}
