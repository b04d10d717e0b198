import { Inject, Injectable } from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@openday/platform';
import type { VettingConfig } from '../vetting.config';
import { TimerService } from './timer.service';
import { ParkedArrivalsFlagger } from '../parked-arrivals/parked-arrivals-flagger';

/** Runs TimerService.fireDue, then flags applications parked too long, every TIMER_POLL_MS in each replica. */
@Injectable()
export class TimerPoller extends PeriodicTask {
  constructor(
    private readonly timers: TimerService,
    private readonly parked: ParkedArrivalsFlagger,
    @Inject(SERVICE_CONFIG) private readonly config: VettingConfig,
  ) {
    super();
  }

  protected async tick(): Promise<unknown> {
    await this.timers.fireDue();
    return this.parked.flagOverdue();
  }

  protected intervalMs(): number {
    return this.config.TIMER_POLL_MS;
  }
}
