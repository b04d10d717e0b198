import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OpenDayPublishedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '@openday/platform';
import { PublishedOpenDay } from './published-open-day.entity';

/** Keeps the local copy; an upsert, so a replayed or repeated event leaves one row. */
@Injectable()
export class OpenDayPublishedSubscriber extends EventSubscriber {
  readonly purpose = 'published-open-days';
  readonly consumes = [OpenDayPublishedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as OpenDayPublishedV1;
    await manager.upsert(
      PublishedOpenDay,
      {
        id: data.openDayId,
        title: data.title,
        agencyId: data.agencyId,
        date: data.date,
        publishedAt: new Date(data.publishedAt),
      },
      ['id'],
    );
  }
}
