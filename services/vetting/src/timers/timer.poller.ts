import { Inject, Injectable } from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@openday/platform';
import type { VettingConfig } from '../vetting.config';
import { TimerService } from './timer.service';

/** Runs TimerService.fireDue every TIMER_POLL_MS in each replica. */
@Injectable()
export class TimerPoller extends PeriodicTask {
  constructor(
    private readonly timers: TimerService,
    @Inject(SERVICE_CONFIG) private readonly config: VettingConfig,
  ) {
    super();
  }

  protected tick(): Promise<unknown> {
    return this.timers.fireDue();
  }

  protected intervalMs(): number {
    return this.config.TIMER_POLL_MS;
  }
}
