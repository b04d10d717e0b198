import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FeedbackAnsweredV1, FeedbackOverdueV1, type EventOf } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { Dispatcher } from '../deliveries/dispatcher';

/** Feedback's events: the answer to the representative, and the chase to the department's in-app inbox. */
@Injectable()
export class FeedbackMessagesSubscriber extends EventSubscriber<FeedbackAnsweredV1 | FeedbackOverdueV1> {
  readonly purpose = 'feedback-messages';
  readonly consumes = [FeedbackAnsweredV1.contract, FeedbackOverdueV1.contract];

  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
  ) {
    super(bus);
  }

  async handle(event: EventOf<FeedbackAnsweredV1 | FeedbackOverdueV1>, manager: EntityManager): Promise<void> {
    if (FeedbackAnsweredV1.contract.matches(event)) {
      const answered = event.data;
      // Nobody to tell (e.g. said at a forum and recorded by staff without a person).
      if (!answered.personId) return;
      const { outcome, promisedBy, passedTo, answer } = answered;
      await this.dispatcher.dispatch(manager, {
        causeEventId: event.id,
        recipient: { kind: 'person', personId: answered.personId },
        content: { template: 'feedback-answered', params: { outcome, promisedBy, passedTo, answer } },
      });
      return;
    }
    const overdue = event.data;
    const { feedbackId, dueDate, workingDaysOverdue, chaseNumber } = overdue;
    await this.dispatcher.dispatch(manager, {
      causeEventId: event.id,
      recipient: { kind: 'department', departmentId: overdue.departmentId },
      content: { template: 'feedback-chase', params: { feedbackId, dueDate, workingDaysOverdue, chaseNumber } },
    });
  }
}
