import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { NoShowsService } from './no-shows.service';

export const NO_SHOW_POLL_INTERVAL_MS = 1000;

/** Runs NoShowsService.recordDue every second in each replica; stops before the database closes. */
@Injectable()
export class NoShowPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NoShowPoller.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly noShows: NoShowsService) {}

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
        await this.noShows.recordDue();
      } catch (err) {
        this.logger.error(`no-show poll failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, NO_SHOW_POLL_INTERVAL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
