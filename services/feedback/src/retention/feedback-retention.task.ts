import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CalendarDate } from '@openday/domain';
import { Clock, PersonalDataRetentionTask, SERVICE_CONFIG, type PersonalDataRetentionConfig } from '@openday/platform';
import { eraseTicketLinks, ticketsPastRetention } from './ticket-link-erasure';

/** Unlinks tickets and opinions from citizens' accounts PERSONAL_DATA_RETENTION_DAYS after their open day's last day. */
@Injectable()
export class FeedbackRetentionTask extends PersonalDataRetentionTask {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    clock: Clock,
    @Inject(SERVICE_CONFIG) config: PersonalDataRetentionConfig,
  ) {
    super(clock, config);
  }

  protected eraseBatch(cutoff: CalendarDate, limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => eraseTicketLinks(manager, await ticketsPastRetention(manager, cutoff, limit), this.clock.now()));
  }
}
