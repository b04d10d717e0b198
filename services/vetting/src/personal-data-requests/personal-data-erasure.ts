import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PersonalDataRequest, PersonalDataErasure } from '@openday/contracts';
import { splitErasure, toCalendarDate } from '@openday/domain';
import { Clock, PersonalDataErasureModule as PlatformErasureModule, type PersonalDataEraser } from '@openday/platform';
import { eraseApplicants, OPEN_DAY_LAST_DATE } from '../retention/applicant-erasure';

interface ApplicationRow {
  applicationId: string;
  lastDate: string;
  withdrawn: boolean;
  personIds: string[];
  noShow: boolean;
}

/**
 * A citizen's erasure request: their applicants are erased as retention would, except those of an
 * open day in progress (`open-day-in-progress`). A no-show's keyed hash stays in the register for
 * its look-back period (`no-show-register`), the application's other data go.
 */
@Injectable()
export class VettingPersonalDataEraser implements PersonalDataEraser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  erase(request: PersonalDataRequest): Promise<PersonalDataErasure> {
    return this.dataSource.transaction(async (manager) => {
      const applications: ApplicationRow[] = await manager.query(
        `SELECT a.application_id AS "applicationId", max(${OPEN_DAY_LAST_DATE})::text AS "lastDate", bool_and(a.status = 'withdrawn') AS withdrawn,
                array_agg(a.person_id) AS "personIds",
                bool_or(EXISTS (SELECT 1 FROM no_show_register n WHERE n.person_key = a.person_key AND n.open_day_id = a.open_day_id)) AS "noShow"
           FROM vetting_applicants a WHERE a.application_id = ANY($1::uuid[])
          GROUP BY a.application_id ORDER BY a.application_id`,
        [request.applicationIds],
      );
      const now = this.clock.now();
      const { erase, kept } = splitErasure(
        applications.map((a) => ({ applicationId: a.applicationId, lastDate: toCalendarDate(a.lastDate), withdrawn: a.withdrawn })),
        now,
      );
      const erased = await eraseApplicants(manager, applications.filter((a) => erase.includes(a.applicationId)).flatMap((a) => a.personIds), now);
      const noShows = applications.filter((a) => a.noShow).map((a) => ({ applicationId: a.applicationId, reason: 'no-show-register' }));
      return { service: 'vetting', erased, kept: [...kept, ...noShows] };
    });
  }
}

export const PersonalDataErasureModule = PlatformErasureModule.answering('vetting', VettingPersonalDataEraser, 'VETTING_TEST_NOW');
