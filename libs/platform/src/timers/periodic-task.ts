import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * A loop every replica runs in the background (timers claimed with SKIP LOCKED, publication):
 * `tick` once, then sleep `intervalMs`, from start-up until shutdown, which wakes the sleep
 * and waits for the tick in hand so the database is not closed under it. A failed tick is
 * logged and the loop goes on.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  protected abstract tick(): Promise<unknown>;
  protected abstract intervalMs(): number;

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
        await this.tick();
      } catch (err) {
        this.logger.error(`${this.constructor.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.intervalMs());
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
