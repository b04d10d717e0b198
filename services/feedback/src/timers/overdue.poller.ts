import { Inject, Injectable } from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@openday/platform';
import type { FeedbackConfig } from '../feedback.config';
import { OverdueService } from './overdue.service';

/** Runs OverdueService.chaseDue every FEEDBACK_TIMER_POLL_MS in each replica. */
@Injectable()
export class OverduePoller extends PeriodicTask {
  constructor(
    private readonly overdue: OverdueService,
    @Inject(SERVICE_CONFIG) private readonly config: FeedbackConfig,
  ) {
    super();
  }

  protected tick(): Promise<unknown> {
    return this.overdue.chaseDue();
  }

  protected intervalMs(): number {
    return this.config.FEEDBACK_TIMER_POLL_MS;
  }
}
