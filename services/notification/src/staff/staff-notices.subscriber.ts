import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationFlaggedV1,
  FeedbackAssignedV1,
  OpenDayChangedV2,
  OpenDayChangeFiledV1,
  OpenDayChangeReturnedV1,
  PlanApprovedV1,
  PlanReturnedV1,
  PlanSubmittedV1,
  type EventOf,
} from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { Dispatcher } from '../deliveries/dispatcher';
import { openDayTitle } from '../tickets/open-day-titles';
import { staffNoticeOf, type StaffNoticeEvent } from './staff-audiences';
import { StaffDirectory } from './staff-directory';

/**
 * Tells staff what waits for them: one message in the audience's department inbox, and one
 * e-mail to each of its accounts with an address. The dispatcher's unique keys make a
 * redelivered event change nothing. One durable consumer per producing service (the bus
 * wants each consumer on one producer's subjects), so the subclasses below only name events.
 */
@Injectable()
abstract class StaffNoticesSubscriber extends EventSubscriber<StaffNoticeEvent> {
  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
    private readonly directory: StaffDirectory,
  ) {
    super(bus);
  }

  async handle(event: EventOf<StaffNoticeEvent>, manager: EntityManager): Promise<void> {
    const title = ApplicationFlaggedV1.contract.matches(event) ? await openDayTitle(manager, event.data.openDayId) : null;
    const notice = staffNoticeOf(event, title);
    if (!notice) return;
    const { audience, content } = notice;
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

/**
 * Scheduling's filing: a filed plan or open-day change to the city office, a returned or
 * approved one to its agency (an approved change is the open-day-changed v2 it published).
 */
@Injectable()
export class PlanFilingNoticesSubscriber extends StaffNoticesSubscriber {
  readonly purpose = 'staff-plan-notices';
  readonly consumes = [
    PlanSubmittedV1.contract,
    PlanReturnedV1.contract,
    PlanApprovedV1.contract,
    OpenDayChangeFiledV1.contract,
    OpenDayChangeReturnedV1.contract,
    OpenDayChangedV2.contract,
  ];
}

/** Vetting's flagged applications (not answered in time) to the city office. */
@Injectable()
export class FlaggedApplicationNoticesSubscriber extends StaffNoticesSubscriber {
  readonly purpose = 'staff-flagged-notices';
  readonly consumes = [ApplicationFlaggedV1.contract];
}

/** Feedback assigned to a department, to that department. */
@Injectable()
export class FeedbackAssignedNoticesSubscriber extends StaffNoticesSubscriber {
  readonly purpose = 'staff-feedback-notices';
  readonly consumes = [FeedbackAssignedV1.contract];
}
