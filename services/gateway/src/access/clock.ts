/**
 * What time it is, injectable: every time rule in the gateway (token lifetimes,
 * sign-in code expiry and resend limits, idempotency keys) asks the clock, so a
 * test can substitute one it controls.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock a test sets and moves. */
export class FixedClock extends Clock {
  constructor(private current: Date = new Date('2026-11-20T08:00:00.000Z')) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = new Date(to.getTime());
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
