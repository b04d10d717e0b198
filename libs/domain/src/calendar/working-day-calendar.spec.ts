import type { CalendarDate } from './calendar-date';
import { UncoveredYearError } from './calendar-errors';
import { officialCalendar } from './official-calendar';

const calendar = officialCalendar();

describe('WorkingDayCalendar.isWorkingDay', () => {
  it.each<[CalendarDate, boolean, string]>([
    ['2026-11-26', true, 'ordinary Thursday'],
    ['2026-11-28', false, 'ordinary Saturday'],
    ['2026-11-29', false, 'ordinary Sunday'],
    ['2026-10-01', false, 'National Day 2026, Thursday'],
    ['2026-10-07', false, 'last day of National Day 2026, Wednesday'],
    ['2026-10-08', true, 'first weekday after National Day 2026'],
    ['2026-09-20', true, 'adjusted working Sunday before National Day 2026'],
    ['2026-10-10', true, 'adjusted working Saturday after National Day 2026'],
    ['2026-09-25', false, 'Mid-autumn Festival 2026, Friday'],
    ['2026-02-14', true, 'adjusted working Saturday before Spring Festival 2026'],
    ['2026-02-16', false, 'Spring Festival 2026 eve, Monday'],
    ['2026-02-17', false, 'Spring Festival 2026, Tuesday'],
    ['2026-02-23', false, 'last day of Spring Festival 2026, Monday'],
    ['2026-02-24', true, 'first weekday after Spring Festival 2026'],
    ['2026-02-28', true, 'adjusted working Saturday after Spring Festival 2026'],
    ['2026-01-02', false, 'New Year 2026, Friday'],
    ['2026-01-04', true, 'adjusted working Sunday after New Year 2026'],
    ['2026-05-09', true, 'adjusted working Saturday after Labour Day 2026'],
    ['2025-01-26', true, 'adjusted working Sunday before Spring Festival 2025'],
    ['2025-01-28', false, 'Spring Festival 2025 eve, Tuesday'],
    ['2025-02-08', true, 'adjusted working Saturday after Spring Festival 2025'],
    ['2025-04-27', true, 'adjusted working Sunday before Labour Day 2025'],
    ['2025-09-28', true, 'adjusted working Sunday before National Day 2025'],
    ['2025-10-08', false, 'last day of National Day 2025, Wednesday'],
    ['2025-10-11', true, 'adjusted working Saturday after National Day 2025'],
    ['2024-10-07', false, 'last day of National Day 2024, Monday'],
    ['2024-10-12', true, 'adjusted working Saturday after National Day 2024'],
  ])('%s → %p (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('WorkingDayCalendar.addWorkingDays', () => {
  it.each<[CalendarDate, number, CalendarDate, string]>([
    ['2026-11-26', 1, '2026-11-27', 'next day'],
    ['2026-11-27', 1, '2026-11-30', 'over a weekend'],
    ['2026-11-30', -1, '2026-11-27', 'back over a weekend'],
    ['2026-11-28', 1, '2026-11-30', 'from a day off'],
    ['2026-11-28', 0, '2026-11-28', 'zero leaves even a day off as it is'],
    ['2026-09-30', 1, '2026-10-08', 'over National Day'],
    ['2026-10-08', -1, '2026-09-30', 'back over National Day'],
    ['2026-10-09', 1, '2026-10-10', 'onto an adjusted working Saturday'],
    ['2026-10-09', 2, '2026-10-12', 'through an adjusted working Saturday'],
    ['2026-09-18', 1, '2026-09-20', 'onto an adjusted working Sunday'],
    ['2026-02-13', 2, '2026-02-24', 'over Spring Festival'],
    ['2026-02-24', -2, '2026-02-13', 'back over Spring Festival'],
    ['2025-12-31', 1, '2026-01-04', 'over New Year into the next year'],
    ['2026-09-21', 15, '2026-10-19', 'fifteen working days over National Day'],
  ])('%s %+d → %s (%s)', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses fractions of a working day', () => {
    expect(() => calendar.addWorkingDays('2026-11-26', 1.5)).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar.workingDaysBetween', () => {
  it.each<[CalendarDate, CalendarDate, number]>([
    ['2026-11-20', '2026-11-27', 5],
    ['2026-11-27', '2026-11-20', -5],
    ['2026-11-26', '2026-11-26', 0],
    ['2026-11-27', '2026-11-29', 0],
    ['2026-09-30', '2026-10-08', 1],
    ['2026-09-19', '2026-09-20', 1],
    ['2026-02-13', '2026-02-24', 2],
  ])('%s → %s: %d', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it.each<CalendarDate>(['2026-02-12', '2026-09-19', '2026-09-30', '2026-10-10', '2026-11-27'])(
    'undoes addWorkingDays from %s',
    (date) => {
      for (const n of [-12, -5, -1, 0, 1, 2, 5, 15]) {
        expect(calendar.workingDaysBetween(date, calendar.addWorkingDays(date, n))).toBe(n);
      }
    },
  );
});

describe('WorkingDayCalendar.lastOnTimeFilingDate (5 working days, the day before the event counting first)', () => {
  it.each<[CalendarDate, CalendarDate, string]>([
    ['2026-11-27', '2026-11-20', 'Friday: Thu 26, Wed 25, Tue 24, Mon 23, Fri 20'],
    ['2026-11-24', '2026-11-17', 'Tuesday, over an ordinary weekend'],
    ['2026-11-30', '2026-11-23', 'Monday: the Sunday and Saturday before do not count'],
    ['2026-11-23', '2026-11-16', 'Monday'],
    ['2026-11-28', '2026-11-23', 'Saturday'],
    ['2026-11-29', '2026-11-23', 'Sunday (the domain example with a 26 November registration deadline)'],
    ['2026-10-09', '2026-09-24', 'Friday after National Day, also over Mid-autumn'],
    ['2026-10-12', '2026-09-29', 'Monday after National Day, counting Saturday 10 October'],
    ['2026-10-11', '2026-09-29', 'Sunday after the adjusted working Saturday 10 October'],
    ['2026-09-21', '2026-09-15', 'Monday after the adjusted working Sunday 20 September'],
    ['2026-10-03', '2026-09-23', 'during National Day'],
    ['2026-02-24', '2026-02-10', 'first day after Spring Festival, counting Saturday 14 February'],
    ['2026-01-05', '2025-12-26', 'back over New Year into the previous year'],
  ])('event %s → file by %s (%s)', (eventDate, expected) => {
    expect(calendar.lastOnTimeFilingDate(eventDate)).toBe(expected);
  });

  it('counts another number of working days when asked', () => {
    expect(calendar.lastOnTimeFilingDate('2026-11-27', 1)).toBe('2026-11-26');
    expect(calendar.lastOnTimeFilingDate('2026-11-27', 10)).toBe('2026-11-13');
  });

  it.each([0, -5, 2.5])('refuses %p working days', (workingDays) => {
    expect(() => calendar.lastOnTimeFilingDate('2026-11-27', workingDays)).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar.isFiledOnTime', () => {
  it.each<[CalendarDate, CalendarDate, boolean]>([
    ['2026-11-19', '2026-11-27', true],
    ['2026-11-20', '2026-11-27', true],
    ['2026-11-21', '2026-11-27', false],
    ['2026-11-23', '2026-11-27', false],
    ['2026-09-29', '2026-10-12', true],
    ['2026-09-30', '2026-10-12', false],
    ['2026-10-08', '2026-10-12', false],
  ])('filed %s for an event on %s → %p', (filingDate, eventDate, expected) => {
    expect(calendar.isFiledOnTime(filingDate, eventDate)).toBe(expected);
  });
});

describe('WorkingDayCalendar.answerDueDate', () => {
  it.each<[CalendarDate, number, CalendarDate, string]>([
    ['2026-11-26', 2, '2026-11-30', 'selection result 2 working days after a Thursday deadline'],
    ['2026-09-30', 2, '2026-10-09', 'selection result over National Day'],
    ['2026-10-09', 2, '2026-10-12', 'selection result over an adjusted working Saturday'],
    ['2026-09-21', 15, '2026-10-19', 'feedback answer 15 working days over National Day'],
    ['2026-11-27', 15, '2026-12-18', 'feedback answer 15 working days in an ordinary month'],
  ])('%s + %d → %s (%s)', (closedOn, workingDays, expected) => {
    expect(calendar.answerDueDate(closedOn, workingDays)).toBe(expected);
  });

  it('refuses a period of zero working days', () => {
    expect(() => calendar.answerDueDate('2026-11-26', 0)).toThrow(RangeError);
  });
});

describe('a year without an official schedule', () => {
  it.each<[string, () => unknown, number]>([
    ['isWorkingDay', () => calendar.isWorkingDay('2027-01-04'), 2027],
    ['addWorkingDays into the next year', () => calendar.addWorkingDays('2026-12-31', 1), 2027],
    ['lastOnTimeFilingDate for an event next year', () => calendar.lastOnTimeFilingDate('2027-01-08'), 2027],
    ['lastOnTimeFilingDate counting back into an earlier year', () => calendar.lastOnTimeFilingDate('2024-01-03'), 2023],
    ['answerDueDate running into the next year', () => calendar.answerDueDate('2026-12-25', 15), 2027],
    ['workingDaysBetween', () => calendar.workingDaysBetween('2026-12-30', '2027-01-05'), 2027],
  ])('%s throws UncoveredYearError', (_name, ask, year) => {
    expect(ask).toThrow(UncoveredYearError);
    expect(ask).toThrow(expect.objectContaining({ year }));
  });
});
