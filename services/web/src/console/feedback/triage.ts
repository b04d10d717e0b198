/** The agency's triage of opinions as plain functions: filters, order, assignment and recording. */
import type { components } from '../../api/schema';
import type { Problem } from '../api/console-client';

type FeedbackItem = components['schemas']['FeedbackItemDto'];
type Agency = components['schemas']['AgencyDto'];
export type Topic = FeedbackItem['topic'];
export type Status = FeedbackItem['status'];
export type AssignBody = components['schemas']['AssignFeedbackDoc'];
export type RecordBody = components['schemas']['RecordFeedbackDoc'];

export const TOPICS: readonly Topic[] = ['public-service', 'policy', 'infrastructure', 'environment', 'safety', 'transparency', 'event-organisation', 'other'];
export const STATUSES: readonly Status[] = ['collected', 'assigned', 'answered'];
export const TEXT_MAX = 2000;
export const ATTACHMENT_MAX = 500;
/** As the gateway takes it: an http(s) URL or a file reference `file:<path>`. */
const ATTACHMENT = /^(https?:\/\/[^\s/$.?#][^\s]*|file:[A-Za-z0-9][A-Za-z0-9._/-]*)$/;
/** The city office's own entry in the agencies directory: it chases (督办), it does not answer opinions. */
const CITY_OFFICE = 'city-office';

export interface TriageFilters {
  status: Status | null;
  topic: Topic | null;
  overdueOnly: boolean;
}

/** The filters the address holds (anything unknown is no filter). */
export function filtersFrom(params: URLSearchParams): TriageFilters {
  const status = params.get('status');
  const topic = params.get('topic');
  return {
    status: STATUSES.find((s) => s === status) ?? null,
    topic: TOPICS.find((t) => t === topic) ?? null,
    overdueOnly: params.get('overdue') === 'true',
  };
}

/** The list's query for the gateway (its filters: status, topic, overdue). */
export function triageQuery(filters: TriageFilters): { status?: Status; topic?: Topic; overdue?: 'true' } {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.overdueOnly ? { overdue: 'true' as const } : {}),
  };
}

export interface TriageRow {
  item: FeedbackItem;
  /** Assigned, unanswered and past the end of its due date (the gateway's word, or today past it). */
  overdue: boolean;
}

/**
 * What needs doing first: opinions not yet assigned (oldest first), then assigned ones by due
 * date (overdue ones are the earliest), then answered ones, the latest answer first.
 */
export function triageRows(items: readonly FeedbackItem[], today: string): TriageRow[] {
  const rank: Record<Status, number> = { collected: 0, assigned: 1, answered: 2 };
  return items
    .map((item) => ({ item, overdue: item.status === 'assigned' && (item.overdue || (item.dueDate !== null && item.dueDate < today)) }))
    .sort((a, b) => {
      const byStatus = rank[a.item.status] - rank[b.item.status];
      if (byStatus !== 0) return byStatus;
      if (a.item.status === 'assigned') {
        const byDue = (a.item.dueDate ?? '9999-12-31').localeCompare(b.item.dueDate ?? '9999-12-31');
        if (byDue !== 0) return byDue;
      }
      if (a.item.status === 'answered') {
        const byAnswer = (b.item.answer?.answeredAt ?? '').localeCompare(a.item.answer?.answeredAt ?? '');
        if (byAnswer !== 0) return byAnswer;
      }
      return a.item.submittedAt.localeCompare(b.item.submittedAt);
    });
}

export interface Department {
  id: string;
  name: string;
}

/** The departments an opinion can go to: the directory's active agencies but the city office, by name. */
export function departmentChoices(agencies: readonly Agency[], language: string): Department[] {
  return agencies
    .filter((agency) => agency.active && agency.id !== CITY_OFFICE)
    .map((agency) => ({ id: agency.id, name: agency.name }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

export interface AssignForm {
  departmentId: string | null;
  /** YYYY-MM-DD, or '' for the rule's date (15 working days, counted by the platform). */
  dueDate: string;
}

export type AssignProblems = Partial<{ departmentId: 'required'; dueDate: 'date' | 'past' }>;

/** The assignment's body, or what is wrong: a department is needed; a due date, if given, is a real date from today on. */
export function assignmentBody(form: AssignForm, today: string): { ok: true; body: AssignBody } | { ok: false; problems: AssignProblems } {
  const problems: AssignProblems = {};
  const dueDate = form.dueDate.trim();
  if (!form.departmentId) problems.departmentId = 'required';
  if (dueDate !== '') {
    if (!isDate(dueDate)) problems.dueDate = 'date';
    else if (dueDate < today) problems.dueDate = 'past';
  }
  if (!form.departmentId || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: { departmentId: form.departmentId, ...(dueDate ? { dueDate } : {}) } };
}

export interface RecordForm {
  text: string;
  topic: Topic | null;
  attachment: string;
}

export type RecordProblems = Partial<{ text: 'required' | 'too-long'; topic: 'required'; attachment: 'shape' | 'too-long' }>;

/** What a representative said at a forum, as staff record it: the words and a topic, a link if there is one. */
export function recordBody(form: RecordForm): { ok: true; body: RecordBody } | { ok: false; problems: RecordProblems } {
  const problems: RecordProblems = {};
  const text = form.text.trim();
  const attachment = form.attachment.trim();
  if (text === '') problems.text = 'required';
  else if (text.length > TEXT_MAX) problems.text = 'too-long';
  if (!form.topic) problems.topic = 'required';
  if (attachment.length > ATTACHMENT_MAX) problems.attachment = 'too-long';
  else if (attachment !== '' && !ATTACHMENT.test(attachment)) problems.attachment = 'shape';
  if (!form.topic || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: { text, topic: form.topic, ...(attachment ? { attachment } : {}) } };
}

/**
 * The server's refusals this page can say precisely (under console.feedback.serverProblems):
 * an unknown department, a past due date, a calendar year not yet entered, an item answered already.
 */
export function knownProblem(problem: Problem): string | undefined {
  if (problem.type.endsWith('/problems/feedback-state')) return 'answered';
  const known = ['departmentId.knownAgency', 'dueDate.notPast', 'dueDate.calendarCovers'];
  return (problem.errors ?? []).map((error) => `${error.field}.${error.rule}`).find((key) => known.includes(key));
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
