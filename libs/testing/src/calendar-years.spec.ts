import { calendarYearsAhead, provisionalCalendarYear } from './calendar-years';

describe('calendar years for clock-relative tests', () => {
  it.each<[string, number, number[]]>([
    ['2026-06-01T00:00:00Z', 60, [2026]],
    ['2026-12-02T00:00:00Z', 40, [2026, 2027]],
    // 31 December 16:30 UTC is already 1 January in Shanghai.
    ['2026-12-31T16:30:00Z', 0, [2027]],
    ['2027-06-21T00:00:00Z', 400, [2027, 2028]],
  ])('from %s, %d days ahead → %j', (now, days, years) => {
    expect(calendarYearsAhead(new Date(now), days)).toEqual(years);
  });

  it('gives a year its fixed-date holidays that fall on weekdays', () => {
    // 2027: 1 January is a Friday, 1–2 May a weekend, 1 October a Friday, 2–3 October a weekend.
    expect(provisionalCalendarYear(2027)).toMatchObject({ coveredYears: [2027], holidays: ['2027-01-01', '2027-10-01'], adjustedWorkingDays: [] });
    expect(provisionalCalendarYear(2028).holidays).toEqual(['2028-05-01', '2028-05-02', '2028-10-02', '2028-10-03']);
  });
});
