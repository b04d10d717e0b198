import {
  addDays,
  compareDates,
  dayOfWeek,
  endOfShanghaiDay,
  InvalidCalendarDateError,
  isCalendarDate,
  shanghaiDateOf,
  shanghaiDateTime,
  shanghaiInstant,
  toCalendarDate,
  type CalendarDate,
} from './calendar-date';

describe('isCalendarDate', () => {
  it.each([
    ['2026-11-26', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['26-11-2026', false],
    ['2026-11-26T00:00', false],
    [' 2026-11-26', false],
    ['', false],
    [20261126, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('toCalendarDate', () => {
  it('passes a real date through', () => {
    expect(toCalendarDate('2026-11-26')).toBe('2026-11-26');
  });

  it('refuses anything else with InvalidCalendarDateError', () => {
    expect(() => toCalendarDate('2026-02-30')).toThrow(InvalidCalendarDateError);
  });
});

describe('addDays', () => {
  it.each<[CalendarDate, number, CalendarDate]>([
    ['2026-11-26', 0, '2026-11-26'],
    ['2026-11-26', 1, '2026-11-27'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -365, '2025-03-01'],
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses fractions of a day', () => {
    expect(() => addDays('2026-11-26', 0.5)).toThrow(RangeError);
  });

  it('refuses a date that does not exist rather than rolling it over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(InvalidCalendarDateError);
  });
});

describe('compareDates', () => {
  it.each<[CalendarDate, CalendarDate, number]>([
    ['2026-11-26', '2026-11-27', -1],
    ['2026-11-27', '2026-11-27', 0],
    ['2027-01-01', '2026-12-31', 1],
  ])('%s vs %s → %d', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('sorts dates', () => {
    const dates: CalendarDate[] = ['2026-11-27', '2025-12-31', '2026-02-01'];
    expect(dates.sort(compareDates)).toEqual(['2025-12-31', '2026-02-01', '2026-11-27']);
  });
});

describe('dayOfWeek', () => {
  it.each<[CalendarDate, number]>([
    ['2026-09-20', 0],
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2026-10-10', 6],
  ])('%s → %d', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});

describe('shanghaiDateOf', () => {
  it.each([
    ['2026-11-25T15:59:59.999Z', '2026-11-25'],
    ['2026-11-25T16:00:00.000Z', '2026-11-26'],
    ['2026-11-25T16:30:00.000Z', '2026-11-26'],
    ['2026-11-26T15:59:59.999Z', '2026-11-26'],
    ['2026-11-26T00:00:00+08:00', '2026-11-26'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (instant, expected) => {
    expect(shanghaiDateOf(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDateOf(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('shanghaiInstant', () => {
  it.each<[CalendarDate, string, string]>([
    ['2026-11-26', '16:00', '2026-11-26T08:00:00.000Z'],
    ['2026-11-26', '00:00', '2026-11-25T16:00:00.000Z'],
    ['2026-11-26', '07:59', '2026-11-25T23:59:00.000Z'],
    ['2027-01-01', '23:59', '2027-01-01T15:59:00.000Z'],
  ])('%s %s in Shanghai is %s', (date, time, expected) => {
    expect(shanghaiInstant(date, time).toISOString()).toBe(expected);
    expect(shanghaiDateOf(shanghaiInstant(date, time))).toBe(date);
  });

  it.each(['24:00', '9:00', '16:60', '16:00:00', ''])('refuses the time %p', (time) => {
    expect(() => shanghaiInstant('2026-11-26', time)).toThrow(RangeError);
  });
});

describe('shanghaiDateTime', () => {
  it.each<[string, 'minute' | 'second', string]>([
    ['2026-11-26T08:00:59.999Z', 'minute', '2026-11-26 16:00'],
    ['2026-11-26T08:00:59.999Z', 'second', '2026-11-26 16:00:59'],
    ['2026-11-25T16:00:00Z', 'minute', '2026-11-26 00:00'],
    ['2026-11-25T15:59:59Z', 'second', '2026-11-25 23:59:59'],
    ['2026-12-31T16:00:00Z', 'minute', '2027-01-01 00:00'],
  ])('%s to the %s is %s', (instant, precision, expected) => {
    expect(shanghaiDateTime(new Date(instant), precision)).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(() => shanghaiDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('endOfShanghaiDay', () => {
  it.each<[CalendarDate, string]>([
    ['2026-11-26', '2026-11-26T16:00:00.000Z'],
    ['2026-12-31', '2026-12-31T16:00:00.000Z'],
    ['2028-02-28', '2028-02-28T16:00:00.000Z'],
  ])('%s ends at %s (the next Shanghai midnight)', (date, expected) => {
    expect(endOfShanghaiDay(date).toISOString()).toBe(expected);
  });
});
