import type { components } from '../../api/schema';
import type { Problem } from '../api/console-client';
import {
  ATTACHMENT_MAX,
  assignmentBody,
  departmentChoices,
  filtersFrom,
  knownProblem,
  recordBody,
  TEXT_MAX,
  triageQuery,
  triageRows,
  type AssignForm,
  type RecordForm,
} from './triage';

type FeedbackItem = components['schemas']['FeedbackItemDto'];
type Agency = components['schemas']['AgencyDto'];

const TODAY = '2026-12-03';

describe('filtersFrom and triageQuery', () => {
  it.each([
    ['nothing', '', {}],
    ['a status', 'status=collected', { status: 'collected' }],
    ['a topic and overdue', 'topic=safety&overdue=true', { topic: 'safety', overdue: 'true' }],
    ['all three', 'status=assigned&topic=policy&overdue=true', { status: 'assigned', topic: 'policy', overdue: 'true' }],
    ['unknown values are no filter', 'status=lost&topic=weather&overdue=yes', {}],
    ['overdue false is no filter', 'overdue=false', {}],
  ])('%s', (_name, search, query) => {
    expect(triageQuery(filtersFrom(new URLSearchParams(search)))).toEqual(query);
  });
});

describe('triageRows', () => {
  const item = (id: string, status: FeedbackItem['status'], patch: Partial<FeedbackItem> = {}) =>
    ({ id, status, dueDate: null, overdue: false, submittedAt: '2026-11-01T01:00:00Z', answer: null, ...patch }) as FeedbackItem;
  const answered = (at: string) => ({ outcome: 'solved', answer: 'ok', promisedBy: null, passedTo: null, answeredAt: at, late: false }) as FeedbackItem['answer'];

  it.each([
    ['unassigned first, then assigned, then answered', [item('x', 'answered'), item('a', 'assigned', { dueDate: '2026-12-10' }), item('c', 'collected')], ['c', 'a', 'x'], [false, false, false]],
    ['unassigned: oldest first', [item('n', 'collected', { submittedAt: '2026-11-02T00:00:00Z' }), item('o', 'collected')], ['o', 'n'], [false, false]],
    ['assigned: earliest due first', [item('late', 'assigned', { dueDate: '2026-12-20' }), item('soon', 'assigned', { dueDate: '2026-12-05' })], ['soon', 'late'], [false, false]],
    ['assigned past its due date is overdue', [item('a', 'assigned', { dueDate: '2026-12-02' })], ['a'], [true]],
    ['due today is not overdue', [item('a', 'assigned', { dueDate: TODAY })], ['a'], [false]],
    ['the gateway says overdue', [item('a', 'assigned', { dueDate: '2026-12-10', overdue: true })], ['a'], [true]],
    ['answered is never overdue', [item('a', 'answered', { dueDate: '2026-11-01', overdue: true })], ['a'], [false]],
    [
      'answered: the latest answer first',
      [item('old', 'answered', { answer: answered('2026-11-10T00:00:00Z') }), item('new', 'answered', { answer: answered('2026-11-20T00:00:00Z') })],
      ['new', 'old'],
      [false, false],
    ],
    ['empty', [], [], []],
  ])('%s', (_name, items, ids, overdue) => {
    const rows = triageRows(items, TODAY);
    expect(rows.map((row) => row.item.id)).toEqual(ids);
    expect(rows.map((row) => row.overdue)).toEqual(overdue);
  });
});

describe('departmentChoices', () => {
  const agency = (id: string, name: string, active = true) => ({ id, name, active }) as Agency;
  const agencies = [agency('water-affairs-bureau', '市水务局'), agency('city-office', '市政府办公室'), agency('finance-bureau', '市财政局'), agency('old-bureau', '原市粮食局', false)];
  it('offers the active agencies but the city office, by name in pinyin order', () => {
    expect(departmentChoices(agencies, 'zh-CN')).toEqual([
      { id: 'finance-bureau', name: '市财政局' },
      { id: 'water-affairs-bureau', name: '市水务局' },
    ]);
  });
});

describe('assignmentBody', () => {
  const form = (patch: Partial<AssignForm>): AssignForm => ({ departmentId: 'tax-bureau', dueDate: '', ...patch });
  it.each([
    ['the rule’s due date', form({}), { ok: true, body: { departmentId: 'tax-bureau' } }],
    ['a due date', form({ dueDate: '2026-12-31' }), { ok: true, body: { departmentId: 'tax-bureau', dueDate: '2026-12-31' } }],
    ['due today', form({ dueDate: TODAY }), { ok: true, body: { departmentId: 'tax-bureau', dueDate: TODAY } }],
    ['no department', form({ departmentId: null }), { ok: false, problems: { departmentId: 'required' } }],
    ['a past date', form({ dueDate: '2026-12-02' }), { ok: false, problems: { dueDate: 'past' } }],
    ['not a date', form({ dueDate: '2026-02-30' }), { ok: false, problems: { dueDate: 'date' } }],
    ['neither', form({ departmentId: null, dueDate: '12/31/2026' }), { ok: false, problems: { departmentId: 'required', dueDate: 'date' } }],
  ] as const)('%s', (_name, input, expected) => {
    expect(assignmentBody(input, TODAY)).toEqual(expected);
  });
});

describe('recordBody', () => {
  const form = (patch: Partial<RecordForm>): RecordForm => ({ text: '希望公开水质检测报告', topic: 'transparency', attachment: '', ...patch });
  it.each([
    ['words and a topic', form({}), { ok: true, body: { text: '希望公开水质检测报告', topic: 'transparency' } }],
    ['trimmed', form({ text: '  水价听证  ', topic: 'policy' }), { ok: true, body: { text: '水价听证', topic: 'policy' } }],
    ['a link', form({ attachment: ' https://files.example/report.pdf ' }), { ok: true, body: { text: '希望公开水质检测报告', topic: 'transparency', attachment: 'https://files.example/report.pdf' } }],
    ['a file reference', form({ attachment: 'file:forum/2026/notes.docx' }), { ok: true, body: { text: '希望公开水质检测报告', topic: 'transparency', attachment: 'file:forum/2026/notes.docx' } }],
    ['no words', form({ text: '   ' }), { ok: false, problems: { text: 'required' } }],
    ['too many words', form({ text: '字'.repeat(TEXT_MAX + 1) }), { ok: false, problems: { text: 'too-long' } }],
    ['no topic', form({ topic: null }), { ok: false, problems: { topic: 'required' } }],
    ['not a link', form({ attachment: 'javascript:alert(1)' }), { ok: false, problems: { attachment: 'shape' } }],
    ['a link too long', form({ attachment: `https://files.example/${'a'.repeat(ATTACHMENT_MAX)}` }), { ok: false, problems: { attachment: 'too-long' } }],
  ] as const)('%s', (_name, input, expected) => {
    expect(recordBody(input)).toEqual(expected);
  });
});

describe('knownProblem', () => {
  const problem = (patch: Partial<Problem>): Problem => ({ type: 'about:blank', title: 'x', status: 422, ...patch });
  it.each([
    ['an unknown department', problem({ errors: [{ field: 'departmentId', rule: 'knownAgency', message: 'm' }] }), 'departmentId.knownAgency'],
    ['a past due date', problem({ errors: [{ field: 'dueDate', rule: 'notPast', message: 'm' }] }), 'dueDate.notPast'],
    ['a missing calendar year', problem({ errors: [{ field: 'dueDate', rule: 'calendarCovers', message: 'm' }] }), 'dueDate.calendarCovers'],
    ['answered already', problem({ status: 409, type: 'https://openday.example/problems/feedback-state' }), 'answered'],
    ['anything else', problem({ status: 500 }), undefined],
    ['another field rule', problem({ status: 400, errors: [{ field: 'text', rule: 'isString', message: 'm' }] }), undefined],
  ])('%s', (_name, input, key) => {
    expect(knownProblem(input)).toBe(key);
  });
});
