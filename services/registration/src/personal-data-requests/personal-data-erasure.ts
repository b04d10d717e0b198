import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PersonalDataRequest, RegistrationPersonalDataErasure } from '@openday/contracts';
import { splitErasure, toCalendarDate } from '@openday/domain';
import { Clock, PersonalDataErasureModule as PlatformErasureModule, type PersonalDataEraser } from '@openday/platform';
import { erasePeople, OPEN_DAY_LAST_DATE } from '../retention/application-people-erasure';

interface AccountApplication {
  applicationId: string;
  status: string;
  lastDate: string;
  personIds: string[];
  personKeys: string[];
}

/**
 * A citizen's request to erase their data: the people of every application the account submitted
 * are erased as retention would, except an application still standing for an open day not yet over
 * (kept as `open-day-in-progress`; retention erases it later). It names the account's applications
 * and person keys, for the gateway to ask the other services.
 */
@Injectable()
export class RegistrationPersonalDataEraser implements PersonalDataEraser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  erase({ accountId }: Pick<PersonalDataRequest, 'accountId'>): Promise<RegistrationPersonalDataErasure> {
    return this.dataSource.transaction(async (manager) => {
      const applications: AccountApplication[] = await manager.query(
        `SELECT a.id AS "applicationId", a.status, ${OPEN_DAY_LAST_DATE}::text AS "lastDate",
                array_agg(p.id ORDER BY p.position) AS "personIds", array_agg(DISTINCT p.person_key) AS "personKeys"
           FROM applications a JOIN published_open_days o ON o.id = a.open_day_id JOIN application_people p ON p.application_id = a.id
          WHERE a.applicant_user_id = $1
          GROUP BY a.id, o.id ORDER BY a.seq`,
        [accountId],
      );
      const now = this.clock.now();
      const { erase, kept } = splitErasure(
        applications.map((a) => ({ applicationId: a.applicationId, lastDate: toCalendarDate(a.lastDate), withdrawn: a.status === 'withdrawn' })),
        now,
      );
      const toErase = applications.filter((a) => erase.includes(a.applicationId)).flatMap((a) => a.personIds);
      return {
        service: 'registration',
        erased: await erasePeople(manager, toErase, now),
        kept,
        applicationIds: applications.map((application) => application.applicationId),
        personKeys: [...new Set(applications.flatMap((application) => application.personKeys))],
      };
    });
  }
}

export const PersonalDataErasureModule = PlatformErasureModule.answering('registration', RegistrationPersonalDataEraser, 'REGISTRATION_TEST_NOW');
