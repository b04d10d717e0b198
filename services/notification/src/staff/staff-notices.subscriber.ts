import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationFlaggedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { Dispatcher } from '../deliveries/dispatcher';
import { openDayTitle } from '../tickets/open-day-titles';
import { STAFF_NOTICE_EVENTS, staffNoticeOf } from './staff-audiences';
import { StaffDirectory } from './staff-directory';

/**
 * Tells staff what waits for them: one message in the audience's department inbox, and one
 * e-mail to each of its accounts with an address. The dispatcher's unique keys make a
 * redelivered event change nothing.
 */
@Injectable()
export class StaffNoticesSubscriber extends EventSubscriber {
  readonly purpose = 'staff-notices';
  readonly consumes = STAFF_NOTICE_EVENTS;

  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
    private readonly directory: StaffDirectory,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const title = event.type === ApplicationFlaggedV1.contract.type ? await openDayTitle(manager, (event.data as ApplicationFlaggedV1).openDayId) : null;
    const { audience, content } = staffNoticeOf(event, title);
    await this.dispatcher.dispatch(manager, { causeEventId: event.id, recipient: { kind: 'department', departmentId: audience.agencyId }, content });
    for (const mailbox of await this.directory.mailboxesOf(manager, audience)) {
      await this.dispatcher.dispatch(manager, {
        causeEventId: event.id,
        recipient: { kind: 'staff', accountId: mailbox.accountId, email: mailbox.email },
        content,
      });
    }
  }
}
