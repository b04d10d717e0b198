import { toCalendarDate } from '../calendar/calendar-date';
import { isOpenDayInProgress, isPastRetention, retentionCutoffDate, splitErasure } from './personal-data-retention';

describe('isPastRetention', () => {
  it.each([
    // last day, now (UTC), days, past?
    ['2026-05-31', '2026-11-30T16:00:00Z', 183, true], // 1 Dec 00:00 Shanghai: 183 whole days after 31 May ended
    ['2026-05-31', '2026-11-30T15:59:59Z', 183, false], // 30 Nov 23:59:59 Shanghai: one second short
    ['2026-06-01', '2026-11-30T16:00:00Z', 183, false],
    ['2025-01-15', '2026-11-30T16:00:00Z', 183, true], // long ago
    ['2026-12-05', '2026-11-30T16:00:00Z', 183, false], // not yet held
    ['2026-11-29', '2026-11-29T16:00:00Z', 0, true], // zero days: erased the moment the day ends
    ['2026-11-29', '2026-11-29T15:59:59Z', 0, false],
    ['2026-02-28', '2026-03-30T16:00:00Z', 30, true], // across the end of February
    ['2028-02-29', '2028-03-30T15:59:59Z', 30, false], // a leap day: 30 days end on 30 March
    ['2028-02-29', '2028-03-30T16:00:00Z', 30, true],
  ])('an open day ending %s, at %s, %i days: %p', (lastDate, now, days, expected) => {
    expect(isPastRetention(toCalendarDate(lastDate), new Date(now), days)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p days', (days) => {
    expect(() => retentionCutoffDate(new Date(), days)).toThrow(RangeError);
  });
});

describe('isOpenDayInProgress', () => {
  it.each([
    ['2026-11-29', '2026-11-29T15:59:59Z', true], // 23:59:59 on the day in Shanghai
    ['2026-11-29', '2026-11-29T16:00:00Z', false], // the next day began
    ['2026-12-01', '2026-11-29T08:00:00Z', true], // ahead
    ['2026-11-28', '2026-11-29T01:00:00Z', false],
  ])('last day %s at %s: %p', (lastDate, now, expected) => {
    expect(isOpenDayInProgress(toCalendarDate(lastDate), new Date(now))).toBe(expected);
  });
});

describe('splitErasure', () => {
  const now = new Date('2026-12-05T02:00:00Z'); // 10:00 on 5 December in Shanghai
  it.each([
    ['ended yesterday', '2026-12-04', false, 'erase'],
    ['today', '2026-12-05', false, 'kept'],
    ['ahead', '2026-12-20', false, 'kept'],
    ['ahead but withdrawn', '2026-12-20', true, 'erase'],
    ['today and withdrawn', '2026-12-05', true, 'erase'],
  ])('an application %s: %s', (_label, lastDate, withdrawn, expected) => {
    const { erase, kept } = splitErasure([{ applicationId: 'a', lastDate: toCalendarDate(lastDate), withdrawn }], now);
    expect(expected === 'erase' ? erase : kept.map((k) => k.applicationId)).toEqual(['a']);
    if (expected === 'kept') expect(kept[0].reason).toBe('open-day-in-progress');
  });
});
