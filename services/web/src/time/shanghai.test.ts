import { addMonths, formatDate, formatMonth, shanghaiDate, shanghaiMonth, shanghaiTime } from './shanghai';

describe('Shanghai dates and times', () => {
  it.each([
    ['2026-11-25T15:59:00Z', '2026-11-25', '23:59'],
    ['2026-11-25T16:00:00Z', '2026-11-26', '00:00'],
    ['2026-11-26T08:00:00+08:00', '2026-11-26', '08:00'],
    ['2026-12-31T16:30:00Z', '2027-01-01', '00:30'],
  ])('%s is %s %s in Shanghai', (instant, date, time) => {
    expect(shanghaiDate(instant)).toBe(date);
    expect(shanghaiTime(instant)).toBe(time);
  });

  it('gives the month of an instant in Shanghai', () => {
    expect(shanghaiMonth('2026-11-30T16:00:00Z')).toBe('2026-12');
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
    ['2026-05', 0, '2026-05'],
  ])('%s %+d months is %s', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });

  it.each([
    ['zh-CN', '2026年11月29日周日'],
    ['en', 'Sun, 29 Nov 2026'],
  ])('says a date in %s', (language, expected) => {
    expect(formatDate('2026-11-29', language).replace(/\s+/g, ' ')).toBe(expected);
  });
});

describe('formatMonth', () => {
  it.each([
    ['zh-CN', '2026年11月'],
    ['en', 'November 2026'],
  ])('in %s', (language, expected) => {
    expect(formatMonth('2026-11', language)).toBe(expected);
  });
});
