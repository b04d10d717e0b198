import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_CONFIG } from '@openday/platform';
import type { VettingConfig } from '../vetting.config';
import { TimerService } from './timer.service';

/** Runs TimerService.fireDue every TIMER_POLL_MS in each replica; stops before the database closes. */
@Injectable()
export class TimerPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerPoller.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly timers: TimerService,
    @Inject(SERVICE_CONFIG) private readonly config: VettingConfig,
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
        await this.timers.fireDue();
      } catch (err) {
        this.logger.error(`timer poll failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.TIMER_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
