import { applicantView, applicationView } from '../api/view-fixtures';
import type { ApplicantView, ApplicationView, TicketView } from '../api/views';
import { canWithdraw, personState, type PersonState } from './application-state';

const person = (selection: Partial<ApplicantView['selection']>) => applicantView({}, selection);
const application = (people: ApplicantView[], overrides: Partial<ApplicationView> = {}) => applicationView({ people, ...overrides });

describe('personState', () => {
  const cases: Array<[string, ApplicationView, PersonState]> = [
    ['not decided: received', application([person({})]), { state: 'received' }],
    ['selected', application([person({ outcome: 'selected' })]), { state: 'selected' }],
    ['waitlisted with the position', application([person({ outcome: 'waitlisted', waitlistPosition: 2 })]), { state: 'waitlisted', position: 2 }],
    ['rejected with the reason', application([person({ outcome: 'rejected', reasonCode: 'age-below-minimum' })]), { state: 'rejected', reasonCode: 'age-below-minimum' }],
    ['withdrawn, whatever the selection said', application([person({ outcome: 'selected' })], { status: 'withdrawn' }), { state: 'withdrawn' }],
  ];

  it.each(cases)('%s', (_name, given, expected) => {
    expect(personState(given, given.people[0])).toEqual(expected);
  });
});

describe('canWithdraw', () => {
  const before = new Date('2026-11-28T12:00:00.000Z');
  const ticket = (status: TicketView['status'], applicationId = 'app-1') => ({ applicationId, status }) as TicketView;
  const cases: Array<[string, ApplicationView, Date, boolean, TicketView[]?]> = [
    ['received, before the day', application([person({})]), before, true],
    ['selected, on the day (Asia/Shanghai)', application([person({ outcome: 'selected' })]), new Date('2026-11-29T10:00:00.000Z'), true],
    ['after the day', application([person({ outcome: 'selected' })]), new Date('2026-11-29T16:00:00.000Z'), false],
    ['withdrawn already', application([person({})], { status: 'withdrawn' }), before, false],
    ['everyone rejected', application([person({ outcome: 'rejected' })]), before, false],
    ['a group with someone still waitlisted', application([person({ outcome: 'rejected' }), person({ outcome: 'waitlisted' })]), before, true],
    ['with a ticket not yet used', application([person({ outcome: 'selected' })]), before, true, [ticket('issued')]],
    ['checked in already', application([person({ outcome: 'selected' })]), before, false, [ticket('checked-in')]],
    ['recorded a no-show', application([person({ outcome: 'selected' })]), before, false, [ticket('no-show')]],
    ["another application's used ticket", application([person({ outcome: 'selected' })]), before, true, [ticket('checked-in', 'app-2')]],
  ];

  it.each(cases)('%s', (_name, given, now, expected, tickets = []) => {
    expect(canWithdraw(given, tickets, now)).toBe(expected);
  });
});
