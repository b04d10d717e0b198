export {
  addDays,
  compareDates,
  dayOfWeek,
  endOfShanghaiDay,
  InvalidCalendarDateError,
  isCalendarDate,
  isWeekend,
  shanghaiDateOf,
  shanghaiDateTime,
  shanghaiInstant,
  toCalendarDate,
  yearOf,
  type CalendarDate,
} from './calendar-date';
export { InvalidCalendarDataError, UncoveredYearError } from './calendar-errors';
export {
  APPLICANT_ANSWER_WORKING_DAYS,
  FEEDBACK_ANSWER_WORKING_DAYS,
  FILING_NOTICE_WORKING_DAYS,
  WorkingDayCalendar,
  type WorkingDayCalendarChanges,
  type WorkingDayCalendarData,
} from './working-day-calendar';
export { officialCalendar } from './official-calendar';
export { calendarCoverage, NEXT_YEAR_NEEDED_FROM, type CalendarCoverage } from './calendar-coverage';
