import type { AnswerOutcome, AttendanceFigures, AverageFigure, FeedbackFigures, ParticipationFigures, StatisticsGroup } from '@openday/contracts';

/** What the counts need to know of one feedback item. */
export interface ItemFacts {
  assigned: boolean;
  answered: boolean;
  outcome: AnswerOutcome | null;
  overdueNow: boolean;
  everOverdue: boolean;
  late: boolean;
  rating: number | null;
}

/** The figures of a set of items and survey responses (an open day's, an agency's, the city's); see FeedbackFigures. */
export function aggregate(items: readonly ItemFacts[], overallSatisfaction: readonly number[]): FeedbackFigures {
  const count = (test: (item: ItemFacts) => boolean) => items.filter(test).length;
  return {
    collected: items.length,
    assigned: count((i) => i.assigned),
    answered: count((i) => i.answered),
    solved: count((i) => i.answered && i.outcome === 'solved'),
    overdueNow: count((i) => !i.answered && i.overdueNow),
    overdueEver: count((i) => i.everOverdue),
    answeredLate: count((i) => i.answered && i.late),
    satisfaction: average(overallSatisfaction),
    rating: average(items.flatMap((i) => (i.rating === null ? [] : [i.rating]))),
  };
}

/** The mean rounded half up to two decimals, with the count behind it. */
export function average(values: readonly number[]): AverageFigure {
  if (values.length === 0) return { average: null, count: 0 };
  const sum = values.reduce((a, b) => a + b, 0);
  return { average: Math.round((sum / values.length) * 100) / 100, count: values.length };
}

/** One open day as the boards count it: its own counts, its attendance, its items and its survey's overall scores. */
export interface OpenDayFacts {
  id: string;
  agencyId: string;
  /** YYYY-MM-DD of the first session, when known. */
  firstDate: string | null;
  applications: number;
  selected: number;
  attendance: AttendanceFigures;
  items: readonly ItemFacts[];
  satisfaction: readonly number[];
}

/** The figures of a set of open days (a month's, an agency's, the city's, or one). */
export interface OpenDaysSummary {
  openDays: number;
  participation: ParticipationFigures;
  figures: FeedbackFigures;
}

/** Summed participation; no-shows only of the open days that ended (before that nobody is a no-show yet). */
export function participation(openDays: readonly OpenDayFacts[]): ParticipationFigures {
  const sum = (value: (o: OpenDayFacts) => number) => openDays.reduce((total, o) => total + value(o), 0);
  return {
    applications: sum((o) => o.applications),
    selected: sum((o) => o.selected),
    ticketsIssued: sum((o) => o.attendance.ticketsIssued),
    checkedIn: sum((o) => o.attendance.checkedIn),
    noShows: sum((o) => (o.attendance.final ? o.attendance.noShows : 0)),
    ended: sum((o) => (o.attendance.final ? 1 : 0)),
  };
}

/** Counts and averages over the open days' own items and scores (averages of all answers, not of the open days' averages). */
export function summarise(openDays: readonly OpenDayFacts[]): OpenDaysSummary {
  return {
    openDays: openDays.length,
    participation: participation(openDays),
    figures: aggregate(
      openDays.flatMap((o) => o.items),
      openDays.flatMap((o) => o.satisfaction),
    ),
  };
}

/**
 * By the month of the first session: every month of `year` when one is asked for, otherwise every
 * month from the first to the last with an open day, empty months included (a gap is a fact on a
 * time axis). Open days with no session date have no month.
 */
export function byMonth(openDays: readonly OpenDayFacts[], year: number | null): StatisticsGroup[] {
  const dated = openDays.filter((o) => o.firstDate !== null);
  const monthOf = (o: OpenDayFacts) => o.firstDate!.slice(0, 7);
  const known = dated.map(monthOf).sort();
  const months = year !== null ? monthsFrom(`${year}-01`, `${year}-12`) : known.length > 0 ? monthsFrom(known[0], known[known.length - 1]) : [];
  return months.map((month) => ({ key: month, ...summarise(dated.filter((o) => monthOf(o) === month)) }));
}

/** By organising agency, every agency with an open day, by code. */
export function byAgency(openDays: readonly OpenDayFacts[]): StatisticsGroup[] {
  const agencies = [...new Set(openDays.map((o) => o.agencyId))].sort();
  return agencies.map((agencyId) => ({ key: agencyId, ...summarise(openDays.filter((o) => o.agencyId === agencyId)) }));
}

/** The months from `first` to `last` (YYYY-MM), both included. */
export function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}
