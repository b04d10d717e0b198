import { Logger } from '@nestjs/common';
import { retentionCutoffDate, type CalendarDate } from '@openday/domain';
import type { Clock } from '../clock';
import { PeriodicTask } from '../timers';
import type { PersonalDataRetentionConfig } from './retention-config';

/** Rows erased per transaction: short locks, and a large backlog is worked off batch by batch. */
export const RETENTION_BATCH_SIZE = 200;

/**
 * The retention loop of one service: every PERSONAL_DATA_RETENTION_INTERVAL_MINUTES it erases, in
 * batches, the personal data of applicants to open days whose last day is on or before the cutoff
 * (`retentionCutoffDate`). `eraseBatch` erases at most `limit` not yet erased rows and says how
 * many; erased rows no longer match, so running it again (or on another replica) changes nothing.
 */
export abstract class PersonalDataRetentionTask extends PeriodicTask {
  private readonly log = new Logger(this.constructor.name);

  protected constructor(
    protected readonly clock: Clock,
    private readonly retention: PersonalDataRetentionConfig,
  ) {
    super();
  }

  protected abstract eraseBatch(cutoff: CalendarDate, limit: number): Promise<number>;

  /** One pass: everything past retention at the clock's now. Returns how many rows were erased. */
  async runOnce(): Promise<number> {
    const cutoff = retentionCutoffDate(this.clock.now(), this.retention.PERSONAL_DATA_RETENTION_DAYS);
    let total = 0;
    for (;;) {
      const erased = await this.eraseBatch(cutoff, RETENTION_BATCH_SIZE);
      total += erased;
      if (erased < RETENTION_BATCH_SIZE) break;
    }
    if (total > 0) this.log.log(`erased the personal data of ${total} rows of open days that ended on or before ${cutoff}`);
    return total;
  }

  protected tick(): Promise<number> {
    return this.runOnce();
  }

  protected intervalMs(): number {
    return this.retention.PERSONAL_DATA_RETENTION_INTERVAL_MINUTES * 60_000;
  }
}
