import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PublicationService } from './publication.service';

export const PUBLICATION_POLL_INTERVAL_MS = 1000;

/** Runs PublicationService.publishDue every second in each replica; stops before the database closes. */
@Injectable()
export class PublicationPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PublicationPoller.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly publication: PublicationService) {}

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
        await this.publication.publishDue();
      } catch (err) {
        this.logger.error(`publication poll failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, PUBLICATION_POLL_INTERVAL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
