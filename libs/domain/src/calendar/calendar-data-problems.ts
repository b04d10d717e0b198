import { isCalendarDate, isWeekend } from './calendar-date';

interface DayLists {
  readonly holidays: readonly string[];
  readonly adjustedWorkingDays: readonly string[];
  readonly ordinaryDays?: readonly string[];
  readonly coveredYears: readonly number[];
}

const LIST_LABELS = {
  holidays: 'a holiday',
  adjustedWorkingDays: 'an adjusted working day',
  ordinaryDays: 'an ordinary day',
} as const;

/**
 * Mistakes in a schedule or in changes to it. The data arrives from the city office
 * through the API and from storage, so the types alone do not vouch for it.
 */
export function findDataProblems(lists: DayLists): string[] {
  const problems: string[] = [];
  const listedAs = new Map<string, string>();
  for (const key of Object.keys(LIST_LABELS) as (keyof typeof LIST_LABELS)[]) {
    for (const date of new Set(lists[key] ?? [])) {
      if (!isCalendarDate(date)) {
        problems.push(`${JSON.stringify(date)} is not a calendar date (YYYY-MM-DD)`);
        continue;
      }
      const earlier = listedAs.get(date);
      if (earlier) problems.push(`${date} is listed both as ${earlier} and as ${LIST_LABELS[key]}`);
      listedAs.set(date, LIST_LABELS[key]);
      if (key === 'adjustedWorkingDays' && !isWeekend(date)) {
        problems.push(`${date} is listed as an adjusted working day but is not on a weekend`);
      }
    }
  }
  for (const year of lists.coveredYears) {
    if (!Number.isInteger(year)) problems.push(`${year} is not a year`);
  }
  return problems;
}
