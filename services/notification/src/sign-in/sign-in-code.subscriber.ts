import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SignInCodeRequestedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { Dispatcher } from '../deliveries/dispatcher';

/** The gateway's sign-in codes: by SMS only, to the mobile in the event (nobody's contact record). */
@Injectable()
export class SignInCodeSubscriber extends EventSubscriber<SignInCodeRequestedV1> {
  readonly purpose = 'sign-in-codes';
  readonly consumes = [SignInCodeRequestedV1.contract];

  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent<SignInCodeRequestedV1>, manager: EntityManager): Promise<void> {
    const { mobile, code, validForSeconds } = event.data;
    await this.dispatcher.dispatch(manager, {
      causeEventId: event.id,
      recipient: { kind: 'sign-in', mobile },
      content: { template: 'sign-in-code', params: { code, validForSeconds } },
    });
  }
}
