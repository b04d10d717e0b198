import { applicantView as person, applicationView as application, feedbackItemView as opinion, OPEN_DAY, ticketView as ticket } from '../api/view-fixtures';
import { buildTimeline, type NextStep, type TimelineFacts } from './build-timeline';

const SELECTED = { outcome: 'selected', decidedAt: '2026-11-26T09:00:00.000Z' } as const;
const CHECKED_IN = { status: 'checked-in', checkedInAt: '2026-11-29T00:50:00.000Z' } as const;
const ASSIGNED = { status: 'assigned', departmentId: 'water-supply-company', dueDate: '2026-12-18', assignedAt: '2026-11-30T02:00:00.000Z' } as const;
const ANSWER = {
  outcome: 'solved',
  answer: '已在官网公布',
  promisedBy: null,
  passedTo: null,
  answeredAt: '2026-12-05T02:00:00.000Z',
  late: false,
} as const;

function facts(overrides: Partial<TimelineFacts> = {}): TimelineFacts {
  return { application: application(), tickets: [], feedback: [], surveyAnswered: null, registrationClosesAt: '2026-11-26T08:00:00.000Z', ...overrides };
}

const selectedApp = application({ people: [person({}, SELECTED)] });

describe('buildTimeline: who has to act next', () => {
  const cases: Array<[string, TimelineFacts, NextStep]> = [
    ['just submitted: the organiser selects after the window', facts(), { who: 'organiser', what: 'select', closesAt: '2026-11-26T08:00:00.000Z' }],
    ['withdrawn: nobody', facts({ application: application({ status: 'withdrawn', withdrawnAt: '2026-11-21T00:00:00.000Z' }) }), { who: 'nobody', why: 'withdrawn' }],
    [
      'waitlisted: the organiser, with the position',
      facts({ application: application({ people: [person({}, { outcome: 'waitlisted', waitlistPosition: 3, decidedAt: SELECTED.decidedAt })] }) }),
      { who: 'organiser', what: 'waitlist', position: 3 },
    ],
    [
      'rejected: nobody',
      facts({ application: application({ people: [person({}, { outcome: 'rejected', reasonCode: 'district-not-eligible', decidedAt: SELECTED.decidedAt })] }) }),
      { who: 'nobody', why: 'rejected' },
    ],
    ['selected, no ticket yet: the organiser issues it', facts({ application: selectedApp }), { who: 'organiser', what: 'issue-ticket' }],
    [
      'ticket issued: you attend',
      facts({ application: selectedApp, tickets: [ticket()] }),
      { who: 'you', what: 'attend', ticketId: 't-1', date: '2026-11-29', startsAt: '09:00', assemblyPoint: '市政府东门' },
    ],
    [
      'ticket revoked: nobody',
      facts({ application: selectedApp, tickets: [ticket({ status: 'revoked', revokedAt: '2026-11-28T00:00:00.000Z', revocationReason: 'open-day-cancelled' })] }),
      { who: 'nobody', why: 'revoked' },
    ],
    ['no-show: nobody', facts({ application: selectedApp, tickets: [ticket({ status: 'no-show' })] }), { who: 'nobody', why: 'no-show' }],
    [
      'checked in, nothing said yet: you may give opinions',
      facts({ application: selectedApp, tickets: [ticket(CHECKED_IN)], surveyAnswered: true }),
      { who: 'you', what: 'give-opinions', openDayId: OPEN_DAY },
    ],
    [
      'checked in, survey unanswered: you answer it',
      facts({ application: selectedApp, tickets: [ticket(CHECKED_IN)], surveyAnswered: false, feedback: [opinion()] }),
      { who: 'you', what: 'answer-survey', openDayId: OPEN_DAY },
    ],
    [
      'opinion collected: the organiser assigns it',
      facts({ application: selectedApp, tickets: [ticket(CHECKED_IN)], surveyAnswered: true, feedback: [opinion()] }),
      { who: 'organiser', what: 'assign-opinion' },
    ],
    [
      'opinion assigned: the department answers by its due date (the earliest first)',
      facts({
        application: selectedApp,
        tickets: [ticket(CHECKED_IN)],
        surveyAnswered: true,
        feedback: [opinion({ ...ASSIGNED, id: 'f-2', dueDate: '2026-12-20' }), opinion({ ...ASSIGNED, overdue: true })],
      }),
      { who: 'department', what: 'answer-opinion', departmentId: 'water-supply-company', dueDate: '2026-12-18', overdue: true },
    ],
    [
      'answered, not rated: you rate it, before waiting on others',
      facts({
        application: selectedApp,
        tickets: [ticket(CHECKED_IN)],
        surveyAnswered: true,
        feedback: [opinion({ ...ASSIGNED, id: 'f-2' }), opinion({ ...ASSIGNED, status: 'answered', answer: ANSWER })],
      }),
      { who: 'you', what: 'rate-answer', feedbackId: 'f-1' },
    ],
    [
      'everything answered and rated: done',
      facts({ application: selectedApp, tickets: [ticket(CHECKED_IN)], surveyAnswered: true, feedback: [opinion({ ...ASSIGNED, status: 'answered', answer: ANSWER, rating: 4 })] }),
      { who: 'nobody', why: 'done' },
    ],
    [
      "another application's ticket does not count",
      facts({ application: selectedApp, tickets: [ticket({ applicationId: 'app-2' })] }),
      { who: 'organiser', what: 'issue-ticket' },
    ],
  ];

  it.each(cases)('%s', (_name, given, expected) => {
    expect(buildTimeline(given).next).toEqual(expected);
  });
});

describe('buildTimeline: the entries, oldest first', () => {
  const cases: Array<[string, TimelineFacts, string[]]> = [
    ['just submitted', facts(), ['submitted']],
    ['withdrawn', facts({ application: application({ status: 'withdrawn', withdrawnAt: '2026-11-21T00:00:00.000Z' }) }), ['submitted', 'withdrawn']],
    [
      'the whole way to a rating',
      facts({
        application: selectedApp,
        tickets: [ticket(CHECKED_IN)],
        feedback: [opinion({ ...ASSIGNED, status: 'answered', answer: ANSWER, rating: 5 })],
      }),
      ['submitted', 'selected', 'ticket-issued', 'checked-in', 'opinion-given', 'opinion-assigned', 'opinion-answered', 'answer-rated'],
    ],
    [
      'a no-show sits at the end of the session',
      facts({ application: selectedApp, tickets: [ticket({ status: 'no-show' })], feedback: [] }),
      ['submitted', 'selected', 'ticket-issued', 'no-show'],
    ],
    [
      'opinions about another open day are left out',
      facts({ application: selectedApp, tickets: [ticket(CHECKED_IN)], feedback: [opinion({ openDayId: 'od-2' })] }),
      ['submitted', 'selected', 'ticket-issued', 'checked-in'],
    ],
  ];

  it.each(cases)('%s', (_name, given, kinds) => {
    expect(buildTimeline(given).entries.map((e) => e.kind)).toEqual(kinds);
  });

  it('names each person only when a group has several', () => {
    const group = application({
      channel: 'group',
      people: [person({}, SELECTED), person({ personId: 'p-2', name: '李四' }, { outcome: 'waitlisted', waitlistPosition: 1, decidedAt: SELECTED.decidedAt })],
    });
    const entries = buildTimeline(facts({ application: group })).entries;
    expect(entries).toContainEqual({ kind: 'waitlisted', at: SELECTED.decidedAt, person: '李四', position: 1 });
    expect(buildTimeline(facts({ application: selectedApp })).entries[1]).toEqual({ kind: 'selected', at: SELECTED.decidedAt });
  });
});
