import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  AnswerOutcome,
  AttendanceFigures,
  FeedbackFigures,
  OpenDayReport,
  OpenDayReportQuery,
  OpenDayReportRow,
  OpenDaySummaryView,
  StatisticsQuery,
  StatisticsView,
} from '@openday/contracts';
import { Clock, problem } from '@openday/platform';
import { assertManages, canManage, notFound } from '../feedback/access';
import { byAgency, byMonth, summarise, type ItemFacts, type OpenDayFacts } from './figures';

interface FactRow {
  open_day_id: string;
  assigned: boolean;
  answered: boolean;
  outcome: AnswerOutcome | null;
  overdue: boolean;
  ever_overdue: boolean;
  late: boolean;
  rating: number | null;
}

interface OpenDayRow {
  id: string;
  agency_id: string;
  title: string;
  first_date: string | null;
  last_date: string | null;
  attendance: Omit<AttendanceFigures, 'final'> | null;
  ended_at: Date | null;
}

/** Which open days to count: one, an agency's, a month's or a year's (by first session), or all. */
interface OpenDayFilter {
  openDayId?: string;
  agencyId?: string;
  month?: string;
  year?: string;
}

interface CountedOpenDay {
  row: OpenDayRow;
  facts: OpenDayFacts;
}

/**
 * Counts for dashboards (per open day, agency, city, by month and by agency), the agency's
 * summaries and the tables of open days: every figure comes from the facts one loader reads and
 * the plain functions in figures.ts add up.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async openDay(actor: Actor, openDayId: string): Promise<StatisticsView> {
    const manager = this.dataSource.manager;
    const openDay = await this.managedOpenDay(manager, actor, openDayId);
    const counted = await this.counted(manager, { openDayId });
    return {
      ...view('open-day', counted, null),
      openDayId,
      agencyId: openDay.agency_id,
      openDay: { title: openDay.title, firstDate: openDay.first_date, lastDate: openDay.last_date, ended: openDay.attendance !== null },
    };
  }

  async agency(actor: Actor, agencyId: string, query: StatisticsQuery = {}): Promise<StatisticsView> {
    if (!canManage(actor, agencyId)) throw notFound(`agency ${agencyId}`);
    return { ...view('agency', await this.counted(this.dataSource.manager, { agencyId, year: query.year }), query.year), agencyId };
  }

  async city(actor: Actor, query: StatisticsQuery = {}): Promise<StatisticsView> {
    if (actor.role !== 'city-office') throw notFound('city-wide figures for you');
    return view('city', await this.counted(this.dataSource.manager, { year: query.year }), query.year);
  }

  /** Files (or refiles) the agency's summary once the open day ended, with a snapshot of its figures. */
  async fileSummary(actor: Actor, openDayId: string, text: string): Promise<OpenDaySummaryView> {
    return this.dataSource.transaction(async (manager) => {
      const openDay = await this.managedOpenDay(manager, actor, openDayId, true);
      if (actor.role !== 'agency-admin') throw notFound(`open day ${openDayId} of your agency`);
      if (!openDay.ended_at) throw problem('open-day-not-ended', { detail: 'A summary is filed after the open day ended.' });
      const [{ facts }] = await this.counted(manager, { openDayId });
      const { figures } = summarise([facts]);
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO fb_summaries (open_day_id, agency_id, text, figures, attendance, filed_by, filed_at, first_filed_by, first_filed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7)
         ON CONFLICT (open_day_id) DO UPDATE SET text = $3, figures = $4, attendance = $5, filed_by = $6, filed_at = $7, revision = fb_summaries.revision + 1`,
        [openDayId, openDay.agency_id, text.trim(), JSON.stringify(figures), JSON.stringify(facts.attendance), actor.userId, now],
      );
      return (await summaryOf(manager, openDayId))!;
    });
  }

  async summary(actor: Actor, openDayId: string): Promise<OpenDaySummaryView> {
    await this.managedOpenDay(this.dataSource.manager, actor, openDayId);
    const summary = await summaryOf(this.dataSource.manager, openDayId);
    if (!summary) throw notFound(`summary of open day ${openDayId}`);
    return summary;
  }

  /** The city-wide table: every open day feedback knows of, with its figures, by first date. */
  async report(actor: Actor, query: OpenDayReportQuery): Promise<OpenDayReport> {
    if (actor.role !== 'city-office') throw notFound('city-wide table for you');
    return this.table(query);
  }

  /** The same table for whoever may see the agency it names: the open days behind a bar on a board. */
  async openDayFigures(actor: Actor, query: OpenDayReportQuery): Promise<OpenDayReport> {
    if (query.agencyId ? !canManage(actor, query.agencyId) : actor.role !== 'city-office') throw notFound(query.agencyId ? `agency ${query.agencyId}` : 'city-wide table for you');
    return this.table(query);
  }

  private async table(query: OpenDayReportQuery): Promise<OpenDayReport> {
    const manager = this.dataSource.manager;
    const counted = await this.counted(manager, { month: query.month, agencyId: query.agencyId, year: query.year });
    const summaries = new Set(
      ((await manager.query(`SELECT open_day_id FROM fb_summaries WHERE open_day_id = ANY($1)`, [counted.map((c) => c.row.id)])) as Array<{ open_day_id: string }>).map(
        (r) => r.open_day_id,
      ),
    );
    const rows = counted.map(({ row: o, facts }): OpenDayReportRow => {
      const { figures: f } = summarise([facts]);
      const a = facts.attendance;
      return {
        openDayId: o.id,
        title: o.title,
        agencyId: o.agency_id,
        firstDate: o.first_date,
        lastDate: o.last_date,
        applications: facts.applications,
        selected: facts.selected,
        ticketsIssued: a.ticketsIssued,
        checkedIn: a.checkedIn,
        noShows: a.final ? a.noShows : null,
        collected: f.collected,
        answered: f.answered,
        solved: f.solved,
        overdueNow: f.overdueNow,
        satisfaction: f.satisfaction.average,
        satisfactionCount: f.satisfaction.count,
        rating: f.rating.average,
        ratingCount: f.rating.count,
        summaryFiled: summaries.has(o.id),
      };
    });
    return { rows };
  }

  private async managedOpenDay(manager: EntityManager, actor: Actor, openDayId: string, forUpdate = false): Promise<OpenDayRow> {
    const [openDay] = (await manager.query(
      `SELECT id, agency_id, title, first_date::text AS first_date, last_date::text AS last_date, attendance, ended_at FROM fb_open_days WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [openDayId],
    )) as OpenDayRow[];
    if (!openDay) throw notFound(`open day ${openDayId}`);
    assertManages(actor, openDay.agency_id, `open day ${openDayId}`);
    return openDay;
  }

  /** The open days the filter names, by first date, each with everything the figures count. */
  private async counted(manager: EntityManager, filter: OpenDayFilter): Promise<CountedOpenDay[]> {
    const conditions = ['true'];
    const params: unknown[] = [];
    const add = (condition: (n: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter.openDayId) add((n) => `id = ${n}`, filter.openDayId);
    if (filter.agencyId) add((n) => `agency_id = ${n}`, filter.agencyId);
    if (filter.month) add((n) => `first_date >= ${n}::date AND first_date < (${n}::date + interval '1 month')`, `${filter.month}-01`);
    if (filter.year) add((n) => `first_date >= ${n}::date AND first_date < (${n}::date + interval '1 year')`, `${filter.year}-01-01`);
    const openDays = (await manager.query(
      `SELECT id, agency_id, title, first_date::text AS first_date, last_date::text AS last_date, attendance, ended_at
         FROM fb_open_days WHERE ${conditions.join(' AND ')} ORDER BY first_date NULLS LAST, title, id`,
      params,
    )) as OpenDayRow[];
    const ids = openDays.map((o) => o.id);
    const items = (await manager.query(`${FACTS} WHERE open_day_id = ANY($1)`, [ids])) as FactRow[];
    const scores = (await manager.query(`SELECT open_day_id, overall FROM fb_survey_responses WHERE open_day_id = ANY($1)`, [ids])) as Array<{
      open_day_id: string;
      overall: number;
    }>;
    const attendance = await this.attendanceByOpenDay(manager, openDays);
    const applications = await countsBy(manager, 'fb_applications', ids);
    const selected = await countsBy(manager, 'fb_selections', ids);
    const itemsOf = groupBy(items, (i) => i.open_day_id);
    const scoresOf = groupBy(scores, (s) => s.open_day_id);
    return openDays.map((row) => ({
      row,
      facts: {
        id: row.id,
        agencyId: row.agency_id,
        firstDate: row.first_date,
        applications: applications.get(row.id) ?? 0,
        selected: selected.get(row.id) ?? 0,
        attendance: attendance.get(row.id)!,
        items: (itemsOf.get(row.id) ?? []).map(toFacts),
        satisfaction: (scoresOf.get(row.id) ?? []).map((s) => s.overall),
      },
    }));
  }

  /** Final figures from scheduling once the day ended; until then, counted from the tickets feedback has seen. */
  private async attendanceByOpenDay(manager: EntityManager, openDays: OpenDayRow[]): Promise<Map<string, AttendanceFigures>> {
    const counted = (await manager.query(
      `SELECT open_day_id, count(*) FILTER (WHERE issued)::int AS issued, count(*) FILTER (WHERE revoked)::int AS revoked,
              count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS checked_in
         FROM fb_tickets WHERE open_day_id = ANY($1) GROUP BY open_day_id`,
      [openDays.map((o) => o.id)],
    )) as Array<{ open_day_id: string; issued: number; revoked: number; checked_in: number }>;
    return new Map(
      openDays.map((o): [string, AttendanceFigures] => {
        if (o.attendance) return [o.id, { ...o.attendance, final: true }];
        const c = counted.find((row) => row.open_day_id === o.id);
        return [o.id, { ticketsIssued: c?.issued ?? 0, ticketsRevoked: c?.revoked ?? 0, checkedIn: c?.checked_in ?? 0, noShows: 0, final: false }];
      }),
    );
  }
}

/** A view of counted open days; the caller names the open day or agency it is about. */
function view(scope: StatisticsView['scope'], counted: CountedOpenDay[], year: string | undefined | null): StatisticsView {
  const facts = counted.map((c) => c.facts);
  const yearNumber = year ? Number(year) : null;
  return {
    scope,
    openDayId: null,
    agencyId: null,
    year: yearNumber,
    ...summarise(facts),
    openDay: null,
    byMonth: byMonth(facts, yearNumber),
    byAgency: byAgency(facts),
  };
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

const FACTS = `SELECT open_day_id, assigned_at IS NOT NULL AS assigned, answered_at IS NOT NULL AS answered, outcome, overdue, ever_overdue,
                      COALESCE(late, false) AS late, rating FROM fb_items`;

function toFacts(row: FactRow): ItemFacts {
  return {
    assigned: row.assigned,
    answered: row.answered,
    outcome: row.outcome,
    overdueNow: row.overdue,
    everOverdue: row.ever_overdue,
    late: row.late,
    rating: row.rating,
  };
}

async function countsBy(manager: EntityManager, table: 'fb_applications' | 'fb_selections', ids: string[]): Promise<Map<string, number>> {
  const rows = (await manager.query(`SELECT open_day_id, count(*)::int AS n FROM ${table} WHERE open_day_id = ANY($1) GROUP BY open_day_id`, [ids])) as Array<{
    open_day_id: string;
    n: number;
  }>;
  return new Map(rows.map((r) => [r.open_day_id, r.n]));
}

async function summaryOf(manager: EntityManager, openDayId: string): Promise<OpenDaySummaryView | undefined> {
  const [row] = (await manager.query(`SELECT * FROM fb_summaries WHERE open_day_id = $1`, [openDayId])) as Array<{
    open_day_id: string;
    agency_id: string;
    text: string;
    figures: FeedbackFigures;
    attendance: AttendanceFigures;
    filed_by: string;
    filed_at: Date;
    first_filed_by: string;
    first_filed_at: Date;
    revision: number;
  }>;
  if (!row) return undefined;
  return {
    openDayId: row.open_day_id,
    agencyId: row.agency_id,
    text: row.text,
    figures: row.figures,
    attendance: row.attendance,
    filedBy: row.filed_by,
    filedAt: row.filed_at.toISOString(),
    firstFiledBy: row.first_filed_by,
    firstFiledAt: row.first_filed_at.toISOString(),
    revision: row.revision,
  };
}
