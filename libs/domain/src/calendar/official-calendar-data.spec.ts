import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, isWeekend, yearOf, type CalendarDate } from './calendar-date';
import { officialCalendar } from './official-calendar';

// A development check that the shipped data was generated right; the runtime never
// loads chinese-days. It reads the package's published JSON, not its functions, which
// build their tables in local time and are off by a day when run west of UTC.
function chineseDaysSaysWorking(date: CalendarDate): boolean {
  return date in chineseDays.workdays || (!isWeekend(date) && !(date in chineseDays.holidays));
}

describe('the shipped official calendar', () => {
  it('covers 2024 to 2026', () => {
    expect(officialCalendar().coveredYears).toEqual([2024, 2025, 2026]);
  });

  it('agrees with chinese-days on every day of the covered years', () => {
    const calendar = officialCalendar();
    const disagreements: string[] = [];
    let days = 0;
    for (const year of calendar.coveredYears) {
      for (let date: CalendarDate = `${year}-01-01`; yearOf(date) === year; date = addDays(date, 1)) {
        days++;
        if (calendar.isWorkingDay(date) !== chineseDaysSaysWorking(date)) disagreements.push(date);
      }
    }
    expect(disagreements).toEqual([]);
    expect(days).toBe(366 + 365 + 365);
  });
});
