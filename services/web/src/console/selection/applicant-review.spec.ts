import type { Problem } from '../api/console-client';
import { decisionsBody, districtsOf, filterApplicants, isDecidable, refusedDecision, type Applicant } from './applicant-review';
import { signaturesBody } from './joint-review';

function applicant(personId: string, overrides: Partial<Applicant> = {}): Applicant {
  return {
    applicationId: `00000000-0000-4000-8000-0000000000${personId.padStart(2, '0')}`,
    personId,
    arrivalOrder: 1,
    arrivalSequence: 1,
    awaitingJointReview: false,
    category: 'ordinary-citizen',
    district: 'gulou',
    maskedIdNumber: '350102********1234',
    maskedName: `张*${personId}`,
    note: null,
    reasonCode: null,
    reasons: [],
    sessionId: 's1',
    status: 'eligible',
    waitlistPosition: null,
    ...overrides,
  };
}

const rows = [
  applicant('1'),
  applicant('2', { category: 'party-member', district: 'taijiang' }),
  applicant('3', { district: 'taijiang', sessionId: 's2', status: 'selected' }),
  applicant('4', { category: 'media', status: 'rejected' }),
];

describe('filterApplicants', () => {
  it.each([
    [{}, ['1', '2', '3', '4']],
    [{ category: 'ordinary-citizen' as const }, ['1', '3']],
    [{ district: 'taijiang' }, ['2', '3']],
    [{ category: 'ordinary-citizen' as const, district: 'taijiang' }, ['3']],
    [{ sessionId: 's2' }, ['3']],
    [{ category: 'village-cadre' as const }, []],
  ])('%j → %j', (filter, ids) => {
    expect(filterApplicants(rows, filter).map((a) => a.personId)).toEqual(ids);
  });
});

describe('districtsOf', () => {
  it('lists each district once, sorted', () => {
    expect(districtsOf(rows, 'en')).toEqual(['gulou', 'taijiang']);
  });
});

describe('isDecidable', () => {
  it.each([
    ['eligible', true],
    ['waitlisted', true],
    ['selected', false],
    ['rejected', false],
    ['withdrawn', false],
  ] as const)('%s → %s', (status, decidable) => {
    expect(isDecidable({ status })).toBe(decidable);
  });
});

describe('decisionsBody', () => {
  it.each([
    [[], 'select', '', { ok: false, problem: 'none-chosen' }],
    [['1'], 'reject', '  ', { ok: false, problem: 'reason-required' }],
    [['1'], 'waitlist', 'x'.repeat(501), { ok: false, problem: 'reason-too-long' }],
    [Array.from({ length: 501 }, (_, i) => String(i)), 'select', '', { ok: false, problem: 'too-many' }],
    [['1', '2'], 'select', '', { ok: true, body: { decisions: [{ personId: '1', decision: 'select' }, { personId: '2', decision: 'select' }] } }],
    [['1', '1'], 'waitlist', ' 名额已满 ', { ok: true, body: { decisions: [{ personId: '1', decision: 'waitlist', reason: '名额已满' }] } }],
    [['2'], 'reject', '本次活动面向鼓楼区居民', { ok: true, body: { decisions: [{ personId: '2', decision: 'reject', reason: '本次活动面向鼓楼区居民' }] } }],
  ] as const)('%j %s %j', (ids, choice, reason, expected) => {
    expect(decisionsBody(ids, choice, reason)).toEqual(expected);
  });
});

describe('refusedDecision', () => {
  const body = { decisions: [{ personId: '1', decision: 'select' as const }, { personId: '2', decision: 'select' as const }] };
  const problem = (errors: Problem['errors']): Problem => ({ type: 'https://openday.example/problems/selection-rule', title: 'Breaks a selection rule', status: 409, errors });
  it.each([
    [problem([{ field: 'decisions[1]', rule: 'category-quota-full', message: '…' }]), { rule: 'category-quota-full', maskedName: '张*2' }],
    [problem([{ field: 'decisions[0].personId', rule: 'undecidedOrWaitlisted', message: '…' }]), { rule: 'undecidedOrWaitlisted', maskedName: '张*1' }],
    [problem([{ field: 'decisions[0]', rule: 'something-new', message: '…' }]), null],
    [problem([{ field: 'decisions[7]', rule: 'capacity-full', message: '…' }]), null],
    [problem(undefined), null],
  ])('%j → %j', (p, expected) => {
    expect(refusedDecision(p, body, rows)).toEqual(expected);
  });
});

describe('signaturesBody', () => {
  it.each([
    [[], 'sign', '', { ok: false, problem: 'none-chosen' }],
    [['1'], 'refuse', ' ', { ok: false, problem: 'reason-required' }],
    [['1'], 'refuse', 'x'.repeat(501), { ok: false, problem: 'reason-too-long' }],
    [['1', '2'], 'sign', 'ignored for a signature', { ok: true, body: { signatures: [{ personId: '1', decision: 'sign' }, { personId: '2', decision: 'sign' }] } }],
    [['1'], 'refuse', ' 该申请人存在未结税务事项 ', { ok: true, body: { signatures: [{ personId: '1', decision: 'refuse', reason: '该申请人存在未结税务事项' }] } }],
  ] as const)('%j %s %j', (ids, decision, reason, expected) => {
    expect(signaturesBody(ids, decision, reason)).toEqual(expected);
  });
});
