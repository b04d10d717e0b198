/** A session's roster counts (by ticket status) as the door reads them. */
export interface RosterCounts {
  /** Tickets not used yet (status `issued`). */
  issued: number;
  checkedIn: number;
  noShow: number;
  revoked: number;
}

export interface RosterFigures {
  /** Checked in so far. */
  checkedIn: number;
  /** Everyone holding a valid ticket: checked in, still to come, or recorded as a no-show. */
  expected: number;
  /** Still to come. */
  waiting: number;
  noShow: number;
  revoked: number;
  /** Whole per cent of the expected who are in; null when nobody is expected. */
  percentIn: number | null;
}

export function rosterFigures(counts: RosterCounts): RosterFigures {
  const expected = counts.issued + counts.checkedIn + counts.noShow;
  return {
    checkedIn: counts.checkedIn,
    expected,
    waiting: counts.issued,
    noShow: counts.noShow,
    revoked: counts.revoked,
    percentIn: expected === 0 ? null : Math.floor((counts.checkedIn * 100) / expected),
  };
}
