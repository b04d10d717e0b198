import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PersonalDataRequest, PersonalDataErasure } from '@openday/contracts';
import { splitErasure, toCalendarDate } from '@openday/domain';
import { Clock, PersonalDataErasureModule as PlatformErasureModule, type PersonalDataEraser } from '@openday/platform';
import { erasePeople, OPEN_DAY_LAST_DATE } from '../retention/contact-erasure';

interface ApplicationRow {
  applicationId: string;
  lastDate: string | null;
  personIds: string[];
}

/**
 * A citizen's erasure request: the contact details and messages of their applications' people, as
 * retention erases them, except for an open day in progress (its messages are still to come).
 */
@Injectable()
export class NotificationPersonalDataEraser implements PersonalDataEraser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  erase(request: PersonalDataRequest): Promise<PersonalDataErasure> {
    return this.dataSource.transaction(async (manager) => {
      const applications: ApplicationRow[] = await manager.query(
        `SELECT c.application_id AS "applicationId", max(${OPEN_DAY_LAST_DATE})::text AS "lastDate", array_agg(c.person_id) AS "personIds"
           FROM notification_contacts c WHERE c.application_id = ANY($1::uuid[])
          GROUP BY c.application_id ORDER BY c.application_id`,
        [request.applicationIds],
      );
      const withdrawn = new Set(
        (
          (await manager.query(`SELECT DISTINCT application_id AS "applicationId" FROM notification_applicants WHERE application_id = ANY($1::uuid[]) AND standing = 'withdrawn'`, [
            request.applicationIds,
          ])) as Array<{ applicationId: string }>
        ).map((row) => row.applicationId),
      );
      const { erase, kept } = splitErasure(
        applications.map((a) => ({
          applicationId: a.applicationId,
          // An open day notification never learnt the dates of has nothing ahead to tell: it may go.
          lastDate: toCalendarDate(a.lastDate ?? '1970-01-01'),
          withdrawn: withdrawn.has(a.applicationId),
        })),
        this.clock.now(),
      );
      const erased = await erasePeople(manager, applications.filter((a) => erase.includes(a.applicationId)).flatMap((a) => a.personIds));
      return { service: 'notification', erased, kept };
    });
  }
}

export const PersonalDataErasureModule = PlatformErasureModule.answering('notification', NotificationPersonalDataEraser, 'NOTIFICATION_TEST_NOW');
