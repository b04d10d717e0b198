import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSelectedV2, type CloudEvent } from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { ContactDirectory } from '../contacts/contact-directory';
import { inRunsOfDistinctPeople } from '../contacts/people-first';
import { TicketMessagesService } from '../tickets/ticket-messages.service';
import { recordStandings } from './applicant-standings';

/**
 * Vetting's selections (v2, which names every promotion cause): the person no longer waits, and
 * their ticket's message says why they moved up. The ticket carries what the message tells, so
 * the message goes out with the ticket, never a second one from here. A batch costs a fixed
 * handful of statements per run of distinct people, whatever its size.
 */
@Injectable()
export class SelectionsSubscriber extends EventSubscriber<ApplicationSelectedV2> {
  readonly purpose = 'selections';
  readonly consumes = [ApplicationSelectedV2.contract];

  constructor(
    bus: EventBus,
    private readonly contacts: ContactDirectory,
    private readonly tickets: TicketMessagesService,
  ) {
    super(bus);
  }

  override handleBatch(events: readonly BatchedEvent<ApplicationSelectedV2>[], manager: EntityManager): Promise<void> {
    return this.apply(
      manager,
      events.map(({ event }) => event),
    );
  }

  handle(event: CloudEvent<ApplicationSelectedV2>, manager: EntityManager): Promise<void> {
    return this.apply(manager, [event]);
  }

  private apply(manager: EntityManager, events: ReadonlyArray<CloudEvent<ApplicationSelectedV2>>): Promise<void> {
    const selections = events.map((event) => event.data);
    return inRunsOfDistinctPeople(
      this.contacts,
      manager,
      selections,
      (selected) => selected.personId,
      async (run) => {
        const standings = run.map((selected) => ({ ...selected, standing: 'selected' as const, promotionCause: selected.promotion?.cause ?? null }));
        await recordStandings(
          manager,
          standings.map((s) => ({ ref: s, standing: s.standing, decidedAt: s.selectedAt, promotionCause: s.promotionCause })),
        );
        await this.tickets.selectionsRecorded(manager, standings);
      },
    );
  }
}
