import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OpenDayCancelledV1, OpenDayChangedV2, OpenDayPublishedV1, OpenDayPublishedV2, type EventOf, type PublishedSessionV2 } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import {
  applyOpenDayChange,
  markOpenDayCancelled,
  upsertOpenDayBasics,
  upsertOpenDayDetails,
  type OpenDayChangeFields,
  type PublishedOpenDayDetails,
} from './published-open-day-store';

type OpenDayEvent = OpenDayPublishedV1 | OpenDayPublishedV2 | OpenDayChangedV2 | OpenDayCancelledV1;

/**
 * Keeps the local copy; upserts, so a replayed or repeated event leaves one row.
 * One consumer for both versions keeps them in stream order. v1 carries only
 * the basics and touches only those columns; v2 adds what applications need;
 * a change (open-day-changed v2: the open day as it now is) replaces its
 * sessions with their places, eligibility and quotas, so applications are
 * checked against the open day as it now is (a removed session takes no more
 * applications, the age on the day follows a moved date); a cancellation
 * marks the copy, so applications are refused from then on.
 */
@Injectable()
export class OpenDayPublishedSubscriber extends EventSubscriber<OpenDayEvent> {
  readonly purpose = 'published-open-days';
  readonly consumes = [OpenDayPublishedV1.contract, OpenDayPublishedV2.contract, OpenDayChangedV2.contract, OpenDayCancelledV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  async handle(event: EventOf<OpenDayEvent>, manager: EntityManager): Promise<void> {
    if (OpenDayCancelledV1.contract.matches(event)) {
      const { data } = event;
      await markOpenDayCancelled(manager, data.openDayId, new Date(data.cancelledAt));
      return;
    }
    if (OpenDayChangedV2.contract.matches(event)) {
      const { data } = event;
      await applyOpenDayChange(manager, data.openDayId, fromChange(data));
      return;
    }
    if (OpenDayPublishedV2.contract.matches(event)) {
      await upsertOpenDayDetails(manager, fromV2(event.data));
      return;
    }
    const { data } = event;
    await upsertOpenDayBasics(manager, { id: data.openDayId, title: data.title, agencyId: data.agencyId, date: data.date, publishedAt: new Date(data.publishedAt) });
  }
}

function inOrder(sessions: PublishedSessionV2[]): PublishedSessionV2[] {
  return [...sessions].sort((a, b) => `${a.date}T${a.startsAt}`.localeCompare(`${b.date}T${b.startsAt}`));
}

/** What a change alters in the copy: the title, the sessions (with their places) and so the first date, eligibility and quotas. */
export function fromChange(data: OpenDayChangedV2): OpenDayChangeFields {
  const sessions = inOrder(data.sessions);
  return {
    title: data.title,
    sessions,
    date: sessions[0].date,
    minAge: data.eligibility.minAge,
    maxAge: data.eligibility.maxAge,
    districts: data.eligibility.districts,
    quotas: data.quotas,
  };
}

export function fromV2(data: OpenDayPublishedV2): PublishedOpenDayDetails {
  const sessions = inOrder(data.sessions);
  return {
    id: data.openDayId,
    title: data.title,
    agencyId: data.agencyId,
    date: sessions[0].date,
    publishedAt: new Date(data.publishedAt),
    planId: data.planId,
    sessions,
    registrationOpensAt: new Date(data.registrationOpensAt),
    registrationClosesAt: new Date(data.registrationClosesAt),
    minAge: data.eligibility.minAge,
    maxAge: data.eligibility.maxAge,
    districts: data.eligibility.districts,
    quotas: data.quotas,
    mediaOutsideQuota: data.mediaOutsideQuota,
    selectionMode: data.selectionMode,
  };
}
