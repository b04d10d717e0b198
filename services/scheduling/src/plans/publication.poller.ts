import { Injectable } from '@nestjs/common';
import { PeriodicTask } from '@openday/platform';
import { PublicationService } from './publication.service';

const PUBLICATION_POLL_INTERVAL_MS = 1000;

/** Runs PublicationService.publishDue every second in each replica. */
@Injectable()
export class PublicationPoller extends PeriodicTask {
  constructor(private readonly publication: PublicationService) {
    super();
  }

  protected tick(): Promise<unknown> {
    return this.publication.publishDue();
  }

  protected intervalMs(): number {
    return PUBLICATION_POLL_INTERVAL_MS;
  }
}
