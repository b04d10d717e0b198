import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PersonalDataRequest, PersonalDataErasure } from '@openday/contracts';
import { splitErasure, toCalendarDate } from '@openday/domain';
import { Clock, PersonalDataErasureModule as PlatformErasureModule, type PersonalDataEraser } from '@openday/platform';
import { erasePeople, OPEN_DAY_LAST_DATE } from '../retention/admission-erasure';

interface ApplicationRow {
  applicationId: string;
  lastDate: string;
  personIds: string[];
}

/** A citizen's erasure request: their admissions and tickets as retention erases them, except for an open day in progress. */
@Injectable()
export class SchedulingPersonalDataEraser implements PersonalDataEraser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  erase(request: PersonalDataRequest): Promise<PersonalDataErasure> {
    return this.dataSource.transaction(async (manager) => {
      const applications: ApplicationRow[] = await manager.query(
        `SELECT p.application_id AS "applicationId", max(${OPEN_DAY_LAST_DATE})::text AS "lastDate", array_agg(p.person_id) AS "personIds"
           FROM admission_people p WHERE p.application_id = ANY($1::uuid[])
          GROUP BY p.application_id ORDER BY p.application_id`,
        [request.applicationIds],
      );
      const now = this.clock.now();
      const { erase, kept } = splitErasure(
        applications.filter((a) => a.lastDate !== null).map((a) => ({ applicationId: a.applicationId, lastDate: toCalendarDate(a.lastDate) })),
        now,
      );
      const erased = await erasePeople(manager, applications.filter((a) => erase.includes(a.applicationId)).flatMap((a) => a.personIds), now);
      return { service: 'scheduling', erased, kept };
    });
  }
}

export const PersonalDataErasureModule = PlatformErasureModule.answering('scheduling', SchedulingPersonalDataEraser, 'SCHEDULING_TEST_NOW');
