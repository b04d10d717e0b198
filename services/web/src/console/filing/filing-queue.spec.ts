import type { components } from '../../api/schema';
import { COMMENT_MAX, decisionBody, filingQueue, planFromQuery } from './filing-queue';

type Plan = components['schemas']['PlanDto'];

const plan = (id: string, status: Plan['status'], filing: string | null, event: string, updatedAt = '2026-11-01T00:00:00Z') =>
  ({ id, status, lastOnTimeFilingDate: filing, firstSessionDate: event, updatedAt, title: id }) as Plan;

describe('filingQueue', () => {
  it.each([
    ['earliest filing date first', [plan('b', 'submitted', '2026-12-10', '2026-12-17'), plan('a', 'submitted', '2026-12-08', '2026-12-15')], ['a', 'b']],
    ['same filing date: earliest event', [plan('b', 'submitted', '2026-12-08', '2026-12-16'), plan('a', 'submitted', '2026-12-08', '2026-12-15')], ['a', 'b']],
    [
      'same dates: longest waiting',
      [plan('b', 'submitted', '2026-12-08', '2026-12-15', '2026-11-02T00:00:00Z'), plan('a', 'submitted', '2026-12-08', '2026-12-15', '2026-11-01T00:00:00Z')],
      ['a', 'b'],
    ],
    ['undated last', [plan('b', 'submitted', null, '2026-12-01'), plan('a', 'submitted', '2026-12-08', '2026-12-15')], ['a', 'b']],
    ['only submitted plans', [plan('d', 'draft', '2026-12-01', '2026-12-08'), plan('r', 'returned', null, '2026-12-08'), plan('s', 'submitted', null, '2026-12-08'), plan('p', 'approved', null, '2026-12-08')], ['s']],
    ['empty', [], []],
  ])('%s', (_name, plans, ids) => {
    expect(filingQueue(plans).map((p) => p.id)).toEqual(ids);
  });
});

describe('decisionBody', () => {
  it.each([
    ['approve', '', { ok: true, body: {} }],
    ['approve', '   ', { ok: true, body: {} }],
    ['approve', ' 同意备案 ', { ok: true, body: { comments: '同意备案' } }],
    ['return', '', { ok: false, problem: 'required' }],
    ['return', ' \n ', { ok: false, problem: 'required' }],
    ['return', '请提高普通市民名额', { ok: true, body: { comments: '请提高普通市民名额' } }],
    ['return', 'x'.repeat(COMMENT_MAX + 1), { ok: false, problem: 'too-long' }],
    ['approve', 'x'.repeat(COMMENT_MAX + 1), { ok: false, problem: 'too-long' }],
  ] as const)('%s with %j', (decision, comments, expected) => {
    expect(decisionBody(decision, comments)).toEqual(expected);
  });
});

describe('planFromQuery', () => {
  it.each([
    [null, null],
    ['', null],
    ['not-a-plan', null],
    ['3f2a1b4c-0000-4000-8000-000000000001', '3f2a1b4c-0000-4000-8000-000000000001'],
  ])('%s → %s', (value, expected) => {
    expect(planFromQuery(value)).toBe(expected);
  });
});
