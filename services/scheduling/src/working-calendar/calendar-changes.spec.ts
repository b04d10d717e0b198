import { officialCalendar } from '@openday/domain';
import { applyCalendarChange, type CalendarChangeContent } from './calendar-changes';

describe('applyCalendarChange', () => {
  const calendar = officialCalendar();

  it('adds a year with its holidays and adjusted working days', () => {
    const outcome = applyCalendarChange(calendar, { coveredYears: [2027], holidays: ['2027-01-01'], adjustedWorkingDays: ['2027-02-06'] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.calendar.coveredYears).toEqual([2024, 2025, 2026, 2027]);
    expect(outcome.calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(outcome.calendar.isWorkingDay('2027-02-06')).toBe(true);
    expect(calendar.coveredYears).toEqual([2024, 2025, 2026]);
  });

  it('corrects a day back to the plain weekday rule', () => {
    const outcome = applyCalendarChange(calendar, { ordinaryDays: ['2026-10-05'] });
    expect(outcome.ok && outcome.calendar.isWorkingDay('2026-10-05')).toBe(true);
  });

  it.each<[string, CalendarChangeContent, string[]]>([
    ['nothing', {}, ['change:notEmpty']],
    ['a day in a year not covered', { holidays: ['2027-01-01'] }, ['holidays[0]:coveredYear']],
    ['a weekday as an adjusted working day', { adjustedWorkingDays: ['2026-11-25'] }, ['adjustedWorkingDays[0]:calendarData']],
    ['one day in two lists', { holidays: ['2026-11-27'], ordinaryDays: ['2026-11-27'] }, ['ordinaryDays[0]:calendarData']],
    ['a holiday and an adjusted day together', { holidays: ['2026-11-28'], adjustedWorkingDays: ['2026-11-28'] }, ['adjustedWorkingDays[0]:calendarData']],
  ])('refuses %s, naming the entry', (_label, change, expected) => {
    const outcome = applyCalendarChange(calendar, change);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => `${p.field}:${p.rule}`)).toEqual(expected);
  });
});
