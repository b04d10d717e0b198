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
  StatisticsView,
} from '@openday/contracts';
import { Clock } from '@openday/platform';
import { assertManages, canManage, conflict, notFound, PROBLEMS } from '../feedback/access';
import { aggregate, type ItemFacts } from './figures';

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

/** Counts for dashboards (per open day, agency, city), the agency's summaries and the city-wide table. */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async openDay(actor: Actor, openDayId: string): Promise<StatisticsView> {
    const openDay = await this.managedOpenDay(this.dataSource.manager, actor, openDayId);
    const figures = (await this.figuresByOpenDay(this.dataSource.manager, 'open_day_id = $1', [openDayId])).get(openDayId) ?? aggregate([], []);
    return { scope: 'open-day', openDayId, agencyId: openDay.agency_id, openDays: 1, figures };
  }

  async agency(actor: Actor, agencyId: string): Promise<StatisticsView> {
    if (!canManage(actor, agencyId)) throw notFound(`agency ${agencyId}`);
    return this.scoped('agency', agencyId);
  }

  city(actor: Actor): Promise<StatisticsView> {
    if (actor.role !== 'city-office') throw notFound('city-wide figures for you');
    return this.scoped('city', null);
  }

  private async scoped(scope: 'agency' | 'city', agencyId: string | null): Promise<StatisticsView> {
    const manager = this.dataSource.manager;
    const where = agencyId ? 'agency_id = $1' : 'true';
    const params = agencyId ? [agencyId] : [];
    const facts = (await manager.query(`${FACTS} WHERE ${where}`, params)) as FactRow[];
    const scores = (await manager.query(
      `SELECT r.overall FROM fb_survey_responses r JOIN fb_open_days o ON o.id = r.open_day_id WHERE ${agencyId ? 'o.agency_id = $1' : 'true'}`,
      params,
    )) as Array<{ overall: number }>;
    const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM fb_open_days WHERE ${where}`, params)) as Array<{ n: number }>;
    return { scope, openDayId: null, agencyId, openDays: n, figures: aggregate(facts.map(toFacts), scores.map((s) => s.overall)) };
  }

  /** Files (or refiles) the agency's summary once the open day ended, with a snapshot of its figures. */
  async fileSummary(actor: Actor, openDayId: string, text: string): Promise<OpenDaySummaryView> {
    return this.dataSource.transaction(async (manager) => {
      const openDay = await this.managedOpenDay(manager, actor, openDayId, true);
      if (actor.role !== 'agency-admin') throw notFound(`open day ${openDayId} of your agency`);
      if (!openDay.ended_at) throw conflict(PROBLEMS.notEnded, 'Open day not ended', 'A summary is filed after the open day ended.');
      const figures = (await this.figuresByOpenDay(manager, 'open_day_id = $1', [openDayId])).get(openDayId) ?? aggregate([], []);
      const attendance = (await this.attendanceByOpenDay(manager, [openDay])).get(openDayId)!;
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO fb_summaries (open_day_id, agency_id, text, figures, attendance, filed_by, filed_at, first_filed_by, first_filed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7)
         ON CONFLICT (open_day_id) DO UPDATE SET text = $3, figures = $4, attendance = $5, filed_by = $6, filed_at = $7, revision = fb_summaries.revision + 1`,
        [openDayId, openDay.agency_id, text.trim(), JSON.stringify(figures), JSON.stringify(attendance), actor.userId, now],
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
    const manager = this.dataSource.manager;
    const conditions = ['true'];
    const params: unknown[] = [];
    if (query.month) {
      params.push(`${query.month}-01`);
      conditions.push(`first_date >= $${params.length}::date AND first_date < ($${params.length}::date + interval '1 month')`);
    }
    if (query.agencyId) {
      params.push(query.agencyId);
      conditions.push(`agency_id = $${params.length}`);
    }
    const openDays = (await manager.query(
      `SELECT id, agency_id, title, first_date::text AS first_date, last_date::text AS last_date, attendance, ended_at
         FROM fb_open_days WHERE ${conditions.join(' AND ')} ORDER BY first_date NULLS LAST, title, id`,
      params,
    )) as OpenDayRow[];
    const ids = openDays.map((o) => o.id);
    const figures = await this.figuresByOpenDay(manager, 'open_day_id = ANY($1)', [ids]);
    const attendance = await this.attendanceByOpenDay(manager, openDays);
    const applications = await countsBy(manager, 'fb_applications', ids);
    const selected = await countsBy(manager, 'fb_selections', ids);
    const summaries = new Set(((await manager.query(`SELECT open_day_id FROM fb_summaries WHERE open_day_id = ANY($1)`, [ids])) as Array<{ open_day_id: string }>).map((r) => r.open_day_id));
    const rows = openDays.map((o): OpenDayReportRow => {
      const f = figures.get(o.id) ?? aggregate([], []);
      const a = attendance.get(o.id)!;
      return {
        openDayId: o.id,
        title: o.title,
        agencyId: o.agency_id,
        firstDate: o.first_date,
        lastDate: o.last_date,
        applications: applications.get(o.id) ?? 0,
        selected: selected.get(o.id) ?? 0,
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

  private async figuresByOpenDay(manager: EntityManager, where: string, params: unknown[]): Promise<Map<string, FeedbackFigures>> {
    const facts = (await manager.query(`${FACTS} WHERE ${where}`, params)) as FactRow[];
    const scores = (await manager.query(`SELECT open_day_id, overall FROM fb_survey_responses WHERE ${where}`, params)) as Array<{ open_day_id: string; overall: number }>;
    const ids = new Set([...facts.map((f) => f.open_day_id), ...scores.map((s) => s.open_day_id)]);
    return new Map(
      [...ids].map((id) => [
        id,
        aggregate(
          facts.filter((f) => f.open_day_id === id).map(toFacts),
          scores.filter((s) => s.open_day_id === id).map((s) => s.overall),
        ),
      ]),
    );
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
