import type { components } from '../../api/schema';

export type StatisticsView = components['schemas']['StatisticsDto'];
export type StatisticsGroup = components['schemas']['StatisticsGroupDto'];
export type OpenDayRow = components['schemas']['OpenDayReportRowDto'];
export type FeedbackItem = components['schemas']['FeedbackItemDto'];

/** What a board counts of a set of open days (a whole view or one month's or agency's group). */
type Counted = Pick<StatisticsGroup, 'openDays' | 'participation' | 'figures'>;

/** Every figure a board shows, read the same way from a view or a group (averages may be null: nothing to average). */
export const FIGURES = {
  openDays: (c: Counted) => c.openDays,
  applications: (c: Counted) => c.participation.applications,
  selected: (c: Counted) => c.participation.selected,
  ticketsIssued: (c: Counted) => c.participation.ticketsIssued,
  checkedIn: (c: Counted) => c.participation.checkedIn,
  noShows: (c: Counted) => c.participation.noShows,
  collected: (c: Counted) => c.figures.collected,
  assigned: (c: Counted) => c.figures.assigned,
  answered: (c: Counted) => c.figures.answered,
  solved: (c: Counted) => c.figures.solved,
  overdueNow: (c: Counted) => c.figures.overdueNow,
  satisfaction: (c: Counted) => c.figures.satisfaction.average,
  rating: (c: Counted) => c.figures.rating.average,
} satisfies Record<string, (c: Counted) => number | null>;
export type Figure = keyof typeof FIGURES;

/** The charts of a month's or agency's board: each a few figures side by side per month or agency. */
export const GROUP_CHARTS = {
  participation: ['applications', 'selected', 'checkedIn', 'noShows'],
  feedback: ['collected', 'answered', 'solved', 'overdueNow'],
  scores: ['satisfaction', 'rating'],
} as const satisfies Record<string, readonly Figure[]>;
export type GroupChart = keyof typeof GROUP_CHARTS;

/** The columns of the numbers beside the charts, in reading order. */
export const TABLE_FIGURES: readonly Figure[] = [
  'openDays',
  'applications',
  'selected',
  'checkedIn',
  'noShows',
  'collected',
  'answered',
  'solved',
  'overdueNow',
  'satisfaction',
  'rating',
];

/** One open day's charts: its way from application to the door, and its opinions by how far they got. */
export const OPEN_DAY_PARTICIPATION: readonly Figure[] = ['applications', 'selected', 'ticketsIssued', 'checkedIn', 'noShows'];
export const OPEN_DAY_FEEDBACK = ['collected', 'assigned', 'answered', 'solved', 'overdueNow'] as const satisfies readonly Figure[];
export type FeedbackBar = (typeof OPEN_DAY_FEEDBACK)[number];

export function isFeedbackBar(value: string | null): value is FeedbackBar {
  return (OPEN_DAY_FEEDBACK as readonly string[]).includes(value ?? '');
}

/**
 * The opinions behind one feedback bar, by the rules the feedback service counts them by:
 * collected = every one; assigned = ever given to a department; answered; solved = answered
 * "solved"; overdueNow = with a department, unanswered and past its due date now.
 */
export function itemsBehind(bar: FeedbackBar, items: readonly FeedbackItem[]): FeedbackItem[] {
  const rule: Record<FeedbackBar, (item: FeedbackItem) => boolean> = {
    collected: () => true,
    assigned: (item) => item.assignedAt !== null,
    answered: (item) => item.status === 'answered',
    solved: (item) => item.status === 'answered' && item.answer?.outcome === 'solved',
    overdueNow: (item) => item.status !== 'answered' && item.overdue,
  };
  return items.filter(rule[bar]);
}

/** A board's place in the address: the year (null: every year), and the month or agency whose open days are listed. */
export type Grouping = 'month' | 'agency';

export interface BoardQuery {
  year: number | null;
  month: string | null;
  agency: string | null;
  by: Grouping;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const AGENCY = /^[a-z0-9][a-z0-9-]{1,63}$/;
const YEAR = /^20\d{2}$/;

/** Reads the address; anything malformed is as if absent (the current year, nothing chosen). */
export function boardQuery(params: URLSearchParams, currentYear: number): BoardQuery {
  const year = params.get('year');
  const month = params.get('month');
  const agency = params.get('agency');
  return {
    year: year === 'all' ? null : year && YEAR.test(year) ? Number(year) : currentYear,
    month: month && MONTH.test(month) ? month : null,
    agency: agency && AGENCY.test(agency) ? agency : null,
    by: params.get('by') === 'agency' ? 'agency' : 'month',
  };
}

/** The address of a board state: the year always (so "every year" survives a reload), the rest when set. */
export function boardSearch(query: BoardQuery): Record<string, string> {
  return {
    year: query.year === null ? 'all' : String(query.year),
    ...(query.by === 'agency' ? { by: 'agency' } : {}),
    ...(query.month ? { month: query.month } : {}),
    ...(query.agency ? { agency: query.agency } : {}),
  };
}

/** The years to choose from: next year back to four years ago (open days are planned ahead). */
export function yearChoices(currentYear: number): number[] {
  return Array.from({ length: 6 }, (_, i) => currentYear + 1 - i);
}

/** The list's filter for the open days behind the chosen bar (a month's within the year, an agency's within the year). */
export function listFilter(query: BoardQuery, scopeAgency: string | null): { agencyId?: string; month?: string; year?: string } {
  const agencyId = scopeAgency ?? query.agency ?? undefined;
  if (query.month) return { month: query.month, ...(agencyId ? { agencyId } : {}) };
  return { ...(query.year !== null ? { year: String(query.year) } : {}), ...(agencyId ? { agencyId } : {}) };
}

/** Where a board's chart area is drawn, fixed so a click is found by position and bars never shift under labels. */
export const BOARD_GRID = { left: 48, right: 16, top: 48, bottom: 64 } as const;

export interface BarSeries {
  name: string;
  values: ReadonlyArray<number | null>;
}

/**
 * An ECharts option for bars: one band per category (a month, an agency or a figure), one bar per
 * series in each band; `max` fixes the value axis (1-5 scores). Nothing from ECharts itself: the
 * option is plain data, so it is tested here.
 */
export function barOption(categories: readonly string[], series: readonly BarSeries[], options: { max?: number; colours?: readonly string[] } = {}) {
  const colours = options.colours ?? BAR_COLOURS;
  const many = categories.length > 12;
  return {
    animation: false,
    color: [...colours],
    grid: { ...BOARD_GRID, outerBoundsMode: 'none' },
    legend: series.length > 1 ? { top: 8, left: 'center', itemWidth: 14, itemHeight: 10 } : undefined,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: [...categories],
      axisTick: { alignWithLabel: true },
      axisLabel: { interval: 0, rotate: many ? 40 : 0, width: many ? 80 : undefined, overflow: 'truncate', hideOverlap: false },
    },
    yAxis: { type: 'value', minInterval: options.max ? 0.5 : 1, ...(options.max ? { max: options.max, min: 0 } : {}) },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: [...s.values], barMaxWidth: 28, emphasis: { focus: 'none' } })),
  };
}

/** Colours with at least 3:1 contrast on white, told apart without colour by the table and legend order. */
export const BAR_COLOURS = ['#1f5fbf', '#2a8c55', '#b35c00', '#b3261e', '#6b4fbb'] as const;

/** The band a click at `x` (pixels from the chart's left edge) falls in, or null outside the chart area. */
export function bandAt(x: number, chartWidth: number, bands: number): number | null {
  const width = chartWidth - BOARD_GRID.left - BOARD_GRID.right;
  const offset = x - BOARD_GRID.left;
  if (bands === 0 || width <= 0 || offset < 0 || offset >= width) return null;
  return Math.floor((offset / width) * bands);
}

/** A month on an axis: 11月 / Nov within a chosen year, 2026年11月 / Nov 2026 across years. */
export function monthLabel(month: string, language: string, withYear: boolean): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'UTC', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** An average for reading: two decimals at most, or nothing to show. */
export function averageText(value: number | null): string | null {
  return value === null ? null : String(Math.round(value * 100) / 100);
}
