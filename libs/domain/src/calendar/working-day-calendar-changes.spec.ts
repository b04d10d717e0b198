import type { CalendarDate } from './calendar-date';
import { InvalidCalendarDataError, UncoveredYearError } from './calendar-errors';
import { WorkingDayCalendar, type WorkingDayCalendarData } from './working-day-calendar';

const national2026: WorkingDayCalendarData = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  adjustedWorkingDays: ['2026-09-20', '2026-10-10'],
  coveredYears: [2026],
};

describe('WorkingDayCalendar data', () => {
  it.each<[string, WorkingDayCalendarData, string]>([
    [
      'a date that does not exist',
      { ...national2026, holidays: ['2026-02-30'] },
      '"2026-02-30" is not a calendar date',
    ],
    [
      'a day both off and on',
      { ...national2026, holidays: ['2026-10-10'] },
      '2026-10-10 is listed both as a holiday and as an adjusted working day',
    ],
    [
      'an adjusted working day on a weekday',
      { ...national2026, adjustedWorkingDays: ['2026-10-08'] },
      '2026-10-08 is listed as an adjusted working day but is not on a weekend',
    ],
    ['a covered year that is not a year', { ...national2026, coveredYears: [2026.5] }, '2026.5 is not a year'],
  ])('refuses %s', (_name, data, problem) => {
    expect(() => new WorkingDayCalendar(data)).toThrow(InvalidCalendarDataError);
    expect(() => new WorkingDayCalendar(data)).toThrow(problem);
  });

  it('accepts a holiday listed on a weekend, which changes nothing', () => {
    const calendar = new WorkingDayCalendar({ ...national2026, holidays: [...national2026.holidays, '2026-10-03'] });
    expect(calendar.isWorkingDay('2026-10-03')).toBe(false);
  });

  it('gives its data back sorted', () => {
    const calendar = new WorkingDayCalendar({
      holidays: ['2026-10-02', '2026-10-01'],
      adjustedWorkingDays: ['2026-10-10', '2026-09-20'],
      coveredYears: [2026, 2025],
    });
    expect(calendar.toData()).toEqual({
      holidays: ['2026-10-01', '2026-10-02'],
      adjustedWorkingDays: ['2026-09-20', '2026-10-10'],
      coveredYears: [2025, 2026],
    });
  });
});

describe('WorkingDayCalendar.withDays', () => {
  const calendar = new WorkingDayCalendar(national2026);

  it('adds a year, leaving the original calendar as it was', () => {
    const extended = calendar.withDays({
      coveredYears: [2027],
      holidays: ['2027-01-01'],
      adjustedWorkingDays: ['2027-01-09'],
    });
    expect(extended.coveredYears).toEqual([2026, 2027]);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2027-01-09')).toBe(true);
    expect(extended.lastOnTimeFilingDate('2027-01-04')).toBe('2026-12-25');
    expect(() => calendar.isWorkingDay('2027-01-01')).toThrow(UncoveredYearError);
  });

  it.each<[string, Parameters<WorkingDayCalendar['withDays']>[0], CalendarDate, boolean]>([
    ['makes a weekday a holiday', { holidays: ['2026-10-08'] }, '2026-10-08', false],
    ['makes a weekend day an adjusted working day', { adjustedWorkingDays: ['2026-10-11'] }, '2026-10-11', true],
    ['turns an adjusted working day into a day off', { holidays: ['2026-10-10'] }, '2026-10-10', false],
    ['returns a wrongly listed holiday to the weekday rule', { ordinaryDays: ['2026-10-05'] }, '2026-10-05', true],
    ['returns a wrongly listed working Sunday to the weekend rule', { ordinaryDays: ['2026-09-20'] }, '2026-09-20', false],
  ])('%s', (_name, changes, date, expected) => {
    const changed = calendar.withDays(changes);
    expect(changed.isWorkingDay(date)).toBe(expected);
    expect(calendar.isWorkingDay(date)).toBe(!expected);
  });

  it('moves a day from one list to the other rather than keeping it in both', () => {
    expect(calendar.withDays({ holidays: ['2026-10-10'] }).toData().adjustedWorkingDays).toEqual(['2026-09-20']);
  });

  it('refuses changes that list a day twice', () => {
    expect(() => calendar.withDays({ holidays: ['2026-10-08'], ordinaryDays: ['2026-10-08'] })).toThrow(
      '2026-10-08 is listed both as a holiday and as an ordinary day',
    );
  });

  it('refuses an adjusted working day on a weekday', () => {
    expect(() => calendar.withDays({ adjustedWorkingDays: ['2026-10-09'] })).toThrow(InvalidCalendarDataError);
  });
});
