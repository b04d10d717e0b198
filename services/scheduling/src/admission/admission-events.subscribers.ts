import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationSubmittedV1,
  ApplicationWithdrawnV1,
  ContactDetailsRecordedV1,
  OpenDayCancelledV1,
  OpenDayChangedV1,
  OpenDayChangedV2,
  OpenDayPublishedV2,
  type CloudEvent,
  type EventOf,
} from '@openday/contracts';
import { EventBus, type BatchedEvent } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { AdmissionService, type ApplicantPieceEvent, type DecisionEvent } from './admission.service';

/*
 * One durable consumer per stream the pieces of a ticket come from; each hands its events to
 * AdmissionService inside the inbox transaction. The people's events (many per accepted
 * application) are handed over a batch at a time and applied set-based; an event retried
 * alone goes the same way, as a batch of one.
 */

/**
 * This service's own open-day events: admission's copy of sessions, places and times (changes show on every ticket).
 * Time and place follow v1; v2 brings what v1 lacks, the notices (a change of notices alone publishes no v1).
 */
@Injectable()
export class AdmissionOpenDaysSubscriber extends EventSubscriber<OpenDayPublishedV2 | OpenDayChangedV1 | OpenDayChangedV2 | OpenDayCancelledV1> {
  readonly purpose = 'admission-open-days';
  readonly consumes = [OpenDayPublishedV2.contract, OpenDayChangedV1.contract, OpenDayChangedV2.contract, OpenDayCancelledV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  async handle(event: EventOf<OpenDayPublishedV2 | OpenDayChangedV1 | OpenDayChangedV2 | OpenDayCancelledV1>, manager: EntityManager): Promise<void> {
    if (OpenDayPublishedV2.contract.matches(event)) return this.admission.openDayPublished(manager, event.data);
    if (OpenDayChangedV1.contract.matches(event)) return this.admission.openDayChanged(manager, event.data);
    if (OpenDayChangedV2.contract.matches(event)) return this.admission.openDayNoticesChanged(manager, event.data);
    return this.admission.openDayCancelled(manager, event.data);
  }
}

/** Registration's internal events: the masked person and the account that applied. */
@Injectable()
export class AdmissionApplicantsSubscriber extends EventSubscriber<ApplicationSubmittedV1 | ContactDetailsRecordedV1> {
  readonly purpose = 'admission-applicants';
  readonly consumes = [ApplicationSubmittedV1.contract, ContactDetailsRecordedV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  handle(event: EventOf<ApplicationSubmittedV1 | ContactDetailsRecordedV1>, manager: EntityManager): Promise<void> {
    return this.admission.applicantsRecorded(manager, [pieceOf(event)]);
  }

  override handleBatch(events: readonly BatchedEvent<ApplicationSubmittedV1 | ContactDetailsRecordedV1>[], manager: EntityManager): Promise<void> {
    return this.admission.applicantsRecorded(
      manager,
      events.map(({ event, correlation }) => ({ ...pieceOf(event), correlation })),
    );
  }
}

@Injectable()
export class AdmissionWithdrawalsSubscriber extends EventSubscriber<ApplicationWithdrawnV1> {
  readonly purpose = 'admission-withdrawals';
  readonly consumes = [ApplicationWithdrawnV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  handle(event: CloudEvent<ApplicationWithdrawnV1>, manager: EntityManager): Promise<void> {
    return this.admission.applicationsWithdrawn(manager, [{ withdrawal: event.data }]);
  }

  override handleBatch(events: readonly BatchedEvent<ApplicationWithdrawnV1>[], manager: EntityManager): Promise<void> {
    return this.admission.applicationsWithdrawn(
      manager,
      events.map(({ event, correlation }) => ({ withdrawal: event.data, correlation })),
    );
  }
}

/** Vetting's public outcomes: a selection issues a ticket; a rejection after it (no longer eligible) revokes it. */
@Injectable()
export class AdmissionSelectionsSubscriber extends EventSubscriber<ApplicationSelectedV1 | ApplicationRejectedV1> {
  readonly purpose = 'admission-selections';
  readonly consumes = [ApplicationSelectedV1.contract, ApplicationRejectedV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  handle(event: EventOf<ApplicationSelectedV1 | ApplicationRejectedV1>, manager: EntityManager): Promise<void> {
    return this.admission.decisionsMade(manager, [decisionOf(event)]);
  }

  override handleBatch(events: readonly BatchedEvent<ApplicationSelectedV1 | ApplicationRejectedV1>[], manager: EntityManager): Promise<void> {
    return this.admission.decisionsMade(
      manager,
      events.map(({ event, correlation }) => ({ ...decisionOf(event), correlation })),
    );
  }
}

function pieceOf(event: EventOf<ApplicationSubmittedV1 | ContactDetailsRecordedV1>): ApplicantPieceEvent {
  return ApplicationSubmittedV1.contract.matches(event) ? { piece: { kind: 'submitted', data: event.data } } : { piece: { kind: 'contact', data: event.data } };
}

function decisionOf(event: EventOf<ApplicationSelectedV1 | ApplicationRejectedV1>): DecisionEvent {
  return ApplicationRejectedV1.contract.matches(event) ? { decision: { kind: 'rejected', data: event.data } } : { decision: { kind: 'selected', data: event.data } };
}
