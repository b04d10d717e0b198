/**
 * The city-wide report as plain functions: the filters as the API takes them, and the totals
 * row (sums; satisfaction and rating averaged over every answer, not over open days).
 */
import type { components } from '../../api/schema';

export type ReportRow = components['schemas']['OpenDayReportRowDto'];

export interface ReportFilters {
  /** 'YYYY-MM' or ''. */
  month: string;
  /** An agency code or ''. */
  agencyId: string;
}

/** The query the report and its exports are asked with: empty filters left out. */
export function reportQuery(filters: ReportFilters): { month?: string; agencyId?: string } {
  return {
    ...(/^\d{4}-(0[1-9]|1[0-2])$/.test(filters.month) ? { month: filters.month } : {}),
    ...(filters.agencyId ? { agencyId: filters.agencyId } : {}),
  };
}

export function filtersFromQuery(params: URLSearchParams): ReportFilters {
  return reportFiltersOf(params.get('month') ?? '', params.get('agency') ?? '');
}

function reportFiltersOf(month: string, agencyId: string): ReportFilters {
  return { month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : '', agencyId: /^[a-z0-9][a-z0-9-]{1,63}$/.test(agencyId) ? agencyId : '' };
}

export interface ReportTotals {
  openDays: number;
  applications: number;
  selected: number;
  ticketsIssued: number;
  checkedIn: number;
  /** Null when no open day has ended (no-shows are known only then). */
  noShows: number | null;
  collected: number;
  answered: number;
  solved: number;
  overdueNow: number;
  satisfaction: number | null;
  satisfactionCount: number;
  rating: number | null;
  ratingCount: number;
  summariesFiled: number;
}

function weightedAverage(rows: readonly ReportRow[], value: 'satisfaction' | 'rating', count: 'satisfactionCount' | 'ratingCount'): { average: number | null; count: number } {
  const answers = rows.reduce((n, row) => n + (row[value] === null ? 0 : row[count]), 0);
  if (answers === 0) return { average: null, count: 0 };
  const sum = rows.reduce((n, row) => n + (row[value] === null ? 0 : (row[value] as number) * row[count]), 0);
  return { average: Math.round((sum / answers) * 100) / 100, count: answers };
}

export function reportTotals(rows: readonly ReportRow[]): ReportTotals {
  const sum = (key: 'applications' | 'selected' | 'ticketsIssued' | 'checkedIn' | 'collected' | 'answered' | 'solved' | 'overdueNow') => rows.reduce((n, row) => n + row[key], 0);
  const ended = rows.filter((row) => row.noShows !== null);
  const satisfaction = weightedAverage(rows, 'satisfaction', 'satisfactionCount');
  const rating = weightedAverage(rows, 'rating', 'ratingCount');
  return {
    openDays: rows.length,
    applications: sum('applications'),
    selected: sum('selected'),
    ticketsIssued: sum('ticketsIssued'),
    checkedIn: sum('checkedIn'),
    noShows: ended.length === 0 ? null : ended.reduce((n, row) => n + (row.noShows ?? 0), 0),
    collected: sum('collected'),
    answered: sum('answered'),
    solved: sum('solved'),
    overdueNow: sum('overdueNow'),
    satisfaction: satisfaction.average,
    satisfactionCount: satisfaction.count,
    rating: rating.average,
    ratingCount: rating.count,
    summariesFiled: rows.filter((row) => row.summaryFiled).length,
  };
}

/** The name a download is saved under when the server names none: open-days-2026-11-water-affairs-bureau.csv. */
export function exportFallbackName(filters: ReportFilters, format: 'csv' | 'xlsx'): string {
  return `${['open-days', filters.month, filters.agencyId].filter(Boolean).join('-')}.${format}`;
}

/** The months the filter offers, newest first: from January of last year to December of next year (YYYY-MM). */
export function monthChoices(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const months: string[] = [];
  for (let y = year + 1; y >= year - 1; y -= 1) for (let m = 12; m >= 1; m -= 1) months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
}
