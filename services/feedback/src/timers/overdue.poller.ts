import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_CONFIG } from '@openday/platform';
import type { FeedbackConfig } from '../feedback.config';
import { OverdueService } from './overdue.service';

/** Runs OverdueService.chaseDue every FEEDBACK_TIMER_POLL_MS in each replica; stops before the database closes. */
@Injectable()
export class OverduePoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OverduePoller.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly overdue: OverdueService,
    @Inject(SERVICE_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.overdue.chaseDue();
      } catch (err) {
        this.logger.error(`overdue poll failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.FEEDBACK_TIMER_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
