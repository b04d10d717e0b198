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
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { AdmissionService } from './admission.service';

/*
 * One durable consumer per stream the pieces of a ticket come from; each hands its
 * event to AdmissionService inside the inbox transaction.
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

  async handle(event: EventOf<ApplicationSubmittedV1 | ContactDetailsRecordedV1>, manager: EntityManager): Promise<void> {
    if (ApplicationSubmittedV1.contract.matches(event)) return this.admission.applicationSubmitted(manager, event.data);
    return this.admission.contactDetailsRecorded(manager, event.data);
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

  async handle(event: CloudEvent<ApplicationWithdrawnV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    await this.admission.applicationWithdrawn(manager, data.applicationId, data.withdrawnAt);
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

  async handle(event: EventOf<ApplicationSelectedV1 | ApplicationRejectedV1>, manager: EntityManager): Promise<void> {
    if (ApplicationRejectedV1.contract.matches(event)) return this.admission.applicationRejected(manager, event.data);
    await this.admission.applicationSelected(manager, event.data);
  }
}
