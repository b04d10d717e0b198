import type { components } from '../../api/schema';
import {
  agencyPlanItems,
  applicantItems,
  bucketCounts,
  changeReturnedItems,
  changeReviewItems,
  cityOfficePlanItems,
  coverageItems,
  daysUntil,
  feedbackItems,
  flaggedItems,
  inBucket,
  kindWords,
  latePlanItems,
  openDaysToAnswer,
  openDayTitles,
  overdueFeedbackItems,
  ruleOf,
  timeLeft,
  type TodoItem,
  todoLink,
} from './todo-items';

type Plan = components['schemas']['PlanDto'];
type FeedbackItem = components['schemas']['FeedbackItemDto'];
type PublicOpenDay = components['schemas']['PublicOpenDayDto'];

const TODAY = '2026-12-03';

function plan(id: string, status: Plan['status'], extra: Partial<Plan> = {}): Plan {
  return {
    id,
    status,
    title: `Plan ${id}`,
    agencyId: 'water-affairs-bureau',
    firstSessionDate: '2026-12-20',
    lastOnTimeFilingDate: '2026-12-11',
    publishAt: '2026-12-08T09:00:00+08:00',
    ...extra,
  } as Plan;
}

describe('daysUntil and timeLeft', () => {
  it.each([
    ['2026-12-03', 0, 'today', 0],
    ['2026-12-04', 1, 'left', 1],
    ['2027-01-02', 30, 'left', 30],
    ['2026-12-01', -2, 'overdue', 2],
  ])('%s', (date, days, key, shown) => {
    expect(daysUntil(date, TODAY)).toBe(days);
    expect(timeLeft(date, TODAY)).toEqual({ key, days: shown });
  });
  it('says nothing without a date', () => {
    expect(timeLeft(null, TODAY)).toEqual({ key: 'none', days: 0 });
  });
});

describe('cityOfficePlanItems', () => {
  it.each<[string, Plan, Pick<TodoItem, 'kind' | 'bucket' | 'dueDate'> | undefined]>([
    ['submitted, before publication', plan('a', 'submitted'), { kind: 'filing-review', bucket: 'todo', dueDate: '2026-12-08' }],
    ['submitted, publication date passed', plan('b', 'submitted', { publishAt: '2026-12-01T09:00:00+08:00' }), { kind: 'filing-review', bucket: 'chase', dueDate: '2026-12-01' }],
    ['publication at 07:00 Beijing is that Beijing day', plan('c', 'submitted', { publishAt: '2026-12-02T23:30:00Z' }), { kind: 'filing-review', bucket: 'todo', dueDate: '2026-12-03' }],
    ['approved is done', plan('d', 'approved'), { kind: 'plan-filed', bucket: 'done', dueDate: null }],
    ['published is done', plan('e', 'published'), { kind: 'plan-filed', bucket: 'done', dueDate: null }],
    ['a draft is not the city office’s', plan('f', 'draft'), undefined],
    ['a returned plan is back with the agency', plan('g', 'returned'), undefined],
  ])('%s', (_name, input, expected) => {
    const [item] = cityOfficePlanItems([input], TODAY);
    expect(item && { kind: item.kind, bucket: item.bucket, dueDate: item.dueDate }).toEqual(expected);
  });
});

describe('agencyPlanItems', () => {
  it.each<[string, Plan, Pick<TodoItem, 'kind' | 'bucket' | 'dueDate'> | undefined]>([
    ['a draft, filing date ahead', plan('a', 'draft'), { kind: 'plan-to-submit', bucket: 'todo', dueDate: '2026-12-11' }],
    ['returned, filing date is today', plan('b', 'returned', { lastOnTimeFilingDate: TODAY }), { kind: 'plan-returned', bucket: 'todo', dueDate: TODAY }],
    ['returned, filing date passed', plan('b2', 'returned', { lastOnTimeFilingDate: '2026-11-30' }), { kind: 'plan-returned', bucket: 'chase', dueDate: '2026-11-30' }],
    ['a draft past its filing date', plan('c', 'draft', { lastOnTimeFilingDate: '2026-12-02' }), { kind: 'plan-to-submit', bucket: 'chase', dueDate: '2026-12-02' }],
    ['a draft with no filing date yet (calendar year missing)', plan('d', 'draft', { lastOnTimeFilingDate: null }), { kind: 'plan-to-submit', bucket: 'todo', dueDate: null }],
    ['submitted is done', plan('e', 'submitted'), { kind: 'plan-submitted', bucket: 'done', dueDate: null }],
    ['cancelled is gone', plan('f', 'cancelled'), undefined],
  ])('%s', (_name, input, expected) => {
    const [item] = agencyPlanItems([input], TODAY);
    expect(item && { kind: item.kind, bucket: item.bucket, dueDate: item.dueDate }).toEqual(expected);
  });
});

describe('coverageItems', () => {
  it.each([
    ['in order', { coveredYears: [2026], missingYears: [], message: null, today: '2026-10-02', urgent: false }, []],
    ['next year from November', { coveredYears: [2026], missingYears: [2027], message: 'm', today: '2026-11-02', urgent: false }, [['2027', 'todo', '2026-12-31']]],
    [
      'the current year missing is urgent',
      { coveredYears: [2026], missingYears: [2027, 2028], message: 'm', today: '2027-01-04', urgent: true },
      [
        ['2027', 'chase', '2027-01-04'],
        ['2028', 'todo', '2027-12-31'],
      ],
    ],
  ])('%s', (_name, coverage, expected) => {
    expect(coverageItems(coverage).map((item) => [item.subject, item.bucket, item.dueDate])).toEqual(expected);
  });
});

describe('flaggedItems', () => {
  const flagged = { agencyId: 'a', answerDueDate: '2026-12-01', applicationId: 'x', flaggedAt: '2026-12-02T00:00:00Z', openDayId: 'od', personId: 'p', sessionId: 's', state: 'eligible' as const };
  it.each<[string, Map<string, string> | undefined, string]>([
    ['named by its open day’s title', openDayTitles([plan('p', 'published', { openDayId: 'od', title: '走进自来水厂' }), plan('q', 'draft', { openDayId: null })]), '走进自来水厂'],
    ['by its id when no plan names it', undefined, 'od'],
  ])('chases every flagged application, %s', (_name, titles, subject) => {
    const [item] = flaggedItems([flagged], titles);
    expect([item.kind, item.bucket, item.dueDate, item.subject]).toEqual(['flagged-application', 'chase', '2026-12-01', subject]);
  });
});

describe('feedbackItems', () => {
  const item = (extra: Partial<FeedbackItem>): FeedbackItem => ({ id: 'f', text: '路灯坏了', status: 'assigned', overdue: false, dueDate: '2026-12-10', openDayTitle: 'T', topic: 'infrastructure', ...extra }) as FeedbackItem;
  it.each<[string, FeedbackItem, string, string]>([
    ['assigned, due ahead', item({}), 'feedback-to-answer', 'todo'],
    ['marked overdue by the service', item({ overdue: true }), 'feedback-to-answer', 'chase'],
    ['due date passed before the service marked it', item({ dueDate: '2026-12-02' }), 'feedback-to-answer', 'chase'],
    ['answered', item({ status: 'answered', everOverdue: true }), 'feedback-answered', 'done'],
  ])('%s', (_name, input, kind, bucket) => {
    const [out] = feedbackItems([input], TODAY);
    expect([out.kind, out.bucket]).toEqual([kind, bucket]);
  });
  it('shortens long opinions', () => {
    expect(feedbackItems([item({ text: 'x'.repeat(50) })], TODAY)[0].subject).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('inBucket and bucketCounts', () => {
  const items: TodoItem[] = [
    { id: '1', kind: 'plan-to-submit', bucket: 'todo', subject: 'B', dueDate: '2026-12-09' },
    { id: '2', kind: 'plan-to-submit', bucket: 'todo', subject: 'A', dueDate: null },
    { id: '3', kind: 'plan-to-submit', bucket: 'todo', subject: 'C', dueDate: '2026-12-05' },
    { id: '4', kind: 'plan-to-submit', bucket: 'chase', subject: 'D', dueDate: '2026-12-01' },
  ];
  it('puts the most pressing first, undated last', () => {
    expect(inBucket(items, 'todo').map((item) => item.id)).toEqual(['3', '1', '2']);
  });
  it('counts each bucket', () => {
    expect(bucketCounts(items)).toEqual({ todo: 3, chase: 1, done: 0 });
  });
});

describe('todoLink', () => {
  it.each([
    [{ id: 'plan:p1', kind: 'filing-review' }, '/console/filing?plan=p1'],
    [{ id: 'plan:p1', kind: 'plan-filed' }, null],
    [{ id: 'plan:p1', kind: 'plan-to-submit' }, '/console/plans/p1'],
    [{ id: 'plan:p1', kind: 'plan-returned' }, '/console/plans/p1'],
    [{ id: 'calendar:2027', kind: 'calendar-year' }, '/console/calendar?year=2027'],
    [{ id: 'flagged:a1', kind: 'flagged-application' }, '/console/flagged'],
    [{ id: 'feedback:f1', kind: 'feedback-to-answer' }, '/console/department-feedback?item=f1'],
    [{ id: 'feedback:f1', kind: 'feedback-answered' }, '/console/department-feedback?item=f1'],
    [{ id: 'change:c1', kind: 'change-review' }, '/console/filing?tab=changes'],
    [{ id: 'change:p1', kind: 'change-returned' }, '/console/plans/p1'],
  ] as const)('%j → %s', (item, expected) => {
    expect(todoLink(item)).toBe(expected);
  });
});

describe('latePlanItems (the city office chases plans not filed in time)', () => {
  it.each<[string, Plan, Pick<TodoItem, 'kind' | 'bucket' | 'dueDate'> | undefined]>([
    ['a draft past its filing date', plan('a', 'draft', { lastOnTimeFilingDate: '2026-12-02' }), { kind: 'plan-late', bucket: 'chase', dueDate: '2026-12-02' }],
    ['a returned plan past its filing date', plan('b', 'returned', { lastOnTimeFilingDate: '2026-11-30' }), { kind: 'plan-late', bucket: 'chase', dueDate: '2026-11-30' }],
    ['a draft whose filing date is today is not late yet', plan('c', 'draft', { lastOnTimeFilingDate: TODAY }), undefined],
    ['a draft with time left', plan('d', 'draft'), undefined],
    ['a draft whose event has passed is moot', plan('e', 'draft', { lastOnTimeFilingDate: '2026-11-20', firstSessionDate: '2026-11-28' }), undefined],
    ['a draft without a filing date (calendar year missing)', plan('f', 'draft', { lastOnTimeFilingDate: null }), undefined],
    ['a submitted plan is the filing queue’s', plan('g', 'submitted', { lastOnTimeFilingDate: '2026-12-01' }), undefined],
  ])('%s', (_name, input, expected) => {
    const [item] = latePlanItems([input], TODAY);
    expect(item ? { kind: item.kind, bucket: item.bucket, dueDate: item.dueDate } : undefined).toEqual(expected);
  });

  it('moves to 督办 on the day after the filing date, by the clock alone', () => {
    const draft = plan('a', 'draft', { lastOnTimeFilingDate: '2026-12-03' });
    expect(latePlanItems([draft], '2026-12-03')).toEqual([]);
    expect(agencyPlanItems([draft], '2026-12-03')[0].bucket).toBe('todo');
    expect(latePlanItems([draft], '2026-12-04')[0].bucket).toBe('chase');
    expect(agencyPlanItems([draft], '2026-12-04')[0].bucket).toBe('chase');
  });
});

describe('overdueFeedbackItems (city office and agency)', () => {
  const item = (extra: Partial<FeedbackItem>): FeedbackItem =>
    ({ id: 'f', text: '路灯坏了', status: 'assigned', overdue: true, dueDate: '2026-12-01', openDayTitle: '走进自来水厂', agencyId: 'water-affairs-bureau', departmentId: 'tax-bureau', topic: 'other', ...extra }) as FeedbackItem;
  it.each<[string, FeedbackItem, boolean]>([
    ['assigned and overdue', item({}), true],
    ['assigned, not overdue', item({ overdue: false }), false],
    ['answered (late)', item({ status: 'answered', overdue: false, everOverdue: true }), false],
  ])('%s', (_name, input, chased) => {
    expect(overdueFeedbackItems([input]).length).toBe(chased ? 1 : 0);
  });
  it('names the agency, the department and the open day', () => {
    expect(overdueFeedbackItems([item({})])[0]).toEqual({
      id: 'overdue:f',
      kind: 'feedback-overdue',
      bucket: 'chase',
      subject: '路灯坏了',
      dueDate: '2026-12-01',
      detail: { agency: 'water-affairs-bureau', department: 'tax-bureau', openDay: '走进自来水厂' },
    });
  });
});

describe('openDaysToAnswer and applicantItems (answer within 2 working days)', () => {
  const NOW = Date.parse('2026-12-03T10:00:00+08:00');
  const day = (id: string, extra: Partial<PublicOpenDay>): PublicOpenDay =>
    ({ id, title: `Day ${id}`, date: '2026-12-12', selectionMode: 'selection-group', cancelledAt: null, registrationClosesAt: '2026-12-02T16:00:00+08:00', ...extra }) as PublicOpenDay;

  it.each<[string, PublicOpenDay, boolean]>([
    ['selection group, closed, event ahead', day('a', {}), true],
    ['closed this very minute', day('b', { registrationClosesAt: '2026-12-03T10:00:00+08:00' }), true],
    ['still open', day('c', { registrationClosesAt: '2026-12-03T16:00:00+08:00' }), false],
    ['the platform answers first-come itself', day('d', { selectionMode: 'first-come' }), false],
    ['the platform answers a lottery itself', day('e', { selectionMode: 'lottery' }), false],
    ['cancelled', day('f', { cancelledAt: '2026-12-01T00:00:00Z' }), false],
    ['the event is past', day('g', { date: '2026-12-02' }), false],
    ['no window', day('h', { registrationClosesAt: null }), false],
  ])('%s', (_name, input, listed) => {
    expect(openDaysToAnswer([input], NOW, TODAY).length).toBe(listed ? 1 : 0);
  });

  const twoWorkingDays = (closedOn: string) => ({ '2026-12-02': '2026-12-04', '2026-11-27': '2026-12-01' })[closedOn] ?? null;
  it.each<[string, PublicOpenDay, number, Pick<TodoItem, 'bucket' | 'dueDate'> | undefined]>([
    ['applicants waiting, time left', day('a', {}), 3, { bucket: 'todo', dueDate: '2026-12-04' }],
    ['the deadline read on the Beijing date it closed', day('b', { registrationClosesAt: '2026-12-01T17:00:00Z' }), 1, { bucket: 'todo', dueDate: '2026-12-04' }],
    ['past the 2 working days: 督办', day('c', { registrationClosesAt: '2026-11-27T16:00:00+08:00' }), 2, { bucket: 'chase', dueDate: '2026-12-01' }],
    ['a year the calendar lacks: undated', day('d', { registrationClosesAt: '2026-11-30T16:00:00+08:00' }), 2, { bucket: 'todo', dueDate: null }],
    ['everyone answered', day('e', {}), 0, undefined],
  ])('%s', (_name, input, waiting, expected) => {
    const [item] = applicantItems([input], new Map([[input.id, waiting]]), twoWorkingDays, TODAY);
    expect(item ? { bucket: item.bucket, dueDate: item.dueDate } : undefined).toEqual(expected);
    if (item) expect([item.kind, item.detail?.count]).toEqual(['applicants-to-answer', String(waiting)]);
  });
});

describe('ruleOf (the rule each item’s date answers to)', () => {
  it.each([
    ['plan-to-submit', 'filing-lead'],
    ['plan-returned', 'filing-lead'],
    ['plan-late', 'filing-lead'],
    ['filing-review', 'publication'],
    ['applicants-to-answer', 'answer-applicants'],
    ['flagged-application', 'answer-applicants'],
    ['feedback-to-answer', 'feedback-due'],
    ['feedback-overdue', 'feedback-due'],
    ['calendar-year', 'calendar-year'],
    ['plan-filed', null],
    ['feedback-answered', null],
    ['change-review', null],
    ['change-returned', null],
  ] as const)('%s → %s', (kind, rule) => {
    expect(ruleOf(kind)).toBe(rule);
  });
});

describe('changes to published open days (city office reviews, agency corrects)', () => {
  const change = (id: string, planId: string, status: 'submitted' | 'returned' | 'applied', submittedAt: string, comments: string | null = null) => ({
    id,
    planId,
    title: `Open day ${planId}`,
    agencyId: 'water-affairs-bureau',
    status,
    submittedAt,
    comments,
  });

  it.each([
    ['nothing waits', [change('c1', 'p1', 'applied', '2026-12-01T02:00:00Z')], []],
    [
      'each waiting change, dated by the day it was filed (Shanghai)',
      [change('c1', 'p1', 'submitted', '2026-12-01T17:00:00Z'), change('c2', 'p2', 'returned', '2026-12-01T02:00:00Z')],
      [{ id: 'change:c1', kind: 'change-review', bucket: 'todo', subject: 'Open day p1', dueDate: null, detail: { agency: 'water-affairs-bureau', filedAt: '2026-12-02' } }],
    ],
  ])('city office: %s', (_name, changes, items) => {
    expect(changeReviewItems(changes)).toEqual(items);
  });

  it.each([
    ['none returned', [change('c1', 'p1', 'applied', '2026-12-01T02:00:00Z')], []],
    [
      'the newest returned, with the comments',
      [change('c1', 'p1', 'applied', '2026-12-01T02:00:00Z'), change('c2', 'p1', 'returned', '2026-12-02T02:00:00Z', '时间写错了')],
      [{ id: 'change:p1', kind: 'change-returned', bucket: 'todo', subject: 'Open day p1', dueDate: null, detail: { comments: '时间写错了' } }],
    ],
    ['a return answered by a later change', [change('c1', 'p1', 'returned', '2026-12-01T02:00:00Z', 'x'), change('c2', 'p1', 'submitted', '2026-12-02T02:00:00Z')], []],
    [
      'one item per open day',
      [change('c1', 'p1', 'returned', '2026-12-01T02:00:00Z', 'a'), change('c2', 'p2', 'returned', '2026-12-01T03:00:00Z', 'b')],
      [
        { id: 'change:p1', kind: 'change-returned', bucket: 'todo', subject: 'Open day p1', dueDate: null, detail: { comments: 'a' } },
        { id: 'change:p2', kind: 'change-returned', bucket: 'todo', subject: 'Open day p2', dueDate: null, detail: { comments: 'b' } },
      ],
    ],
  ])('agency: %s', (_name, changes, items) => {
    expect(changeReturnedItems(changes)).toEqual(items);
  });

  it.each([
    ['change-review', { kind: 'console.changes.todo.kind', about: 'console.changes.todo.about' }],
    ['change-returned', { kind: 'console.changes.todo.returnedKind', about: 'console.changes.todo.returnedAbout' }],
    ['filing-review', { kind: 'console.todo.kinds.filing-review', about: 'console.todo.about.filing-review' }],
  ] as const)('the words of %s', (kind, words) => {
    expect(kindWords(kind)).toEqual(words);
  });
});
