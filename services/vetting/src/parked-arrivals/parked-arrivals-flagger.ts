import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@openday/platform';
import { claimOverdue, markFlagged } from './parked-arrivals';

/**
 * The timer of parked applications: one still waiting for its session after
 * PARKED_ARRIVAL_FLAG_AFTER_MINUTES is flagged to the city office, once, and shows in the
 * flagged-applications listing; it stays parked and is still decided if its session comes.
 * ApplicationFlaggedV1 is not published for it: that event states that the 2-working-day answer
 * rule was broken after registration closed, and names the agency and closing time, which vetting
 * may not even know for an application whose open day it has never seen.
 */
@Injectable()
export class ParkedArrivalsFlagger {
  private readonly logger = new Logger(ParkedArrivalsFlagger.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Flags what has waited too long; answers how many. */
  async flagOverdue(max = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const at = this.clock.now();
      const overdue = await claimOverdue(manager, at, max);
      for (const arrival of overdue) {
        await markFlagged(manager, arrival.submitted.personId, at);
        this.logger.warn(
          `application ${arrival.submitted.applicationId} has waited since before ${arrival.flagDueAt.toISOString()} for session ${arrival.submitted.sessionId} ` +
            `of open day ${arrival.submitted.openDayId}, which vetting does not know; flagged to the city office`,
        );
      }
      return overdue.length;
    });
  }
}
