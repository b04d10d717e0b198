import { officialCalendar, type CalendarDate } from '@openday/domain';
import { chase, defaultDueDate, isAcceptableDueDate, isLate, isOverdue, overdueFrom } from './due-dates';

const calendar = officialCalendar();

describe('defaultDueDate: 15 working days after the assignment, official calendar', () => {
  it.each<[string, CalendarDate, string]>([
    ['2026-11-23T10:00:00+08:00', '2026-12-14', 'Monday in an ordinary month: three weeks'],
    ['2026-11-24T01:00:00+08:00', '2026-12-15', 'the Shanghai date counts, not the UTC one (still the 23rd in UTC)'],
    ['2026-09-18T16:00:00+08:00', '2026-10-15', 'over National Day 2026: the adjusted Sunday 20 Sep and Saturday 10 Oct count, 25 Sep and 1-7 Oct do not'],
    ['2026-09-24T09:00:00+08:00', '2026-10-22', 'from the eve of Mid-autumn across National Day 2026'],
    ['2026-09-30T09:00:00+08:00', '2026-10-27', 'assigned the day before National Day'],
    ['2026-10-03T09:00:00+08:00', '2026-10-27', 'assigned on a holiday: counting starts after it'],
  ])('assigned %s → due %s (%s)', (assignedAt, due) => {
    expect(defaultDueDate(calendar, new Date(assignedAt))).toBe(due);
  });

  it('takes another number of working days', () => {
    expect(defaultDueDate(calendar, new Date('2026-09-30T09:00:00+08:00'), 1)).toBe('2026-10-08');
  });
});

describe('overdue: from the end of the due date, Asia/Shanghai', () => {
  it.each<[CalendarDate, string, boolean]>([
    ['2026-11-24', '2026-11-24T23:59:59.999+08:00', false],
    ['2026-11-24', '2026-11-25T00:00:00+08:00', true],
    ['2026-11-24', '2026-11-24T16:00:00Z', true],
    ['2026-11-24', '2026-11-24T15:59:59Z', false],
    ['2026-10-22', '2026-10-01T10:00:00+08:00', false],
  ])('due %s, at %s → overdue %p', (due, at, expected) => {
    expect(isOverdue(due, new Date(at))).toBe(expected);
    expect(isLate(due, new Date(at))).toBe(expected);
  });

  it('starts at midnight Shanghai after the due date', () => {
    expect(overdueFrom('2026-11-24').toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });
});

describe('chase: working days overdue and the next chase', () => {
  it.each<[CalendarDate, string, number, number, string, string]>([
    ['2026-11-24', '2026-11-25T00:00:00+08:00', 3, 1, '2026-11-30T01:00:00.000Z', 'first chase at midnight; next 3 working days later at 09:00'],
    ['2026-11-24', '2026-11-26T10:00:00+08:00', 3, 2, '2026-12-01T01:00:00.000Z', 'two working days late'],
    ['2026-11-27', '2026-11-28T00:00:00+08:00', 3, 1, '2026-12-03T01:00:00.000Z', 'due Friday, chased on Saturday: counts as Monday'],
    ['2026-09-30', '2026-10-01T00:00:00+08:00', 3, 1, '2026-10-12T01:00:00.000Z', 'due before National Day: the holidays do not count, 10 Oct does'],
    ['2026-09-30', '2026-10-09T09:00:00+08:00', 3, 2, '2026-10-13T01:00:00.000Z', 'chased again after the holidays: 10 Oct is a working Saturday'],
    ['2026-11-24', '2026-11-25T00:00:00+08:00', 1, 1, '2026-11-26T01:00:00.000Z', 'chasing every working day'],
  ])('due %s, chased %s every %d → %d overdue, next %s (%s)', (due, now, every, overdue, next) => {
    const result = chase(calendar, due, new Date(now), every);
    expect(result.workingDaysOverdue).toBe(overdue);
    expect(result.nextChaseAt.toISOString()).toBe(next);
  });

  it('refuses to chase an item that is not overdue', () => {
    expect(() => chase(calendar, '2026-11-24', new Date('2026-11-24T12:00:00+08:00'), 3)).toThrow(RangeError);
  });
});

describe('due dates staff set', () => {
  it.each<[CalendarDate, string, boolean]>([
    ['2026-11-23', '2026-11-23T23:00:00+08:00', true],
    ['2026-11-22', '2026-11-23T00:30:00+08:00', false],
    ['2026-12-31', '2026-11-23T10:00:00+08:00', true],
  ])('%s at %s → acceptable %p', (due, now, expected) => {
    expect(isAcceptableDueDate(due, new Date(now))).toBe(expected);
  });
});
