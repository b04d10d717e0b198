/** Raised rather than treating a year without its official schedule as weekdays-only. */
export class UncoveredYearError extends Error {
  constructor(readonly year: number) {
    super(`The working-day calendar has no official schedule for ${year}; add its holidays and adjusted working days first`);
    this.name = 'UncoveredYearError';
  }
}

/** The schedule given to the calendar contradicts itself; `problems` has one line per mistake. */
export class InvalidCalendarDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid working-day calendar data: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarDataError';
  }
}
