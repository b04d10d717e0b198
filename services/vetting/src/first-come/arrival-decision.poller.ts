import { Inject, Injectable } from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@openday/platform';
import type { VettingConfig } from '../vetting.config';
import { ArrivalDecider } from './arrival-decider';

/** Runs ArrivalDecider.decideSettled every FIRST_COME_DECIDE_POLL_MS in each replica. */
@Injectable()
export class ArrivalDecisionPoller extends PeriodicTask {
  constructor(
    private readonly decider: ArrivalDecider,
    @Inject(SERVICE_CONFIG) private readonly config: VettingConfig,
  ) {
    super();
  }

  protected tick(): Promise<unknown> {
    return this.decider.decideSettled();
  }

  protected intervalMs(): number {
    return this.config.FIRST_COME_DECIDE_POLL_MS;
  }
}
