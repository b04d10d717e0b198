import type {
  AnswerOutcome,
  ApplicationView,
  FeedbackItemView,
  SelectionOutcome,
  TicketRevocationReason,
  TicketView,
} from '../api/views';

/** Everything the citizen's own routes tell about one application, gathered before the timeline is built. */
export interface TimelineFacts {
  application: ApplicationView;
  /** The citizen's tickets (any application): those of this application are picked out. */
  tickets: readonly TicketView[];
  /** The citizen's feedback items (any open day): those of this application's people are picked out. */
  feedback: readonly FeedbackItemView[];
  /** Whether the survey of this open day is answered; null when not known (not checked in, or not asked). */
  surveyAnswered: boolean | null;
  /** When registration closes: selection happens after it. */
  registrationClosesAt: string | null;
}

/** `person` names who the step concerns when the application has several people (a group). */
export type TimelineEntry =
  | { kind: 'submitted'; at: string }
  | { kind: 'withdrawn'; at: string }
  | { kind: 'selected'; at: string; person?: string }
  | { kind: 'waitlisted'; at: string; person?: string; position: number | null }
  | { kind: 'rejected'; at: string; person?: string; reasonCode: string | null }
  | { kind: 'ticket-issued'; at: string; person?: string; ticketId: string; promoted: boolean }
  | { kind: 'ticket-revoked'; at: string; person?: string; ticketId: string; reason: TicketRevocationReason | null }
  | { kind: 'checked-in'; at: string; person?: string; ticketId: string }
  | { kind: 'no-show'; at: string; person?: string; ticketId: string }
  | { kind: 'opinion-given'; at: string; feedbackId: string; text: string }
  | { kind: 'opinion-assigned'; at: string; feedbackId: string; departmentId: string | null; dueDate: string | null }
  | {
      kind: 'opinion-answered';
      at: string;
      feedbackId: string;
      departmentId: string | null;
      outcome: AnswerOutcome;
      answer: string;
      promisedBy: string | null;
      passedTo: string | null;
      late: boolean;
    }
  | { kind: 'answer-rated'; at: string; feedbackId: string; rating: number };

/** Who has to act next, and on what: one sentence on the page. */
export type NextStep =
  | { who: 'nobody'; why: 'withdrawn' | 'rejected' | 'revoked' | 'no-show' | 'done' }
  | { who: 'organiser'; what: 'select'; closesAt: string | null }
  | { who: 'organiser'; what: 'waitlist'; position: number | null }
  | { who: 'organiser'; what: 'issue-ticket' }
  | { who: 'organiser'; what: 'assign-opinion' }
  | { who: 'department'; what: 'answer-opinion'; departmentId: string | null; dueDate: string | null; overdue: boolean }
  | { who: 'you'; what: 'attend'; ticketId: string; date: string; startsAt: string; assemblyPoint: string }
  | { who: 'you'; what: 'rate-answer'; feedbackId: string }
  | { who: 'you'; what: 'answer-survey'; openDayId: string }
  | { who: 'you'; what: 'give-opinions'; openDayId: string };

export interface Timeline {
  entries: TimelineEntry[];
  next: NextStep;
}

/** The whole life of one application, oldest first, and who has to act next. */
export function buildTimeline(facts: TimelineFacts): Timeline {
  const tickets = facts.tickets.filter((t) => t.applicationId === facts.application.id);
  const feedback = feedbackOf(facts.application, facts.feedback);
  const entries = [
    ...applicationEntries(facts.application),
    ...tickets.flatMap((t) => ticketEntries(t, personLabel(facts.application, t.personId))),
    ...feedback.flatMap(feedbackEntries),
  ];
  return { entries: chronological(entries), next: nextStep(facts, tickets, feedback) };
}

/** The opinions of this application's people at its open day (a checked-in person's own, or recorded for them). */
function feedbackOf(application: ApplicationView, items: readonly FeedbackItemView[]): FeedbackItemView[] {
  const people = new Set(application.people.map((p) => p.personId));
  return items.filter((f) => f.openDayId === application.openDayId && (f.personId === null || people.has(f.personId)));
}

/** A name only matters when there are several people to tell apart. */
function personLabel(application: ApplicationView, personId: string): string | undefined {
  if (application.people.length < 2) return undefined;
  return application.people.find((p) => p.personId === personId)?.name;
}

function applicationEntries(application: ApplicationView): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ kind: 'submitted', at: application.submittedAt }];
  for (const person of application.people) {
    const entry = selectionEntry(person.selection, personLabel(application, person.personId));
    if (entry) entries.push(entry);
  }
  if (application.withdrawnAt) entries.push({ kind: 'withdrawn', at: application.withdrawnAt });
  return entries;
}

function selectionEntry(
  selection: ApplicationView['people'][number]['selection'],
  person: string | undefined,
): TimelineEntry | null {
  const at = selection.decidedAt;
  if (!at) return null;
  const who = person === undefined ? {} : { person };
  switch (selection.outcome) {
    case 'selected':
      return { kind: 'selected', at, ...who };
    case 'waitlisted':
      return { kind: 'waitlisted', at, ...who, position: selection.waitlistPosition ?? null };
    case 'rejected':
      return { kind: 'rejected', at, ...who, reasonCode: selection.reasonCode ?? null };
    case 'pending':
      return null;
  }
}

function ticketEntries(ticket: TicketView, person: string | undefined): TimelineEntry[] {
  const who = person === undefined ? {} : { person };
  const entries: TimelineEntry[] = [
    { kind: 'ticket-issued', at: ticket.issuedAt, ...who, ticketId: ticket.ticketId, promoted: ticket.promoted },
  ];
  if (ticket.checkedInAt) entries.push({ kind: 'checked-in', at: ticket.checkedInAt, ...who, ticketId: ticket.ticketId });
  if (ticket.status === 'no-show') entries.push({ kind: 'no-show', at: sessionEnd(ticket), ...who, ticketId: ticket.ticketId });
  if (ticket.revokedAt) {
    entries.push({ kind: 'ticket-revoked', at: ticket.revokedAt, ...who, ticketId: ticket.ticketId, reason: ticket.revocationReason ?? null });
  }
  return entries;
}

function feedbackEntries(item: FeedbackItemView): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ kind: 'opinion-given', at: item.submittedAt, feedbackId: item.id, text: item.text }];
  if (item.assignedAt) {
    entries.push({ kind: 'opinion-assigned', at: item.assignedAt, feedbackId: item.id, departmentId: item.departmentId, dueDate: item.dueDate });
  }
  if (item.answer) {
    const { outcome, answer, promisedBy, passedTo, late, answeredAt } = item.answer;
    entries.push({ kind: 'opinion-answered', at: answeredAt, feedbackId: item.id, departmentId: item.departmentId, outcome, answer, promisedBy, passedTo, late });
    // The rating carries no time of its own: it comes right after the answer it rates.
    if (item.rating !== null) entries.push({ kind: 'answer-rated', at: answeredAt, feedbackId: item.id, rating: item.rating });
  }
  return entries;
}

/** The end of the ticket's session as an instant: Asia/Shanghai keeps +08:00 all year. */
function sessionEnd(ticket: TicketView): string {
  return new Date(`${ticket.date}T${ticket.endsAt}:00+08:00`).toISOString();
}

/** Oldest first; entries at the same instant keep the order they were built in (an answer before its rating). */
function chronological(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}

const LIVE_TICKET = new Set(['issued', 'checked-in']);

function nextStep(facts: TimelineFacts, tickets: TicketView[], feedback: FeedbackItemView[]): NextStep {
  const { application } = facts;
  if (application.status === 'withdrawn') return { who: 'nobody', why: 'withdrawn' };
  const outcomes = application.people.map((p) => p.selection.outcome);
  if (!outcomes.includes('selected')) return beforeSelection(application, outcomes, facts.registrationClosesAt);

  const live = tickets.filter((t) => LIVE_TICKET.has(t.status));
  if (tickets.length === 0) return { who: 'organiser', what: 'issue-ticket' };
  const waiting = live.find((t) => t.status === 'issued');
  if (waiting) return attend(waiting);
  if (!live.some((t) => t.status === 'checked-in')) {
    return { who: 'nobody', why: tickets.some((t) => t.status === 'no-show') ? 'no-show' : 'revoked' };
  }
  return afterCheckIn(application.openDayId, feedback, facts.surveyAnswered);
}

function beforeSelection(application: ApplicationView, outcomes: SelectionOutcome[], closesAt: string | null): NextStep {
  if (outcomes.includes('pending')) return { who: 'organiser', what: 'select', closesAt };
  const waitlisted = application.people.filter((p) => p.selection.outcome === 'waitlisted');
  if (waitlisted.length > 0) {
    const positions = waitlisted.map((p) => p.selection.waitlistPosition).filter((p): p is number => p !== null);
    return { who: 'organiser', what: 'waitlist', position: positions.length > 0 ? Math.min(...positions) : null };
  }
  return { who: 'nobody', why: 'rejected' };
}

function attend(ticket: TicketView): NextStep {
  return { who: 'you', what: 'attend', ticketId: ticket.ticketId, date: ticket.date, startsAt: ticket.startsAt, assemblyPoint: ticket.assemblyPoint };
}

/** What the citizen can do comes first; then who they are waiting for. */
function afterCheckIn(openDayId: string, feedback: FeedbackItemView[], surveyAnswered: boolean | null): NextStep {
  const unrated = feedback.find((f) => f.answer !== null && f.rating === null);
  if (unrated) return { who: 'you', what: 'rate-answer', feedbackId: unrated.id };
  if (surveyAnswered === false) return { who: 'you', what: 'answer-survey', openDayId };
  const withDepartment = feedback
    .filter((f) => f.status === 'assigned')
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))[0];
  if (withDepartment) {
    return {
      who: 'department',
      what: 'answer-opinion',
      departmentId: withDepartment.departmentId,
      dueDate: withDepartment.dueDate,
      overdue: withDepartment.overdue,
    };
  }
  if (feedback.some((f) => f.status === 'collected')) return { who: 'organiser', what: 'assign-opinion' };
  if (feedback.length === 0) return { who: 'you', what: 'give-opinions', openDayId };
  return { who: 'nobody', why: 'done' };
}
