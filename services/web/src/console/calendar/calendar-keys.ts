import type { QueryClient } from '@tanstack/react-query';

export const CALENDAR_KEY = ['console', 'working-calendar'] as const;
/** The to-do list reads the coverage under the same key: a year added leaves it at once. */
export const COVERAGE_KEY = ['console', 'calendar-coverage'] as const;

/** After a change the calendar and what is missing are read again. */
export async function calendarChanged(client: QueryClient): Promise<void> {
  await Promise.all([client.invalidateQueries({ queryKey: CALENDAR_KEY }), client.invalidateQueries({ queryKey: COVERAGE_KEY })]);
}
