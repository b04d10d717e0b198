import { Module, type DynamicModule } from '@nestjs/common';

/**
 * The time as a service sees it: filing decisions, timers, deadlines and
 * "open now" ask it, never `new Date()` directly, so tests can put a service
 * on any date.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Starts at a given instant and runs on from there at the real pace, so timers still fall due. */
export class ShiftedClock extends Clock {
  private readonly offsetMs: number;

  constructor(
    startsAt: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    super();
    this.offsetMs = startsAt.getTime() - realNow();
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }
}

/** Stands still until told otherwise; for tests that walk a plan through the calendar. */
export class ManualClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

/**
 * TEST ONLY: e.g. `SCHEDULING_TEST_NOW=2026-09-29T09:00:00+08:00` starts the
 * clock at that instant, honoured only when `NODE_ENV=test` (jest sets it; the
 * end-to-end tests pass it to the process), so a deployment can never run on a
 * shifted clock by accident. Anything else is the system clock.
 */
export function clockFromEnvironment(variable: string, env: NodeJS.ProcessEnv = process.env): Clock {
  const shifted = env[variable];
  if (env.NODE_ENV === 'test' && shifted) {
    const startsAt = new Date(shifted);
    if (Number.isNaN(startsAt.getTime())) throw new Error(`${variable} must be an ISO 8601 date-time (got ${JSON.stringify(shifted)})`);
    return new ShiftedClock(startsAt);
  }
  return new SystemClock();
}

@Module({})
export class ClockModule {
  /** `testNowVariable` names the test-only variable that may shift this service's clock. */
  static fromEnvironment(testNowVariable: string): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useFactory: () => clockFromEnvironment(testNowVariable) }],
      exports: [Clock],
    };
  }
}
