/**
 * Tests, the seed and the demo take their dates from the clock, so they may reach a year whose
 * official holiday schedule is not in the shipped data yet. They add it the way the city office
 * does (POST /api/v1/working-calendar/changes) with a provisional schedule: the fixed-date
 * public holidays that fall on weekdays. The lunar holidays and the adjusted working days come
 * with the State Council's notice, which a real city office enters instead.
 */
import { shanghaiDateOf, yearOf } from '@openday/domain';

const DAY_MS = 86_400_000;
const FIXED_DATE_HOLIDAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

export interface CalendarYearChange {
  coveredYears: number[];
  holidays: string[];
  adjustedWorkingDays: string[];
  ordinaryDays: string[];
  note: string;
}

/** The Asia/Shanghai years from `now` up to `daysAhead` days later, oldest first. */
export function calendarYearsAhead(now: Date, daysAhead: number): number[] {
  const yearAt = (days: number) => yearOf(shanghaiDateOf(new Date(now.getTime() + days * DAY_MS)));
  const years: number[] = [];
  for (let year = yearAt(0); year <= yearAt(daysAhead); year += 1) years.push(year);
  return years;
}

export function provisionalCalendarYear(year: number): CalendarYearChange {
  const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  return {
    coveredYears: [year],
    holidays: FIXED_DATE_HOLIDAYS.map((day) => `${year}-${day}`).filter(weekday),
    adjustedWorkingDays: [],
    ordinaryDays: [],
    note: `Provisional ${year} schedule (fixed-date holidays only) until the State Council's notice is entered`,
  };
}

/**
 * As the city office, adds each of `years` that the gateway's calendar lacks; answers the years
 * added. Vetting and feedback learn the change from scheduling's event a moment later.
 */
export async function addMissingCalendarYears(gatewayUrl: string, cityOfficeToken: string, years: number[]): Promise<number[]> {
  const current = await fetch(`${gatewayUrl}/api/v1/working-calendar`);
  if (!current.ok) throw new Error(`GET /api/v1/working-calendar answered ${current.status}`);
  const { coveredYears } = (await current.json()) as { coveredYears: number[] };
  const missing = years.filter((year) => !coveredYears.includes(year));
  for (const year of missing) {
    const res = await fetch(`${gatewayUrl}/api/v1/working-calendar/changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cityOfficeToken}` },
      body: JSON.stringify(provisionalCalendarYear(year)),
    });
    if (!res.ok) throw new Error(`adding ${year} to the working-day calendar answered ${res.status}: ${await res.text()}`);
  }
  return missing;
}
