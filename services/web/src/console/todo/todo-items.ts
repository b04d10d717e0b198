/**
 * The role's to-do list (待办 / 已办 / 督办) from the platform's own lists, as plain functions.
 * Each item carries the date it answers to; an open item past that date moves to 督办 by itself.
 */
import type { components } from '../../api/schema';
import { shanghaiDate } from '../../time/shanghai';
import { changeToCorrect } from '../changes/change-history';

type Plan = components['schemas']['PlanDto'];
type FeedbackItem = components['schemas']['FeedbackItemDto'];
type Coverage = components['schemas']['CalendarCoverageDto'];
type Flagged = components['schemas']['FlaggedApplicationDto'];
type PublicOpenDay = components['schemas']['PublicOpenDayDto'];

export type Bucket = 'todo' | 'done' | 'chase';
export const BUCKETS: readonly Bucket[] = ['todo', 'chase', 'done'];

export type TodoKind =
  | 'filing-review' // city office: a plan waits for approval or return
  | 'plan-filed' // city office: approved or published
  | 'calendar-year' // city office: a year of the official calendar to add
  | 'flagged-application' // city office: no answer within 2 working days
  | 'plan-to-submit' // agency: a draft to file by the 5-working-day date
  | 'plan-returned' // agency: returned with the city office's comments, to correct and file again
  | 'plan-submitted' // agency: with the city office or past it
  | 'plan-late' // city office: an agency's draft or returned plan past its on-time filing date
  | 'applicants-to-answer' // agency and selection group: applicants to answer within 2 working days of the deadline
  | 'feedback-to-answer' // department: an assigned opinion
  | 'feedback-answered'
  | 'feedback-overdue' // city office and agency: a department's answer past its due date
  | 'change-review' // city office: a change to a published open day waits for approval or return
  | 'change-returned'; // agency: a change the city office returned, to correct and file again

export interface TodoItem {
  id: string;
  kind: TodoKind;
  bucket: Bucket;
  /** What the item is about (a plan's title, an opinion's first words, a year). */
  subject: string;
  /** Asia/Shanghai date the item is due by (inclusive), or null when no rule dates it. */
  dueDate: string | null;
  /** Extra words for the item, e.g. the event date or the status. */
  detail?: Record<string, string>;
}

/** Whole calendar days from `today` to `date` (negative when past); both 'YYYY-MM-DD'. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** An open item past its due date is chased (督办); done stays done. */
function openBucket(dueDate: string | null, today: string): Bucket {
  return dueDate !== null && dueDate < today ? 'chase' : 'todo';
}

/** City office: submitted plans to decide before they were to be published; filed ones are done. */
export function cityOfficePlanItems(plans: readonly Plan[], today: string): TodoItem[] {
  return plans.flatMap<TodoItem>((plan) => {
    const detail = { eventDate: plan.firstSessionDate, agency: plan.agencyId, filingDate: plan.lastOnTimeFilingDate ?? '' };
    if (plan.status === 'submitted') {
      const dueDate = shanghaiDate(plan.publishAt);
      return [{ id: `plan:${plan.id}`, kind: 'filing-review', bucket: openBucket(dueDate, today), subject: plan.title, dueDate, detail }];
    }
    if (plan.status === 'approved' || plan.status === 'published') {
      return [{ id: `plan:${plan.id}`, kind: 'plan-filed', bucket: 'done', subject: plan.title, dueDate: null, detail: { ...detail, status: plan.status } }];
    }
    return [];
  });
}

/** Agency: drafts and returned plans to file by the last on-time filing date; filed ones are done. */
export function agencyPlanItems(plans: readonly Plan[], today: string): TodoItem[] {
  return plans.flatMap<TodoItem>((plan) => {
    const detail = { eventDate: plan.firstSessionDate, status: plan.status };
    if (plan.status === 'returned') {
      const dueDate = plan.lastOnTimeFilingDate;
      return [{ id: `plan:${plan.id}`, kind: 'plan-returned', bucket: openBucket(dueDate, today), subject: plan.title, dueDate, detail }];
    }
    if (plan.status === 'draft') {
      const dueDate = plan.lastOnTimeFilingDate;
      return [{ id: `plan:${plan.id}`, kind: 'plan-to-submit', bucket: openBucket(dueDate, today), subject: plan.title, dueDate, detail }];
    }
    if (plan.status === 'submitted' || plan.status === 'approved' || plan.status === 'published') {
      return [{ id: `plan:${plan.id}`, kind: 'plan-submitted', bucket: 'done', subject: plan.title, dueDate: null, detail }];
    }
    return [];
  });
}

/**
 * City office: agencies' drafts and returned plans past their last on-time filing date, while the
 * event is still ahead (督办: the agency is late filing).
 */
export function latePlanItems(plans: readonly Plan[], today: string): TodoItem[] {
  return plans.flatMap<TodoItem>((plan) => {
    const dueDate = plan.lastOnTimeFilingDate;
    if ((plan.status !== 'draft' && plan.status !== 'returned') || dueDate === null || dueDate >= today || plan.firstSessionDate < today) return [];
    const detail = { agency: plan.agencyId, eventDate: plan.firstSessionDate, status: plan.status };
    return [{ id: `plan:${plan.id}`, kind: 'plan-late', bucket: 'chase', subject: plan.title, dueDate, detail }];
  });
}

/** City office: the official calendar's missing years; the current year missing is chased at once. */
export function coverageItems(coverage: Coverage): TodoItem[] {
  const currentYear = Number(coverage.today.slice(0, 4));
  return coverage.missingYears.map((year) => ({
    id: `calendar:${year}`,
    kind: 'calendar-year' as const,
    bucket: coverage.urgent && year <= currentYear ? ('chase' as const) : ('todo' as const),
    subject: String(year),
    // Deadlines reach into a year before it starts: the next year is due by the end of this one.
    dueDate: year <= currentYear ? coverage.today : `${year - 1}-12-31`,
  }));
}

/** City office: applications not answered within 2 working days of the window's close (already late). */
export function flaggedItems(flagged: readonly Flagged[], titles: ReadonlyMap<string, string> = new Map()): TodoItem[] {
  return flagged.map((item) => ({
    id: `flagged:${item.applicationId}`,
    kind: 'flagged-application' as const,
    bucket: 'chase' as const,
    // The open day's title when a plan names it; its id otherwise.
    subject: titles.get(item.openDayId) ?? item.openDayId,
    dueDate: item.answerDueDate,
    detail: { agency: item.agencyId, state: item.state },
  }));
}

/** Department handler: assigned opinions by due date; overdue ones chased; answered ones done. */
export function feedbackItems(items: readonly FeedbackItem[], today: string): TodoItem[] {
  return items.map((item) => {
    const subject = item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text;
    const detail = { openDay: item.openDayTitle ?? '', topic: item.topic };
    if (item.status === 'answered') return { id: `feedback:${item.id}`, kind: 'feedback-answered' as const, bucket: 'done' as const, subject, dueDate: item.dueDate, detail };
    const bucket: Bucket = item.overdue ? 'chase' : openBucket(item.dueDate, today);
    return { id: `feedback:${item.id}`, kind: 'feedback-to-answer' as const, bucket, subject, dueDate: item.dueDate, detail };
  });
}

/** City office and agency: assigned opinions a department has not answered by their due date (督办). */
export function overdueFeedbackItems(items: readonly FeedbackItem[]): TodoItem[] {
  return items
    .filter((item) => item.overdue && item.status !== 'answered')
    .map((item) => ({
      id: `overdue:${item.id}`,
      kind: 'feedback-overdue' as const,
      bucket: 'chase' as const,
      subject: item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text,
      dueDate: item.dueDate,
      detail: { agency: item.agencyId, department: item.departmentId ?? '', openDay: item.openDayTitle ?? '' },
    }));
}

interface FiledChange {
  id: string;
  planId: string;
  title: string;
  agencyId: string;
  status: 'submitted' | 'returned' | 'applied';
  submittedAt: string;
  comments: string | null;
}

/** City office: changes to published open days that wait for review (no rule dates them). */
export function changeReviewItems(changes: readonly FiledChange[]): TodoItem[] {
  return changes
    .filter((change) => change.status === 'submitted')
    .map((change) => ({
      id: `change:${change.id}`,
      kind: 'change-review' as const,
      bucket: 'todo' as const,
      subject: change.title,
      dueDate: null,
      detail: { agency: change.agencyId, filedAt: shanghaiDate(change.submittedAt) },
    }));
}

/** Agency: each open day's newest change, when the city office returned it (a later change answers the return). */
export function changeReturnedItems(changes: readonly FiledChange[]): TodoItem[] {
  const planIds = [...new Set(changes.map((change) => change.planId))];
  return planIds.flatMap<TodoItem>((planId) => {
    const returned = changeToCorrect(changes.filter((change) => change.planId === planId));
    if (!returned) return [];
    return [{ id: `change:${planId}`, kind: 'change-returned', bucket: 'todo', subject: returned.title, dueDate: null, detail: { comments: returned.comments ?? '' } }];
  });
}

/** The words of an item's kind and what it is about: a change's under console.changes.todo, the others under console.todo. */
export function kindWords(kind: TodoKind): { kind: string; about: string } {
  if (kind === 'change-review') return { kind: 'console.changes.todo.kind', about: 'console.changes.todo.about' };
  if (kind === 'change-returned') return { kind: 'console.changes.todo.returnedKind', about: 'console.changes.todo.returnedAbout' };
  return { kind: `console.todo.kinds.${kind}`, about: `console.todo.about.${kind}` };
}

/**
 * Open days whose applicants the selection group answers itself (the platform answers first-come
 * and lottery ones by itself): registration has closed, the event is still ahead.
 */
export function openDaysToAnswer(openDays: readonly PublicOpenDay[], now: number, today: string): PublicOpenDay[] {
  return openDays.filter(
    (day) =>
      day.selectionMode === 'selection-group' &&
      !day.cancelledAt &&
      day.registrationClosesAt !== null &&
      Date.parse(day.registrationClosesAt) <= now &&
      day.date >= today,
  );
}

/**
 * Agency and selection group: an open day with applicants still unanswered, due by the 2nd
 * working day after its registration deadline (`dueDateOf` counts on the official calendar).
 */
export function applicantItems(
  openDays: readonly PublicOpenDay[],
  unanswered: ReadonlyMap<string, number>,
  dueDateOf: (closedOn: string) => string | null,
  today: string,
): TodoItem[] {
  return openDays.flatMap<TodoItem>((day) => {
    const count = unanswered.get(day.id) ?? 0;
    if (count === 0 || !day.registrationClosesAt) return [];
    const closedOn = shanghaiDate(day.registrationClosesAt);
    const dueDate = dueDateOf(closedOn);
    const detail = { count: String(count), closedOn, eventDate: day.date };
    return [{ id: `applicants:${day.id}`, kind: 'applicants-to-answer', bucket: openBucket(dueDate, today), subject: day.title, dueDate, detail }];
  });
}

/** Items of one bucket, the most pressing first (undated last). */
export function inBucket(items: readonly TodoItem[], bucket: Bucket): TodoItem[] {
  return items
    .filter((item) => item.bucket === bucket)
    .sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.subject.localeCompare(b.subject));
}

export function bucketCounts(items: readonly TodoItem[]): Record<Bucket, number> {
  const counts: Record<Bucket, number> = { todo: 0, chase: 0, done: 0 };
  for (const item of items) counts[item.bucket] += 1;
  return counts;
}

/** The rule an item's date answers to (words under console.todo.rules), or null when none dates it. */
export type TodoRule = 'filing-lead' | 'publication' | 'answer-applicants' | 'feedback-due' | 'calendar-year';

export function ruleOf(kind: TodoKind): TodoRule | null {
  switch (kind) {
    case 'plan-to-submit':
    case 'plan-returned':
    case 'plan-late':
      return 'filing-lead';
    case 'filing-review':
      return 'publication';
    case 'applicants-to-answer':
    case 'flagged-application':
      return 'answer-applicants';
    case 'feedback-to-answer':
    case 'feedback-overdue':
      return 'feedback-due';
    case 'calendar-year':
      return 'calendar-year';
    case 'plan-filed':
    case 'plan-submitted':
    case 'feedback-answered':
    case 'change-review':
    case 'change-returned':
      return null;
  }
}

/** Time left against the due date, as a word key and the days (under console.todo.timeLeft). */
export function timeLeft(dueDate: string | null, today: string): { key: 'none' | 'overdue' | 'today' | 'left'; days: number } {
  if (dueDate === null) return { key: 'none', days: 0 };
  const days = daysUntil(dueDate, today);
  if (days < 0) return { key: 'overdue', days: -days };
  if (days === 0) return { key: 'today', days: 0 };
  return { key: 'left', days };
}

/** Open day id → title, from plans that carry their open day. */
export function openDayTitles(plans: readonly Plan[]): Map<string, string> {
  return new Map(plans.flatMap((plan) => (plan.openDayId ? [[plan.openDayId, plan.title] as [string, string]] : [])));
}

/** Where an item is worked on in the console, when a page for it is built (null otherwise). */
export function todoLink(item: Pick<TodoItem, 'id' | 'kind'>): string | null {
  const [, id] = item.id.split(':');
  if (item.kind === 'filing-review' && id) return `/console/filing?plan=${encodeURIComponent(id)}`;
  if (item.kind === 'change-review') return '/console/filing?tab=changes';
  if (item.kind === 'change-returned' && id) return `/console/plans/${encodeURIComponent(id)}`;
  if ((item.kind === 'plan-to-submit' || item.kind === 'plan-returned') && id) return `/console/plans/${encodeURIComponent(id)}`;
  if (item.kind === 'calendar-year' && id) return `/console/calendar?year=${encodeURIComponent(id)}`;
  if (item.kind === 'flagged-application') return '/console/flagged';
  if ((item.kind === 'feedback-to-answer' || item.kind === 'feedback-answered') && id) return `/console/department-feedback?item=${encodeURIComponent(id)}`;
  return null;
}
