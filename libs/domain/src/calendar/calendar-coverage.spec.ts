import { calendarCoverage } from './calendar-coverage';
import type { CalendarDate } from './calendar-date';

describe('calendarCoverage (which years the city office must add)', () => {
  it.each<[string, number[], string, number[], boolean]>([
    ['the current year covered, before November', [2025, 2026], '2026-10-31', [], false],
    ['from 1 November the next year is needed', [2025, 2026], '2026-11-01', [2027], false],
    ['in December without the next year', [2024, 2025, 2026], '2026-12-31', [2027], false],
    ['in November with the next year added', [2026, 2027], '2026-11-15', [], false],
    ['the current year itself missing is urgent', [2026], '2027-01-04', [2027], true],
    ['both missing late in an uncovered year', [2026], '2027-11-20', [2027, 2028], true],
    ['nothing covered at all', [], '2030-06-01', [2030], true],
  ])('%s', (_case, covered, today, missing, urgent) => {
    expect(calendarCoverage(covered, today as CalendarDate)).toEqual({ missingYears: missing, urgent });
  });
});
