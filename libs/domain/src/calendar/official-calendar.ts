import { OFFICIAL_CALENDAR_DATA } from './official-calendar-data';
import { WorkingDayCalendar } from './working-day-calendar';

/** The State Council's schedule for the years the platform ships with; the city office adds later years. */
export function officialCalendar(): WorkingDayCalendar {
  return new WorkingDayCalendar(OFFICIAL_CALENDAR_DATA);
}
