/** How an open day fills its places (the contracts' SELECTION_MODES carry the same names on the wire). */
export const SELECTION_MODES = ['first-come', 'lottery', 'selection-group'] as const;
export type PlacesSelectionMode = (typeof SELECTION_MODES)[number];

export function isSelectionMode(value: string): value is PlacesSelectionMode {
  return (SELECTION_MODES as readonly string[]).includes(value);
}

/** What is known of one session's take-up. */
export interface SessionTakeUp {
  /** The session's capacity. */
  places: number;
  /** People who applied for the session and have not withdrawn (each member of a group counts). */
  applied: number;
  /** Of those, the people selected so far. */
  selected: number;
}

/**
 * The places a citizen may still hope for, as the public portal shows them;
 * null when the open day has no selection mode (published without a plan), so
 * nothing honest can be said.
 *
 * - first-come: vetting decides each application as it arrives, so every
 *   selection takes a place: places − selected.
 * - lottery and selection-group: applying takes no place, the draw or the
 *   review decides after the window closes. Left is what applications have not
 *   yet asked for, places − applied: above 0, every eligible applicant fits
 *   without a draw; at 0 applications are still taken, and `applied` against
 *   `places` tells the odds.
 *
 * Never below 0: selections and applications beyond the places (waiting lists,
 * places outside the quota) leave none, not a negative number.
 */
export function placesLeft(mode: PlacesSelectionMode | null, takeUp: SessionTakeUp): number | null {
  if (mode === null) return null;
  const taken = mode === 'first-come' ? takeUp.selected : takeUp.applied;
  return Math.max(0, takeUp.places - taken);
}

/** An open day's total over its sessions: unknown when any session's is, or when there are none to count. */
export function totalPlacesLeft(sessions: Array<number | null>): number | null {
  if (sessions.length === 0) return null;
  let total = 0;
  for (const left of sessions) {
    if (left === null) return null;
    total += left;
  }
  return total;
}
