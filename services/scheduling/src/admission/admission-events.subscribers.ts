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
export class AdmissionOpenDaysSubscriber extends EventSubscriber {
  readonly purpose = 'admission-open-days';
  readonly consumes = [OpenDayPublishedV2.contract, OpenDayChangedV1.contract, OpenDayChangedV2.contract, OpenDayCancelledV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (event.type === OpenDayPublishedV2.contract.type) return this.admission.openDayPublished(manager, event.data as OpenDayPublishedV2);
    if (event.type === OpenDayChangedV1.contract.type) return this.admission.openDayChanged(manager, event.data as OpenDayChangedV1);
    if (event.type === OpenDayChangedV2.contract.type) return this.admission.openDayNoticesChanged(manager, event.data as OpenDayChangedV2);
    return this.admission.openDayCancelled(manager, event.data as OpenDayCancelledV1);
  }
}

/** Registration's internal events: the masked person and the account that applied. */
@Injectable()
export class AdmissionApplicantsSubscriber extends EventSubscriber {
  readonly purpose = 'admission-applicants';
  readonly consumes = [ApplicationSubmittedV1.contract, ContactDetailsRecordedV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (event.type === ApplicationSubmittedV1.contract.type) return this.admission.applicationSubmitted(manager, event.data as ApplicationSubmittedV1);
    return this.admission.contactDetailsRecorded(manager, event.data as ContactDetailsRecordedV1);
  }
}

@Injectable()
export class AdmissionWithdrawalsSubscriber extends EventSubscriber {
  readonly purpose = 'admission-withdrawals';
  readonly consumes = [ApplicationWithdrawnV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as ApplicationWithdrawnV1;
    await this.admission.applicationWithdrawn(manager, data.applicationId, data.withdrawnAt);
  }
}

/** Vetting's public outcomes: a selection issues a ticket; a rejection after it (no longer eligible) revokes it. */
@Injectable()
export class AdmissionSelectionsSubscriber extends EventSubscriber {
  readonly purpose = 'admission-selections';
  readonly consumes = [ApplicationSelectedV1.contract, ApplicationRejectedV1.contract];

  constructor(
    bus: EventBus,
    private readonly admission: AdmissionService,
  ) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (event.type === ApplicationRejectedV1.contract.type) return this.admission.applicationRejected(manager, event.data as ApplicationRejectedV1);
    await this.admission.applicationSelected(manager, event.data as ApplicationSelectedV1);
  }
}
