import type { TFunction } from 'i18next';
import { reasonInWords } from '../applications/reason-words';
import type { NextStep, TimelineEntry } from './build-timeline';

/** A department's name from its agencies-directory code (the code itself while the names load). */
export type NameOf = (code: string) => string;

function department(t: TFunction, nameOf: NameOf, code: string | null): string {
  return code ? nameOf(code) : t('account.timeline.theDepartment');
}

/** One timeline entry in a sentence. */
export function describeEntry(t: TFunction, entry: TimelineEntry, nameOf: NameOf): string {
  const who = 'person' in entry && entry.person ? t('account.timeline.personPrefix', { person: entry.person }) : '';
  return who + entryWords(t, entry, nameOf);
}

function entryWords(t: TFunction, entry: TimelineEntry, nameOf: NameOf): string {
  const e = (key: string, values: Record<string, unknown> = {}) => t(`account.timeline.entry.${key}`, values);
  switch (entry.kind) {
    case 'submitted':
    case 'withdrawn':
    case 'selected':
    case 'checked-in':
    case 'no-show':
      return e(entry.kind);
    case 'waitlisted':
      return entry.position === null ? e('waitlistedNoPosition') : e('waitlisted', { position: entry.position });
    case 'rejected':
      return e('rejected', { reason: reasonInWords(t, entry.reasonCode) });
    case 'ticket-issued':
      return e(entry.promoted ? 'ticket-issued-promoted' : 'ticket-issued');
    case 'ticket-revoked':
      return e('ticket-revoked', { reason: t(`account.timeline.revocation.${entry.reason ?? 'unknown'}`) });
    case 'opinion-given':
      return e('opinion-given', { text: entry.text });
    case 'opinion-assigned':
      return entry.dueDate
        ? e('opinion-assigned', { department: department(t, nameOf, entry.departmentId), due: entry.dueDate })
        : e('opinion-assigned-no-due', { department: department(t, nameOf, entry.departmentId) });
    case 'opinion-answered': {
      const outcome = t(`account.timeline.outcome.${entry.outcome}`, { date: entry.promisedBy ?? '', to: entry.passedTo ?? '' });
      const late = entry.late ? e('opinion-answered-late') : '';
      return e('opinion-answered', { department: department(t, nameOf, entry.departmentId), outcome, answer: entry.answer }) + late;
    }
    case 'answer-rated':
      return e('answer-rated', { rating: entry.rating });
  }
}

/** Who has to act next, in a sentence. */
export function describeNext(t: TFunction, next: NextStep, formatInstant: (iso: string) => string, nameOf: NameOf): string {
  const n = (key: string, values: Record<string, unknown> = {}) => t(`account.timeline.next.${key}`, values);
  if (next.who === 'nobody') return n(next.why);
  switch (next.what) {
    case 'select':
      return next.closesAt ? n('select', { closes: formatInstant(next.closesAt) }) : n('selectNoDate');
    case 'waitlist':
      return next.position === null ? n('waitlistNoPosition') : n('waitlist', { position: next.position });
    case 'attend':
      return n('attend', { date: next.date, time: next.startsAt, place: next.assemblyPoint });
    case 'answer-opinion': {
      const name = department(t, nameOf, next.departmentId);
      if (!next.dueDate) return n('answer-opinion-no-due', { department: name });
      return n(next.overdue ? 'answer-opinion-overdue' : 'answer-opinion', { department: name, due: next.dueDate });
    }
    case 'issue-ticket':
    case 'assign-opinion':
    case 'rate-answer':
    case 'answer-survey':
    case 'give-opinions':
      return n(next.what);
  }
}
