import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { officialCalendar, WorkingDayCalendar, type WorkingDayCalendarData } from '@openday/domain';

/** A replica may count on a calendar this old: the city office changes it a few times a year. */
const CACHE_MS = 5_000;

/** What a service needs of the calendar: the one in force now (a test hands in a fixed one). */
export interface CurrentWorkingCalendar {
  current(): Promise<WorkingDayCalendar>;
}

/**
 * The working-day calendar a service counts with: its copy of what scheduling last
 * announced (the city office's additions and corrections), or the official schedule
 * shipped with the platform until the first announcement arrives.
 */
@Injectable()
export class WorkingCalendarSource implements CurrentWorkingCalendar {
  private cached?: { calendar: WorkingDayCalendar; until: number };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(): Promise<WorkingDayCalendar> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.calendar;
    const rows = (await this.dataSource.query('SELECT calendar FROM working_calendar_copy WHERE id = 1')) as Array<{ calendar: WorkingDayCalendarData }>;
    const calendar = rows.length ? new WorkingDayCalendar(rows[0].calendar) : officialCalendar();
    this.cached = { calendar, until: Date.now() + CACHE_MS };
    return calendar;
  }
}
