/**
 * What the city office sends to the working-day calendar (POST /api/v1/working-calendar/changes),
 * checked before it goes: a new year entered from the State Council's notice, one line per
 * holiday or adjusted working day with its name; or one day corrected. And the server's refusals
 * turned back into the dates they are about.
 */
import type { components } from '../../api/schema';
import { addDays, isCalendarDate, type CalendarDate } from '@openday/domain/calendar';
import { FIRST_YEAR, isWeekendDate, LAST_YEAR, type DayKind } from './year-at-a-glance';

export type CalendarChangeBody = components['schemas']['CalendarChangeBodyDoc'];
type Problem = components['schemas']['Problem'];

/** The API keeps a note of at most this many characters with each change. */
export const NOTE_MAX = 500;
export const NAME_MAX = 20;
/** The longest official break (the Spring Festival, National Day) is 8–9 days; a month is a typo. */
export const RANGE_MAX_DAYS = 31;

/** The holidays every year's notice names, in its order: the form starts with them. */
export const NOTICE_HOLIDAYS = ['newYear', 'springFestival', 'qingming', 'labourDay', 'dragonBoat', 'midAutumn', 'nationalDay'] as const;

export type LineKind = 'holiday' | 'adjusted';

/** One line of the notice: a named holiday from–to, or a named adjusted working day (or days). */
export interface NoticeLine {
  name: string;
  kind: LineKind;
  /** YYYY-MM-DD; '' while not filled in. */
  from: string;
  /** YYYY-MM-DD or '' for a single day. */
  to: string;
}

export type LineProblem =
  | 'name-required'
  | 'name-too-long'
  | 'from-required'
  | 'not-a-date'
  | 'other-year'
  | 'to-before-from'
  | 'too-long'
  | 'not-weekend'
  | 'listed-twice';

export type YearProblem = 'year-invalid' | 'year-covered' | 'no-lines' | 'basis-too-long';

export interface NewYearForm {
  year: number | null;
  /** The notice the dates come from, e.g. 国务院办公厅关于2028年部分节假日安排的通知. */
  basis: string;
  lines: NoticeLine[];
}

export type NewYearOutcome =
  | { ok: true; body: CalendarChangeBody; holidays: string[]; adjustedWorkingDays: string[] }
  | { ok: false; year?: YearProblem; lines: Array<{ index: number; problem: LineProblem; date?: string }> };

/** Every date from `from` to `to` inclusive (`to` '' for one day); capped to keep a typo cheap. */
export function datesOf(from: string, to: string): string[] {
  const last = to || from;
  const dates: string[] = [];
  for (let date = from as CalendarDate; date <= last && dates.length <= RANGE_MAX_DAYS; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function lineProblem(line: NoticeLine, year: number): { problem: LineProblem; date?: string } | undefined {
  const name = line.name.trim();
  if (!name) return { problem: 'name-required' };
  if (name.length > NAME_MAX) return { problem: 'name-too-long' };
  if (!line.from) return { problem: 'from-required' };
  if (!isCalendarDate(line.from) || (line.to && !isCalendarDate(line.to))) return { problem: 'not-a-date' };
  if (Number(line.from.slice(0, 4)) !== year || (line.to && Number(line.to.slice(0, 4)) !== year)) return { problem: 'other-year' };
  if (line.to && line.to < line.from) return { problem: 'to-before-from' };
  const dates = datesOf(line.from, line.to);
  if (dates.length > RANGE_MAX_DAYS) return { problem: 'too-long' };
  if (line.kind === 'adjusted') {
    const weekday = dates.find((date) => !isWeekendDate(date));
    if (weekday) return { problem: 'not-weekend', date: weekday };
  }
  return undefined;
}

/**
 * The change that adds a year: its holidays (every day of each break, weekends included, as
 * the notice lists them) and adjusted working days, with the notice and the names as the note.
 */
export function newYearChange(form: NewYearForm, coveredYears: readonly number[]): NewYearOutcome {
  const year = form.year;
  if (year === null || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, year: 'year-invalid', lines: [] };
  if (coveredYears.includes(year)) return { ok: false, year: 'year-covered', lines: [] };
  const basis = form.basis.trim();
  if (basis.length > NOTE_MAX - 100) return { ok: false, year: 'basis-too-long', lines: [] };
  if (form.lines.length === 0) return { ok: false, year: 'no-lines', lines: [] };

  const problems: Array<{ index: number; problem: LineProblem; date?: string }> = [];
  const seen = new Map<string, LineKind>();
  form.lines.forEach((line, index) => {
    const problem = lineProblem(line, year);
    if (problem) {
      problems.push({ index, ...problem });
      return;
    }
    for (const date of datesOf(line.from, line.to)) {
      const earlier = seen.get(date);
      if (earlier !== undefined && earlier !== line.kind) {
        problems.push({ index, problem: 'listed-twice', date });
        return;
      }
      seen.set(date, line.kind);
    }
  });
  if (problems.length > 0) return { ok: false, lines: problems };

  const holidays = [...seen].filter(([, kind]) => kind === 'holiday').map(([date]) => date).sort();
  const adjustedWorkingDays = [...seen].filter(([, kind]) => kind === 'adjusted').map(([date]) => date).sort();
  return {
    ok: true,
    holidays,
    adjustedWorkingDays,
    body: { coveredYears: [year], holidays, adjustedWorkingDays, note: noticeNote(basis, form.lines) },
  };
}

/** 国务院办公厅…通知｜元旦 01-01；春节 02-15至02-21；…, cut to the API's 500 characters. */
export function noticeNote(basis: string, lines: readonly NoticeLine[]): string {
  const named = lines.map((line) => `${line.name.trim()} ${line.from.slice(5)}${line.to && line.to !== line.from ? `至${line.to.slice(5)}` : ''}`).join('；');
  const note = basis ? `${basis}｜${named}` : named;
  return note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note;
}

export type CorrectionKind = 'holiday' | 'adjusted' | 'ordinary';
export type CorrectionProblem = 'date-required' | 'not-a-date' | 'year-not-covered' | 'kind-required' | 'not-weekend' | 'unchanged' | 'reason-required' | 'reason-too-long';

/** What the day becomes from a correction, for comparing with what it is now. */
export function kindAfter(date: string, correction: CorrectionKind): DayKind {
  if (correction === 'holiday') return 'holiday';
  if (correction === 'adjusted') return 'adjusted';
  return isWeekendDate(date) ? 'weekend' : 'working';
}

/** One day corrected: made a holiday, an adjusted working day, or ordinary again (the Monday–Friday rule). */
export function dayCorrection(
  input: { date: string; kind: CorrectionKind | null; reason: string },
  coveredYears: readonly number[],
  currentKind: (date: string) => DayKind,
): { ok: true; body: CalendarChangeBody; after: DayKind } | { ok: false; field: 'date' | 'kind' | 'reason'; problem: CorrectionProblem } {
  const { date, kind } = input;
  const reason = input.reason.trim();
  if (!date) return { ok: false, field: 'date', problem: 'date-required' };
  if (!isCalendarDate(date)) return { ok: false, field: 'date', problem: 'not-a-date' };
  if (!coveredYears.includes(Number(date.slice(0, 4)))) return { ok: false, field: 'date', problem: 'year-not-covered' };
  if (kind === null) return { ok: false, field: 'kind', problem: 'kind-required' };
  if (kind === 'adjusted' && !isWeekendDate(date)) return { ok: false, field: 'kind', problem: 'not-weekend' };
  if (currentKind(date) === kindAfter(date, kind)) return { ok: false, field: 'kind', problem: 'unchanged' };
  if (!reason) return { ok: false, field: 'reason', problem: 'reason-required' };
  if (reason.length > NOTE_MAX) return { ok: false, field: 'reason', problem: 'reason-too-long' };
  const list = kind === 'holiday' ? 'holidays' : kind === 'adjusted' ? 'adjustedWorkingDays' : 'ordinaryDays';
  return { ok: true, body: { [list]: [date], note: reason }, after: kindAfter(date, kind) };
}

export type ServerProblemKey = 'uncovered-year' | 'listed-twice' | 'not-weekend' | 'not-a-date' | 'empty' | 'other';

/**
 * The calendar's refusals (400 with `errors[]` naming e.g. `holidays[3]`) as the dates they are
 * about and what is wrong, for words in the reader's language; the server's sentence is kept for
 * anything unknown.
 */
export function calendarRefusals(problem: Pick<Problem, 'errors'>, sent: CalendarChangeBody): Array<{ key: ServerProblemKey; date?: string; message: string }> {
  return (problem.errors ?? []).map((error) => {
    const match = /^(holidays|adjustedWorkingDays|ordinaryDays)\[(\d+)\]$/.exec(error.field);
    const date = match ? sent[match[1] as 'holidays' | 'adjustedWorkingDays' | 'ordinaryDays']?.[Number(match[2])] : undefined;
    const found = { date, message: error.message };
    if (error.rule === 'coveredYear') return { key: 'uncovered-year', ...found };
    if (error.rule === 'notEmpty') return { key: 'empty', ...found };
    if (error.message.includes('listed both as')) return { key: 'listed-twice', ...found };
    if (error.message.includes('not on a weekend')) return { key: 'not-weekend', ...found };
    if (error.message.includes('calendar date') || error.rule === 'isDateString' || error.rule === 'matches') return { key: 'not-a-date', ...found };
    return { key: 'other', ...found };
  });
}
