import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SelectionService } from '../selection-runs/selection.service';
import { VETTING_SETTINGS, type VettingSettings } from '../selection-runs/records';
import { sessionsWithSettledArrivals, startSettleWindows } from './awaiting-arrivals';

/**
 * Decides first-come arrivals whose settle window is over, a session per transaction under its
 * lock, so replicas deciding side by side take turns and each arrival is decided once.
 */
@Injectable()
export class ArrivalDecider {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly selection: SelectionService,
    @Inject(VETTING_SETTINGS) private readonly settings: VettingSettings,
  ) {}

  /** Answers how many arrivals it decided. */
  async decideSettled(maxSessions = 50): Promise<number> {
    await startSettleWindows(this.dataSource.manager, this.settings.firstComeSettleMs);
    let decided = 0;
    for (const sessionId of await sessionsWithSettledArrivals(this.dataSource.manager, maxSessions)) {
      decided += await this.dataSource.transaction((manager) => this.selection.decideArrivals(manager, sessionId));
    }
    return decided;
  }
}
