import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CalendarDate } from '@openday/domain';
import { Clock, PersonalDataRetentionTask, SERVICE_CONFIG, type PersonalDataRetentionConfig } from '@openday/platform';
import { erasePeople, eraseSignInAddresses, peoplePastRetention } from './contact-erasure';

/**
 * Erases contact details, addresses and message contents PERSONAL_DATA_RETENTION_DAYS after their
 * open day's last day, and the mobile a sign-in code went to as many days after it was sent.
 */
@Injectable()
export class NotificationRetentionTask extends PersonalDataRetentionTask {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    clock: Clock,
    @Inject(SERVICE_CONFIG) config: PersonalDataRetentionConfig,
  ) {
    super(clock, config);
  }

  protected eraseBatch(cutoff: CalendarDate, limit: number): Promise<number> {
    return this.dataSource.transaction(
      async (manager) => (await erasePeople(manager, await peoplePastRetention(manager, cutoff, limit))) + (await eraseSignInAddresses(manager, cutoff, limit)),
    );
  }
}
