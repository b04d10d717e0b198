export {
  addDays,
  compareDates,
  dayOfWeek,
  InvalidCalendarDateError,
  isCalendarDate,
  isWeekend,
  shanghaiDateOf,
  shanghaiInstant,
  toCalendarDate,
  yearOf,
  type CalendarDate,
} from './calendar-date';
export { InvalidCalendarDataError, UncoveredYearError } from './calendar-errors';
export {
  FILING_NOTICE_WORKING_DAYS,
  WorkingDayCalendar,
  type WorkingDayCalendarChanges,
  type WorkingDayCalendarData,
} from './working-day-calendar';
export { officialCalendar } from './official-calendar';
export { calendarCoverage, NEXT_YEAR_NEEDED_FROM, type CalendarCoverage } from './calendar-coverage';
