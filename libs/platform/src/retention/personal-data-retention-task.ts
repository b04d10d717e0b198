import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { retentionCutoffDate, type CalendarDate } from '@openday/domain';
import { Clock, ClockModule } from '../clock';
import { SERVICE_CONFIG } from '../messaging';
import { PeriodicTask } from '../timers';
import type { PersonalDataRetentionConfig } from './retention-config';

/** Rows erased per transaction: short locks, and a large backlog is worked off batch by batch. */
export const RETENTION_BATCH_SIZE = 200;

/**
 * A service's erasure of at most `limit` not yet erased rows of open days whose last day is on or
 * before `cutoff`, in the transaction it is given; says how many. Erased rows no longer match, so
 * running it again (or on another replica) changes nothing.
 */
export type RetentionBatch = (manager: EntityManager, cutoff: CalendarDate, limit: number, now: Date) => Promise<number>;

/**
 * The retention loop of one service: every PERSONAL_DATA_RETENTION_INTERVAL_MINUTES it erases, in
 * batches of one transaction each, the personal data of applicants to open days past retention
 * (`retentionCutoffDate`).
 */
export class PersonalDataRetentionTask extends PeriodicTask {
  private readonly log = new Logger(PersonalDataRetentionTask.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly retention: PersonalDataRetentionConfig,
    private readonly eraseBatch: RetentionBatch,
  ) {
    super();
  }

  /** One pass: everything past retention at the clock's now. Returns how many rows were erased. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const cutoff = retentionCutoffDate(now, this.retention.PERSONAL_DATA_RETENTION_DAYS);
    let total = 0;
    for (;;) {
      const erased = await this.dataSource.transaction((manager) => this.eraseBatch(manager, cutoff, RETENTION_BATCH_SIZE, now));
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

@Module({})
export class PersonalDataRetentionModule {
  /** A service's retention loop on its own database and clock (`testNowVariable` shifts it in tests). */
  static erasing(eraseBatch: RetentionBatch, testNowVariable: string): DynamicModule {
    return {
      module: PersonalDataRetentionModule,
      imports: [ClockModule.fromEnvironment(testNowVariable)],
      providers: [
        {
          provide: PersonalDataRetentionTask,
          inject: [getDataSourceToken(), Clock, SERVICE_CONFIG],
          useFactory: (dataSource: DataSource, clock: Clock, config: PersonalDataRetentionConfig) =>
            new PersonalDataRetentionTask(dataSource, clock, config, eraseBatch),
        },
      ],
    };
  }
}
