import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationRejectedV2, ApplicationWaitlistedV2, type CloudEvent } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { handleLockingPeopleFirst } from '../contacts/people-first';
import { Dispatcher } from '../deliveries/dispatcher';
import { openDayTitle } from '../tickets/open-day-titles';
import { TicketMessagesService } from '../tickets/ticket-messages.service';
import { recordStanding } from './applicant-standings';

/**
 * Losing a ticket is told from the ticket's side: a removed session by the change, a revoked
 * ticket by the revocation, a released place by the change's release. A holder rejected for
 * these is not told twice.
 */
const TOLD_WITH_THE_TICKET = new Set(['session-cancelled', 'ticket-revoked', 'place-released']);

/**
 * Vetting's outcomes that are not a ticket: rejected (with the reason in words) and waitlisted
 * (with the position), each with the selection group's own reason when it gave one. Reads the
 * internal v2 events, which carry those words; the public v1 beside them stays for subscribers.
 * Keeps who waits, so a change of the open day reaches the waiting list.
 */
@Injectable()
export class SelectionOutcomesSubscriber extends EventSubscriber {
  readonly purpose = 'selection-outcome-messages';
  readonly consumes = [ApplicationRejectedV2.contract, ApplicationWaitlistedV2.contract];

  constructor(
    bus: EventBus,
    private readonly dispatcher: Dispatcher,
    private readonly tickets: TicketMessagesService,
    private readonly contacts: ContactDirectory,
  ) {
    super(bus);
  }

  handleBatch(events: readonly BatchedEvent[], manager: EntityManager): Promise<void> {
    return handleLockingPeopleFirst(this, this.contacts, events, manager, (event) => (event.data as ApplicationRejectedV2 | ApplicationWaitlistedV2).personId);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const outcome = event.data as ApplicationRejectedV2 | ApplicationWaitlistedV2;
    const title = await openDayTitle(manager, outcome.openDayId);
    const recipient = { kind: 'person' as const, personId: outcome.personId };
    if (event.type === ApplicationRejectedV2.contract.type) {
      const rejected = outcome as ApplicationRejectedV2;
      await recordStanding(manager, rejected, 'rejected', rejected.rejectedAt);
      if (TOLD_WITH_THE_TICKET.has(rejected.reasonCode) && (await this.tickets.heldTicket(manager, rejected.personId, rejected.sessionId))) return;
      await this.dispatcher.dispatch(manager, {
        causeEventId: event.id,
        recipient,
        content: { template: 'rejected', params: { title, reasonCode: rejected.reasonCode, refusedBy: rejected.refusedBy, groupReason: rejected.groupReason } },
      });
      return;
    }
    const waitlisted = outcome as ApplicationWaitlistedV2;
    await recordStanding(manager, waitlisted, 'waitlisted', waitlisted.waitlistedAt);
    await this.dispatcher.dispatch(manager, {
      causeEventId: event.id,
      recipient,
      content: { template: 'waitlisted', params: { title, position: waitlisted.position, groupReason: waitlisted.groupReason } },
    });
  }
}
