/**
 * Applications flagged by the 2-working-day rule, as the city office reads them: the most
 * overdue first, each with the days since its answer was due.
 */
import type { components } from '../../api/schema';
import { daysUntil } from '../todo/todo-items';

export type Flagged = components['schemas']['FlaggedApplicationDto'];

export interface FlaggedRow {
  item: Flagged;
  /** The open day's title when a plan names it; its id otherwise. */
  openDay: string;
  /** Whole days since the answer was due (the due date itself counts as in time). */
  daysOverdue: number;
}

export function flaggedRows(items: readonly Flagged[], titles: ReadonlyMap<string, string>, today: string): FlaggedRow[] {
  return items
    .map((item) => ({ item, openDay: titles.get(item.openDayId) ?? item.openDayId, daysOverdue: Math.max(0, -daysUntil(item.answerDueDate, today)) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.openDay.localeCompare(b.openDay) || a.item.flaggedAt.localeCompare(b.item.flaggedAt));
}

/** The open days among the flagged applications, for the filter: each once, by title, with its count. */
export function flaggedOpenDays(rows: readonly FlaggedRow[]): Array<{ openDayId: string; openDay: string; count: number }> {
  const byDay = new Map<string, { openDayId: string; openDay: string; count: number }>();
  for (const row of rows) {
    const entry = byDay.get(row.item.openDayId) ?? { openDayId: row.item.openDayId, openDay: row.openDay, count: 0 };
    entry.count += 1;
    byDay.set(row.item.openDayId, entry);
  }
  return [...byDay.values()].sort((a, b) => a.openDay.localeCompare(b.openDay));
}
