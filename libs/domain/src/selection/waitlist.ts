import { Candidate, Obstacle, obstacleTo, reservationAmong, select, SelectionState } from './selection-state';

export interface SkippedCandidate {
  candidate: Candidate;
  /** What stops the candidate now, which may differ from why they were put on the list. */
  reason: Obstacle['reason'];
}

export interface Promotion {
  state: SelectionState;
  promoted: Candidate | null;
  /** Everyone ahead of the promoted candidate on the list (everyone, if nobody moved up). */
  skipped: SkippedCandidate[];
}

/**
 * A selected candidate withdrew: their place (or media place) frees, and the first on the
 * waiting list who fits the capacity, the quotas and the places reserved for ordinary citizens
 * moves up.
 */
export function promoteFromWaitlist(state: SelectionState, withdrawnApplicationId: string): Promotion {
  const remaining = withoutSelected(state, withdrawnApplicationId);
  return promoteFirstFitting(remaining.arrivalsClosed ? releaseUnclaimable(remaining) : remaining);
}

/**
 * Once no more candidates can arrive, places held for ordinary citizens whom nobody selected,
 * waiting or still to be decided on (the selection group's eligible applicants) can fill are
 * released to the others, so that no place stays empty while someone waits.
 */
export function releaseUnclaimable(state: SelectionState, stillToDecide: readonly Candidate[] = []): SelectionState {
  const known = [...state.selected, ...state.waitlisted.map((entry) => entry.candidate), ...stillToDecide];
  // Never raise it: the others already selected could then hold more than it leaves them.
  const reservedForOrdinary = Math.min(state.reservedForOrdinary, reservationAmong(state.plan, known));
  return { ...state, reservedForOrdinary };
}

export function promoteFirstFitting(state: SelectionState): Promotion {
  const skipped: SkippedCandidate[] = [];
  for (const [index, entry] of state.waitlisted.entries()) {
    const obstacle = obstacleTo(state, entry.candidate);
    if (obstacle === null) {
      const waitlisted = state.waitlisted.filter((_, other) => other !== index);
      return { state: select({ ...state, waitlisted }, entry.candidate).state, promoted: entry.candidate, skipped };
    }
    skipped.push({ candidate: entry.candidate, reason: obstacle.reason });
  }
  return { state, promoted: null, skipped };
}

function withoutSelected(state: SelectionState, applicationId: string): SelectionState {
  const isWithdrawn = (candidate: Candidate) => candidate.applicationId === applicationId;
  if (![...state.selected, ...state.selectedOutsideQuota].some(isWithdrawn)) {
    throw new Error(`Application ${applicationId} is not selected, so its withdrawal frees no place`);
  }
  return {
    ...state,
    selected: state.selected.filter((candidate) => !isWithdrawn(candidate)),
    selectedOutsideQuota: state.selectedOutsideQuota.filter((candidate) => !isWithdrawn(candidate)),
  };
}
