import type { Plan } from './plan-form';
import { agencyPlanOrder, can, eventDates, filingState, latestReturnComments, planIdFrom, PLAN_STATUSES, type PlanCommand } from './plan-status';

describe('what the agency may do in each state', () => {
  const commands: PlanCommand[] = ['edit', 'submit', 'delete', 'change', 'cancel'];
  it.each([
    ['draft', ['edit', 'submit', 'delete']],
    ['returned', ['edit', 'submit']],
    ['submitted', []],
    ['approved', []],
    ['published', ['change', 'cancel']],
    ['cancelled', []],
  ] as const)('%s: %j', (status, allowed) => {
    expect(commands.filter((command) => can(status, command))).toEqual(allowed);
  });

  it('covers every status', () => {
    expect(PLAN_STATUSES).toHaveLength(6);
  });
});

describe('filingState', () => {
  it.each([
    [null, '2026-10-01', { kind: 'unknown' }],
    ['2026-10-05', '2026-10-01', { kind: 'on-time', daysLeft: 4 }],
    ['2026-10-01', '2026-10-01', { kind: 'last-day' }],
    ['2026-09-28', '2026-10-01', { kind: 'late', daysLate: 3 }],
  ])('file by %s, today %s', (deadline, today, state) => {
    expect(filingState(deadline, today)).toEqual(state);
  });
});

const plan = (id: string, status: Plan['status'], firstSessionDate: string, updatedAt: string) =>
  ({ id, status, firstSessionDate, updatedAt, sessions: [{ date: firstSessionDate }] }) as unknown as Plan;

describe('agencyPlanOrder', () => {
  it('puts what waits for the agency first, then by event date, the latest change first', () => {
    const plans = [
      plan('published', 'published', '2026-10-01', '2026-09-01T00:00:00Z'),
      plan('draft-late', 'draft', '2026-11-01', '2026-09-01T00:00:00Z'),
      plan('draft-soon', 'draft', '2026-10-20', '2026-09-01T00:00:00Z'),
      plan('returned', 'returned', '2026-12-01', '2026-09-01T00:00:00Z'),
      plan('submitted-old', 'submitted', '2026-10-20', '2026-09-01T00:00:00Z'),
      plan('submitted-new', 'submitted', '2026-10-20', '2026-09-02T00:00:00Z'),
    ];
    expect(agencyPlanOrder(plans).map((p) => p.id)).toEqual(['returned', 'draft-soon', 'draft-late', 'submitted-new', 'submitted-old', 'published']);
  });
});

describe('eventDates', () => {
  it('gives each date once, in order', () => {
    expect(eventDates({ sessions: [{ date: '2026-10-13' }, { date: '2026-10-12' }, { date: '2026-10-13' }] } as Plan)).toEqual(['2026-10-12', '2026-10-13']);
  });
});

describe('planIdFrom', () => {
  it.each([
    ['6f1c2a8e-0000-4000-8000-000000000001', '6f1c2a8e-0000-4000-8000-000000000001'],
    ['new', null],
    [undefined, null],
    ['6f1c2a8e-0000-4000-8000-00000000000', null],
  ])('%s → %s', (value, id) => {
    expect(planIdFrom(value)).toBe(id);
  });
});

describe('latestReturnComments', () => {
  it.each([
    [[], null],
    [[{ action: 'submitted', comments: null }], null],
    [
      [
        { action: 'returned', comments: '请补充集合地点' },
        { action: 'submitted', comments: null },
        { action: 'returned', comments: '普通市民名额不足' },
      ],
      '普通市民名额不足',
    ],
  ])('%j → %s', (history, comments) => {
    expect(latestReturnComments(history)).toBe(comments);
  });
});
