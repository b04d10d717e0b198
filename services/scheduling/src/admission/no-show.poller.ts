import { Injectable } from '@nestjs/common';
import { PeriodicTask } from '@openday/platform';
import { NoShowsService } from './no-shows.service';

const NO_SHOW_POLL_INTERVAL_MS = 1000;

/** Runs NoShowsService.recordDue every second in each replica. */
@Injectable()
export class NoShowPoller extends PeriodicTask {
  constructor(private readonly noShows: NoShowsService) {
    super();
  }

  protected tick(): Promise<unknown> {
    return this.noShows.recordDue();
  }

  protected intervalMs(): number {
    return NO_SHOW_POLL_INTERVAL_MS;
  }
}
