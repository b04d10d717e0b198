/** The department handler's answer inbox as plain functions: the order, overdue marking and the answer's body. */
import type { components } from '../../api/schema';

type FeedbackItem = components['schemas']['FeedbackItemDto'];
export type AnswerBody = components['schemas']['AnswerFeedbackDoc'];
export type Outcome = AnswerBody['outcome'];

/** The four outcomes the gateway offers, in the order they are offered. */
export const OUTCOMES: readonly Outcome[] = ['solved', 'will-be-solved', 'explained', 'not-our-remit'];
export const ANSWER_MAX = 4000;
export const PASSED_TO_MAX = 200;

export interface InboxRow {
  item: FeedbackItem;
  /** Unanswered and past the end of its due date (the gateway's word, or today's date past it). */
  overdue: boolean;
  open: boolean;
}

/** Open opinions first, the earliest due date first (undated last); answered ones after, by due date too. */
export function inboxRows(items: readonly FeedbackItem[], today: string): InboxRow[] {
  return items
    .map((item) => {
      const open = item.status !== 'answered';
      return { item, open, overdue: open && (item.overdue || (item.dueDate !== null && item.dueDate < today)) };
    })
    .sort(
      (a, b) =>
        Number(b.open) - Number(a.open) ||
        (a.item.dueDate ?? '9999-12-31').localeCompare(b.item.dueDate ?? '9999-12-31') ||
        a.item.submittedAt.localeCompare(b.item.submittedAt),
    );
}

export interface AnswerForm {
  outcome: Outcome | null;
  answer: string;
  promisedBy: string;
  passedTo: string;
}

export type AnswerProblems = Partial<Record<'outcome' | 'answer' | 'promisedBy' | 'passedTo', 'required' | 'too-long' | 'date' | 'past'>>;

/** The request body for the form, or what is missing: a date only for will-be-solved, a body only for not-our-remit. */
export function answerBody(form: AnswerForm, today: string): { ok: true; body: AnswerBody } | { ok: false; problems: AnswerProblems } {
  const problems: AnswerProblems = {};
  const answer = form.answer.trim();
  const promisedBy = form.promisedBy.trim();
  const passedTo = form.passedTo.trim();
  if (!form.outcome) problems.outcome = 'required';
  if (answer === '') problems.answer = 'required';
  else if (answer.length > ANSWER_MAX) problems.answer = 'too-long';
  if (form.outcome === 'will-be-solved') {
    if (promisedBy === '') problems.promisedBy = 'required';
    else if (!isDate(promisedBy)) problems.promisedBy = 'date';
    else if (promisedBy < today) problems.promisedBy = 'past';
  }
  if (form.outcome === 'not-our-remit') {
    if (passedTo === '') problems.passedTo = 'required';
    else if (passedTo.length > PASSED_TO_MAX) problems.passedTo = 'too-long';
  }
  if (!form.outcome || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      outcome: form.outcome,
      answer,
      ...(form.outcome === 'will-be-solved' ? { promisedBy } : {}),
      ...(form.outcome === 'not-our-remit' ? { passedTo } : {}),
    },
  };
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
