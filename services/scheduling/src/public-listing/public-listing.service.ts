import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  CityCalendarQuery,
  CityCalendarView,
  Page,
  PublicOpenDayQuery,
  PublicOpenDayView,
} from '@openday/contracts';
import { addDays, compareDates, placesLeft, totalPlacesLeft, UncoveredYearError, type CalendarDate, type WorkingDayCalendar } from '@openday/domain';
import { Clock, keysetCursor, problem } from '@openday/platform';
import { sessionTakeUp, type SessionCounts } from '../admission/session-take-up';
import type { OpenDayDetails } from '../plans/open-day-projection';
import { WorkingCalendarService } from '../working-calendar/working-calendar.service';
import { listingConditions } from './listing-query';

const DEFAULT_PAGE_SIZE = 20;
/** Soonest first: the (date, id) of the last open day on the previous page. */
const LISTING_PAGES = keysetCursor('listing', ['date', 'uuid']);

interface OpenDayRow {
  id: string;
  plan_id: string | null;
  status: 'published' | 'cancelled';
  agency_id: string;
  title: string;
  theme: string;
  forms: PublicOpenDayView['forms'];
  date: string;
  end_date: string;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  details: Partial<OpenDayDetails>;
  published_at: Date;
  changed_at: Date | null;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
}

const COLUMNS = `d.id, d.plan_id, d.status, d.agency_id, d.title, d.theme, d.forms, d.date::text AS date,
  COALESCE(d.end_date, d.date)::text AS end_date, d.registration_opens_at, d.registration_closes_at, d.details,
  d.published_at, d.changed_at, d.cancelled_at, d.cancellation_reason`;

/** The anonymous public listing and the city-wide calendar, read from scheduling's open days. */
@Injectable()
export class PublicListingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendarService,
  ) {}

  /** Published open days, soonest first, filtered and searched; keyset pages stay stable while days are published. */
  async list(query: PublicOpenDayQuery): Promise<Page<PublicOpenDayView>> {
    if (query.from && query.to && compareDates(query.from as CalendarDate, query.to as CalendarDate) > 0) {
      throw problem('invalid-input', {
        detail: 'The request has invalid fields.',
        errors: [{ field: 'to', rule: 'dateRangeOrder', message: 'to must not be before from' }],
      });
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const now = this.clock.now();
    const { where, params } = listingConditions(query, now);
    let sql = `SELECT ${COLUMNS} FROM open_days d WHERE ${where}`;
    if (query.cursor) {
      const [date, id] = LISTING_PAGES.read(query.cursor);
      params.push(date, id);
      sql += ` AND (d.date, d.id) > ($${params.length - 1}::date, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    sql += ` ORDER BY d.date, d.id LIMIT $${params.length}`;
    const rows = (await this.dataSource.query(sql, params)) as OpenDayRow[];
    const { items: shown, nextCursor } = LISTING_PAGES.page(rows, limit, (row) => [row.date, row.id]);
    const takeUp = await sessionTakeUp(this.dataSource, shown.map((row) => row.id));
    return { items: shown.map((row) => toView(row, now, takeUp)), nextCursor };
  }

  /** One open day, published or cancelled (a cancelled one says so). */
  async get(id: string): Promise<PublicOpenDayView> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM open_days d WHERE d.id = $1`, [id])) as OpenDayRow[];
    if (!row) throw problem('not-found', { detail: `No published open day ${id}.` });
    return toView(row, this.clock.now(), await sessionTakeUp(this.dataSource, [row.id]));
  }

  /** The city-wide calendar of a month: every day, whether it is a working day, and the open days with a session on it. */
  async cityCalendar(query: CityCalendarQuery): Promise<CityCalendarView> {
    const first = `${query.month}-01` as CalendarDate;
    const next = nextMonth(first);
    const { where, params } = listingConditions({ agencyId: query.agencyId, form: query.form, district: query.district }, this.clock.now());
    params.push(first, next);
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.title, d.agency_id, s->>'date' AS date, s->>'startsAt' AS starts_at, s->>'endsAt' AS ends_at
         FROM open_days d
         CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(d.details->'sessions') = 'array' AND jsonb_array_length(d.details->'sessions') > 0
                THEN d.details->'sessions'
                ELSE jsonb_build_array(jsonb_build_object('date', d.date::text)) END) s
        WHERE ${where} AND (s->>'date') >= $${params.length - 1} AND (s->>'date') < $${params.length}
        ORDER BY s->>'date', s->>'startsAt' NULLS FIRST, d.title, d.id`,
      params,
    )) as Array<{ id: string; title: string; agency_id: string; date: string; starts_at: string | null; ends_at: string | null }>;
    const calendar = await this.calendar.load();
    const days: CityCalendarView['days'] = [];
    for (let day = first; compareDates(day, next) < 0; day = addDays(day, 1)) {
      const openDays = rows
        .filter((r) => r.date === day)
        .map((r) => ({ id: r.id, title: r.title, agencyId: r.agency_id, startsAt: r.starts_at, endsAt: r.ends_at }));
      days.push({ date: day, workingDay: workingDay(calendar, day), count: openDays.length, openDays });
    }
    return { month: query.month, days };
  }
}

function nextMonth(first: CalendarDate): CalendarDate {
  const [year, month] = first.split('-').map(Number);
  return (month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`) as CalendarDate;
}

function workingDay(calendar: WorkingDayCalendar, date: CalendarDate): boolean | null {
  try {
    return calendar.isWorkingDay(date);
  } catch (error) {
    if (error instanceof UncoveredYearError) return null;
    throw error;
  }
}

function toView(row: OpenDayRow, now: Date, takeUp: ReadonlyMap<string, SessionCounts>): PublicOpenDayView {
  const details = row.details ?? {};
  const mode = details.selectionMode ?? null;
  const sessions = (details.sessions ?? []).map((session) => {
    const counts = takeUp.get(session.sessionId) ?? { applied: 0, selected: 0 };
    return { ...session, ...counts, placesLeft: placesLeft(mode, { places: session.capacity, ...counts }) };
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const opens = row.registration_opens_at;
  const closes = row.registration_closes_at;
  return {
    id: row.id,
    planId: row.plan_id,
    status: row.status,
    agencyId: row.agency_id,
    title: row.title,
    theme: row.theme,
    forms: row.forms,
    date: row.date,
    endDate: row.end_date,
    sessions,
    places: sum(sessions.map((s) => s.capacity)),
    applied: sum(sessions.map((s) => s.applied)),
    selected: sum(sessions.map((s) => s.selected)),
    placesLeft: totalPlacesLeft(sessions.map((s) => s.placesLeft)),
    venues: details.venues ?? [],
    assemblyPoint: details.assemblyPoint ?? '',
    transport: details.transport ?? '',
    quotas: details.quotas ?? [],
    minOrdinaryShare: details.minOrdinaryShare ?? null,
    mediaOutsideQuota: details.mediaOutsideQuota ?? null,
    eligibility: details.eligibility ?? null,
    registrationOpensAt: opens?.toISOString() ?? null,
    registrationClosesAt: closes?.toISOString() ?? null,
    openForApplications: row.status === 'published' && !!opens && !!closes && opens <= now && now < closes,
    selectionMode: mode,
    notices: details.notices ?? [],
    publishedAt: row.published_at.toISOString(),
    changedAt: row.changed_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancellationReason: row.cancellation_reason,
  };
}
