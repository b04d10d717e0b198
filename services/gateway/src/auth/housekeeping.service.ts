import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CitizenSignInService } from './citizen-sign-in.service';
import { SessionsService } from './sessions.service';

const EVERY_MS = 3_600_000;

/** Hourly: forget expired idempotency keys, old sign-in codes and long-expired refresh tokens. Safe on every replica. */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HousekeepingService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly citizens: CitizenSignInService,
    private readonly sessions: SessionsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      await this.idempotency.prune();
      await this.citizens.prune();
      await this.sessions.prune();
    } catch (err) {
      this.logger.warn({ err }, 'housekeeping failed; trying again in an hour');
    }
  }
}
