import { OpenDayChangedV2 } from '@openday/contracts';
import type { SessionFacts } from '../templates/message-params';
import { changedFrom, changeNotice, type ChangeRecipient } from './change-notice';

const MORNING = '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79';
const example = OpenDayChangedV2.contract.definition.example;
const venues = [{ name: '第一水厂', address: '滨江路 1 号' }];
const change = (overrides: Partial<OpenDayChangedV2>): OpenDayChangedV2 => ({
  ...example,
  title: '走进自来水厂',
  sessions: [{ sessionId: MORNING, date: '2026-11-29', startsAt: '09:00', endsAt: '11:30', capacity: 12 }],
  venues,
  assemblyPoint: '市民中心北门',
  notices: ['请携带身份证原件'],
  reason: '水厂检修',
  ...overrides,
});
const before: SessionFacts = { title: '走进自来水厂', date: '2026-11-29', startsAt: '09:00', endsAt: '11:30', venues, assemblyPoint: '市民中心北门' };
const holder: ChangeRecipient = { sessionId: MORNING, before, waitlisted: false, notices: ['请携带身份证原件'] };
const waiting: ChangeRecipient = { sessionId: MORNING, before, waitlisted: true, notices: null };
const retimed = [{ sessionId: MORNING, date: '2026-12-06', startsAt: '14:00', endsAt: '16:30', capacity: 12 }];

describe('changeNotice: what one person is told of a change', () => {
  it.each<[string, Partial<OpenDayChangedV2>, ChangeRecipient, ReturnType<typeof changeNotice>]>([
    [
      'a moved date and time: the new one, and the old time',
      { changedFields: ['sessions'], sessions: retimed },
      holder,
      { ...before, date: '2026-12-06', startsAt: '14:00', endsAt: '16:30', reason: '水厂检修', before: { date: '2026-11-29', startsAt: '09:00', endsAt: '11:30' } },
    ],
    [
      'a new assembly point only: the old one, nothing about the time',
      { changedFields: ['assemblyPoint'], assemblyPoint: '水厂东门' },
      holder,
      { ...before, assemblyPoint: '水厂东门', reason: '水厂检修', before: { assemblyPoint: '市民中心北门' } },
    ],
    [
      'a session added elsewhere: the holder still hears the change, their session as it is',
      { changedFields: ['sessions'] },
      holder,
      { ...before, reason: '水厂检修', before: {} },
    ],
    [
      'the waiting list hears a change of time, marked as waiting',
      { changedFields: ['sessions', 'venues'], sessions: retimed, venues: [{ name: '二水厂', address: '江滨路 2 号' }] },
      waiting,
      {
        ...before,
        date: '2026-12-06',
        startsAt: '14:00',
        endsAt: '16:30',
        venues: [{ name: '二水厂', address: '江滨路 2 号' }],
        reason: '水厂检修',
        before: { date: '2026-11-29', startsAt: '09:00', endsAt: '11:30', venues },
        waitlisted: true,
      },
    ],
    [
      'someone waiting whose session the open day copy never held: the new time alone',
      { changedFields: ['sessions'], sessions: retimed },
      { ...waiting, before: null },
      { ...before, date: '2026-12-06', startsAt: '14:00', endsAt: '16:30', reason: '水厂检修', waitlisted: true },
    ],
    [
      'new notices only: the holder hears the notices',
      { changedFields: ['notices'], notices: ['请穿平底鞋'] },
      holder,
      { ...before, reason: '水厂检修', subject: 'notices', notices: ['请穿平底鞋'] },
    ],
    [
      'a change of time and of notices: one message with both',
      { changedFields: ['sessions', 'notices'], sessions: retimed, notices: ['请穿平底鞋'] },
      holder,
      {
        ...before,
        date: '2026-12-06',
        startsAt: '14:00',
        endsAt: '16:30',
        reason: '水厂检修',
        before: { date: '2026-11-29', startsAt: '09:00', endsAt: '11:30' },
        notices: ['请穿平底鞋'],
      },
    ],
    ['new notices are not news to the waiting list', { changedFields: ['notices'], notices: ['请穿平底鞋'] }, waiting, null],
    ['notices the holder already has: nothing to tell', { changedFields: ['notices'] }, holder, null],
    ['eligibility only: nobody is told here (vetting tells who no longer qualifies)', { changedFields: ['eligibility'] }, holder, null],
    ['the person’s session was removed: not this message', { changedFields: ['sessions'], sessions: [{ ...retimed[0], sessionId: 'another' }] }, holder, null],
  ])('%s', (_label, overrides, recipient, expected) => {
    expect(changeNotice(change(overrides), recipient)).toEqual(expected);
  });
});

describe('changedFrom', () => {
  it.each<[string, Partial<SessionFacts>, ReturnType<typeof changedFrom>]>([
    ['nothing changed', {}, {}],
    ['only the end moved: the whole old time', { endsAt: '12:00' }, { date: '2026-11-29', startsAt: '09:00', endsAt: '11:30' }],
    ['a venue added: the old list', { venues: [...venues, { name: '监测中心', address: '滨江路 9 号' }] }, { venues }],
  ])('%s', (_label, after, expected) => {
    expect(changedFrom(before, { ...before, ...after })).toEqual(expected);
  });
});
