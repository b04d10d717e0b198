import type { components } from '../../api/schema';
import { ANSWER_MAX, answerBody, inboxRows, PASSED_TO_MAX, type AnswerForm } from './answer-inbox';

type FeedbackItem = components['schemas']['FeedbackItemDto'];

const TODAY = '2026-12-03';
const item = (id: string, status: FeedbackItem['status'], dueDate: string | null, overdue = false, submittedAt = '2026-11-01T00:00:00Z') =>
  ({ id, status, dueDate, overdue, submittedAt }) as FeedbackItem;

describe('inboxRows', () => {
  it.each([
    ['earliest due first', [item('b', 'assigned', '2026-12-20'), item('a', 'assigned', '2026-12-10')], ['a', 'b'], [false, false]],
    ['open before answered', [item('x', 'answered', '2026-11-01'), item('a', 'assigned', '2026-12-10')], ['a', 'x'], [false, false]],
    ['undated last', [item('u', 'assigned', null), item('a', 'assigned', '2026-12-10')], ['a', 'u'], [false, false]],
    ['past due is overdue', [item('a', 'assigned', '2026-12-02')], ['a'], [true]],
    ['due today is not overdue', [item('a', 'assigned', TODAY)], ['a'], [false]],
    ['the gateway says overdue', [item('a', 'assigned', '2026-12-10', true)], ['a'], [true]],
    ['answered is never overdue', [item('a', 'answered', '2026-11-01', true)], ['a'], [false]],
    ['same date: oldest first', [item('b', 'assigned', '2026-12-10', false, '2026-11-02T00:00:00Z'), item('a', 'assigned', '2026-12-10')], ['a', 'b'], [false, false]],
    ['empty', [], [], []],
  ])('%s', (_name, items, ids, overdue) => {
    const rows = inboxRows(items, TODAY);
    expect(rows.map((row) => row.item.id)).toEqual(ids);
    expect(rows.map((row) => row.overdue)).toEqual(overdue);
  });
});

describe('answerBody', () => {
  const form = (patch: Partial<AnswerForm>): AnswerForm => ({ outcome: 'solved', answer: '已修复路灯', promisedBy: '', passedTo: '', ...patch });
  it.each([
    ['solved', form({}), { ok: true, body: { outcome: 'solved', answer: '已修复路灯' } }],
    ['explained, trimmed', form({ outcome: 'explained', answer: ' 说明 ' }), { ok: true, body: { outcome: 'explained', answer: '说明' } }],
    ['solved ignores a stray date and body', form({ promisedBy: '2026-12-31', passedTo: '区住建局' }), { ok: true, body: { outcome: 'solved', answer: '已修复路灯' } }],
    ['will-be-solved with a date', form({ outcome: 'will-be-solved', promisedBy: '2026-12-31' }), { ok: true, body: { outcome: 'will-be-solved', answer: '已修复路灯', promisedBy: '2026-12-31' } }],
    ['will-be-solved today', form({ outcome: 'will-be-solved', promisedBy: TODAY }), { ok: true, body: { outcome: 'will-be-solved', answer: '已修复路灯', promisedBy: TODAY } }],
    ['will-be-solved without a date', form({ outcome: 'will-be-solved' }), { ok: false, problems: { promisedBy: 'required' } }],
    ['will-be-solved, not a date', form({ outcome: 'will-be-solved', promisedBy: '2026-02-30' }), { ok: false, problems: { promisedBy: 'date' } }],
    ['will-be-solved in the past', form({ outcome: 'will-be-solved', promisedBy: '2026-12-02' }), { ok: false, problems: { promisedBy: 'past' } }],
    ['not-our-remit with a body', form({ outcome: 'not-our-remit', passedTo: ' 区住建局 ' }), { ok: true, body: { outcome: 'not-our-remit', answer: '已修复路灯', passedTo: '区住建局' } }],
    ['not-our-remit without a body', form({ outcome: 'not-our-remit' }), { ok: false, problems: { passedTo: 'required' } }],
    ['not-our-remit, body too long', form({ outcome: 'not-our-remit', passedTo: 'x'.repeat(PASSED_TO_MAX + 1) }), { ok: false, problems: { passedTo: 'too-long' } }],
    ['no outcome, no answer', form({ outcome: null, answer: '  ' }), { ok: false, problems: { outcome: 'required', answer: 'required' } }],
    ['answer too long', form({ answer: 'x'.repeat(ANSWER_MAX + 1) }), { ok: false, problems: { answer: 'too-long' } }],
  ] as const)('%s', (_name, input, expected) => {
    expect(answerBody(input, TODAY)).toEqual(expected);
  });
});
