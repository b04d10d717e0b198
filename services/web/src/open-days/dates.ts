import { formatDate } from '../time/shanghai';

/** One date, or the first and last of an open day over several days. */
export function dateRange(date: string, endDate: string, language: string): string {
  if (date === endDate) return formatDate(date, language);
  return `${formatDate(date, language)} – ${formatDate(endDate, language, { year: date.slice(0, 4) !== endDate.slice(0, 4) })}`;
}
