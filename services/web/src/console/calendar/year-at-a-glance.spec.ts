import { dayKind, nextYearToAdd, yearAtAGlance, yearChoices, yearFromQuery } from './year-at-a-glance';

describe('dayKind', () => {
  const holidays = new Set(['2026-10-01', '2026-10-03']);
  const adjusted = new Set(['2026-09-20', '2026-10-10']);
  it.each([
    ['2026-10-01', 'holiday'], // Thursday, National Day
    ['2026-10-03', 'holiday'], // Saturday listed as a holiday: shown as one
    ['2026-10-10', 'adjusted'], // Saturday worked
    ['2026-09-20', 'adjusted'], // Sunday worked
    ['2026-10-04', 'weekend'],
    ['2026-10-09', 'working'],
  ])('%s is %s', (date, kind) => {
    expect(dayKind(date, holidays, adjusted)).toBe(kind);
  });
});

describe('yearAtAGlance', () => {
  const glance = yearAtAGlance(2026, { holidays: ['2026-01-01', '2026-10-01'], adjustedWorkingDays: ['2026-10-10'], coveredYears: [2025, 2026] });

  it('has twelve months of whole weeks, Monday first', () => {
    expect(glance.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(glance.months.every((m) => m.weeks.every((week) => week.length === 7))).toBe(true);
    // 1 January 2026 is a Thursday: three days of December pad the first row.
    expect(glance.months[0].weeks[0].map((d) => d?.day ?? null)).toEqual([null, null, null, 1, 2, 3, 4]);
    // 1 February 2026 is a Sunday: the last column.
    expect(glance.months[1].weeks[0].map((d) => d?.day ?? null)).toEqual([null, null, null, null, null, null, 1]);
  });

  it('counts every day once, by kind', () => {
    expect(glance.counts).toEqual({ holiday: 2, adjusted: 1, weekend: 104 - 1, working: 365 - 2 - 104 });
    expect(glance.covered).toBe(true);
  });

  it('knows a year the calendar lacks', () => {
    expect(yearAtAGlance(2028, { holidays: [], adjustedWorkingDays: [], coveredYears: [2026] }).covered).toBe(false);
  });

  it('has 29 February in a leap year', () => {
    const february = yearAtAGlance(2028, { holidays: [], adjustedWorkingDays: [], coveredYears: [] }).months[1];
    expect(february.weeks.flat().filter(Boolean).length).toBe(29);
  });
});

describe('yearChoices', () => {
  it.each([
    ['recent covered years and the missing ones', [2004, 2020, 2024, 2025, 2026], [2027], 2026, undefined, [2024, 2025, 2026, 2027]],
    ['the current year even when missing', [2024, 2025], [2026, 2027], 2026, undefined, [2024, 2025, 2026, 2027]],
    ['the asked year too', [2025, 2026], [], 2026, 2019, [2019, 2025, 2026]],
  ])('%s', (_name, covered, missing, current, asked, expected) => {
    expect(yearChoices(covered, missing, current, asked)).toEqual(expected);
  });
});

describe('yearFromQuery', () => {
  it.each([
    ['2028', 2028],
    ['1999', undefined],
    ['2101', undefined],
    ['20x8', undefined],
    [null, undefined],
  ])('%j → %s', (value, expected) => {
    expect(yearFromQuery(value)).toBe(expected);
  });
});

describe('nextYearToAdd', () => {
  it.each([
    ['the first missing year', [2025, 2026], [2027, 2028], 2026, 2027],
    ['after the last covered year when nothing is missing', [2025, 2026, 2027], [], 2026, 2028],
    ['this year when nothing from now on is covered', [2020], [], 2026, 2026],
  ])('%s', (_name, covered, missing, current, expected) => {
    expect(nextYearToAdd(covered, missing, current)).toBe(expected);
  });
});
