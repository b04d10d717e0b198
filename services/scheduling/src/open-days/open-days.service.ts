import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OpenDayPublishedV1, type CreateOpenDayRequest, type OpenDayView } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { ProblemException } from '@openday/platform';
import { OpenDay } from './open-day.entity';

@Injectable()
export class OpenDaysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Stores the open day and its publication event in one transaction. */
  async publish(request: CreateOpenDayRequest): Promise<OpenDayView> {
    return this.dataSource.transaction(async (manager) => {
      const openDay = manager.create(OpenDay, {
        id: randomUUID(),
        title: request.title,
        agencyId: request.agencyId,
        date: request.date,
        publishedAt: new Date(),
      });
      await manager.insert(OpenDay, openDay);
      const view = toView(openDay);
      await this.outbox.add(
        manager,
        OpenDayPublishedV1.contract,
        { openDayId: view.id, title: view.title, agencyId: view.agencyId, date: view.date, publishedAt: view.publishedAt },
        { aggregateId: view.id },
      );
      return view;
    });
  }

  async get(id: string): Promise<OpenDayView> {
    const openDay = await this.dataSource.getRepository(OpenDay).findOneBy({ id });
    if (!openDay) throw new ProblemException({ status: 404, detail: `No open day ${id}.` });
    return toView(openDay);
  }
}

function toView(openDay: OpenDay): OpenDayView {
  return {
    id: openDay.id,
    title: openDay.title,
    agencyId: openDay.agencyId,
    date: openDay.date,
    publishedAt: openDay.publishedAt.toISOString(),
  };
}
