import type { TFunction } from 'i18next';
import type { NextStep, TimelineEntry } from './build-timeline';
import { describeEntry, describeNext } from './describe';

/** A `t` that shows which key was asked for and with what, so the table reads the choice made. */
const t = ((key: string, values?: Record<string, unknown>) => {
  const shown = Object.entries(values ?? {})
    .filter(([name]) => name !== 'defaultValue')
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(',');
  return shown ? `${key}(${shown})` : key;
}) as unknown as TFunction;

const nameOf = (code: string) => (code === 'tax-bureau' ? '市税务局' : code);
const at = '2026-12-01T02:00:00.000Z';

describe('describeNext', () => {
  const cases: Array<[NextStep, string]> = [
    [{ who: 'nobody', why: 'done' }, 'account.timeline.next.done'],
    [{ who: 'organiser', what: 'select', closesAt: at }, 'account.timeline.next.select(closes=when:2026-12-01T02:00:00.000Z)'],
    [{ who: 'organiser', what: 'select', closesAt: null }, 'account.timeline.next.selectNoDate'],
    [{ who: 'organiser', what: 'waitlist', position: 2 }, 'account.timeline.next.waitlist(position=2)'],
    [{ who: 'organiser', what: 'waitlist', position: null }, 'account.timeline.next.waitlistNoPosition'],
    [
      { who: 'you', what: 'attend', ticketId: 't', date: '2026-12-12', startsAt: '09:00', assemblyPoint: '东门' },
      'account.timeline.next.attend(date=2026-12-12,time=09:00,place=东门)',
    ],
    [
      { who: 'department', what: 'answer-opinion', departmentId: 'tax-bureau', dueDate: '2026-12-20', overdue: false },
      'account.timeline.next.answer-opinion(department=市税务局,due=2026-12-20)',
    ],
    [
      { who: 'department', what: 'answer-opinion', departmentId: 'tax-bureau', dueDate: '2026-12-20', overdue: true },
      'account.timeline.next.answer-opinion-overdue(department=市税务局,due=2026-12-20)',
    ],
    [
      { who: 'department', what: 'answer-opinion', departmentId: null, dueDate: null, overdue: false },
      'account.timeline.next.answer-opinion-no-due(department=account.timeline.theDepartment)',
    ],
    [{ who: 'you', what: 'rate-answer', feedbackId: 'f' }, 'account.timeline.next.rate-answer'],
  ];

  it.each(cases)('%j', (next, words) => {
    expect(describeNext(t, next, (iso) => `when:${iso}`, nameOf)).toBe(words);
  });
});

describe('describeEntry', () => {
  const cases: Array<[TimelineEntry, string]> = [
    [{ kind: 'submitted', at }, 'account.timeline.entry.submitted'],
    [{ kind: 'selected', at, person: '李四' }, 'account.timeline.personPrefix(person=李四)account.timeline.entry.selected'],
    [{ kind: 'rejected', at, reasonCode: 'no-show-record' }, 'account.timeline.entry.rejected(reason=account.reasons.no-show-record)'],
    [{ kind: 'rejected', at, reasonCode: null }, 'account.timeline.entry.rejected(reason=account.reasons.unknown)'],
    [{ kind: 'ticket-issued', at, ticketId: 't', promoted: true }, 'account.timeline.entry.ticket-issued-promoted'],
    [
      { kind: 'ticket-revoked', at, ticketId: 't', reason: 'open-day-cancelled' },
      'account.timeline.entry.ticket-revoked(reason=account.timeline.revocation.open-day-cancelled)',
    ],
    [
      { kind: 'opinion-assigned', at, feedbackId: 'f', departmentId: 'tax-bureau', dueDate: '2026-12-20' },
      'account.timeline.entry.opinion-assigned(department=市税务局,due=2026-12-20)',
    ],
    [
      { kind: 'opinion-answered', at, feedbackId: 'f', departmentId: 'tax-bureau', outcome: 'solved', answer: '已修复', promisedBy: null, passedTo: null, late: true },
      'account.timeline.entry.opinion-answered(department=市税务局,outcome=account.timeline.outcome.solved(date=,to=),answer=已修复)account.timeline.entry.opinion-answered-late',
    ],
    [{ kind: 'answer-rated', at, feedbackId: 'f', rating: 4 }, 'account.timeline.entry.answer-rated(rating=4)'],
  ];

  it.each(cases)('%j', (entry, words) => {
    expect(describeEntry(t, entry, nameOf)).toBe(words);
  });
});
