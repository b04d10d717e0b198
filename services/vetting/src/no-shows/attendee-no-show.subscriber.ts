import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttendeeNoShowV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { recordNoShow } from './no-show-register';

/**
 * A ticket holder did not come: the register learns the person (by the person key of
 * vetting's own applicant record, the event carries no identity) and the session's date,
 * so screening refuses them for NO_SHOW_LOOK_BACK_MONTHS. Idempotent through the register's key.
 */
@Injectable()
export class AttendeeNoShowSubscriber extends EventSubscriber<AttendeeNoShowV1> {
  readonly purpose = 'no-shows';
  readonly consumes = [AttendeeNoShowV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  async handle(event: CloudEvent<AttendeeNoShowV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const [applicant] = (await manager.query(`SELECT person_key AS "personKey" FROM vetting_applicants WHERE person_id = $1`, [data.personId])) as Array<{
      personKey: string;
    }>;
    // Every ticket holder was selected here, so an unknown person is an error worth retrying, then a dead letter.
    if (!applicant) throw new Error(`Person ${data.personId} of a no-show is not known to vetting`);
    await recordNoShow(manager, { personKey: applicant.personKey.trim(), eventDate: data.sessionDate, openDayId: data.openDayId });
  }
}
