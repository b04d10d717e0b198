import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ListOpenDaysRequest, OpenDayView, Page } from '@openday/contracts';
import { keysetCursor, problem } from '@openday/platform';
import { findPublishedOpenDay, listPublishedOpenDays, type PublishedOpenDay } from './published-open-day-store';

const DEFAULT_PAGE_SIZE = 20;
const OPEN_DAY_PAGES = keysetCursor('open-days', ['date', 'uuid']);

@Injectable()
export class PublishedOpenDaysService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(id: string): Promise<OpenDayView> {
    const row = await findPublishedOpenDay(this.dataSource.manager, id);
    if (!row) throw problem('not-found', { detail: `No published open day ${id}.` });
    return toView(row);
  }

  /** Soonest first; keyset pagination so pages stay stable while new days are published. */
  async list(request: ListOpenDaysRequest): Promise<Page<OpenDayView>> {
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    const after = request.cursor ? OPEN_DAY_PAGES.read(request.cursor) : undefined;
    const rows = await listPublishedOpenDays(this.dataSource.manager, after && { date: after[0], id: after[1] }, limit + 1);
    const page = OPEN_DAY_PAGES.page(rows, limit, (row) => [row.date, row.id]);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }
}

function toView(row: PublishedOpenDay): OpenDayView {
  return {
    id: row.id,
    title: row.title,
    agencyId: row.agencyId,
    date: row.date,
    publishedAt: row.publishedAt.toISOString(),
  };
}
