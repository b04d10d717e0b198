import { addDays, compareDates, isWeekend, yearOf, type CalendarDate } from './calendar-date';
import { InvalidCalendarDataError, UncoveredYearError } from './calendar-errors';
import { findDataProblems } from './calendar-data-problems';

/** The official schedule, as exceptions to "Monday to Friday are working days". */
export interface WorkingDayCalendarData {
  /** Days off that would otherwise be working days. One on a weekend changes nothing. */
  readonly holidays: readonly CalendarDate[];
  /** Weekend days worked to make up for a holiday (调休). */
  readonly adjustedWorkingDays: readonly CalendarDate[];
  /** Years whose official schedule is complete; dates in any other year are refused, not guessed. */
  readonly coveredYears: readonly number[];
}

/** What the city office adds or corrects; each list states what the day now is. */
export interface WorkingDayCalendarChanges {
  readonly holidays?: readonly CalendarDate[];
  readonly adjustedWorkingDays?: readonly CalendarDate[];
  /** Days listed by mistake that follow the plain weekday rule again. */
  readonly ordinaryDays?: readonly CalendarDate[];
  readonly coveredYears?: readonly number[];
}

/** Plans are filed with the city office no later than this many working days before the event. */
export const FILING_NOTICE_WORKING_DAYS = 5;

/** An applicant gets an answer within this many working days of the registration deadline. */
export const APPLICANT_ANSWER_WORKING_DAYS = 2;

/** A department answers an assigned opinion within this many working days, unless staff set a date. */
export const FEEDBACK_ANSWER_WORKING_DAYS = 15;

export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<CalendarDate>;
  private readonly adjustedWorkingDays: ReadonlySet<CalendarDate>;
  private readonly years: ReadonlySet<number>;

  constructor(data: WorkingDayCalendarData) {
    const problems = findDataProblems(data);
    if (problems.length > 0) throw new InvalidCalendarDataError(problems);
    this.holidays = new Set(data.holidays);
    this.adjustedWorkingDays = new Set(data.adjustedWorkingDays);
    this.years = new Set(data.coveredYears);
  }

  get coveredYears(): readonly number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isWorkingDay(date: CalendarDate): boolean {
    const year = yearOf(date);
    if (!this.years.has(year)) throw new UncoveredYearError(year);
    if (this.holidays.has(date)) return false;
    if (this.adjustedWorkingDays.has(date)) return true;
    return !isWeekend(date);
  }

  /** The n-th working day after `date` (before it when n is negative); `date` itself never counts. */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
    const step = Math.sign(n);
    let day = date;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      day = addDays(day, step);
      if (this.isWorkingDay(day)) remaining--;
    }
    return day;
  }

  /**
   * Working days passed walking from `from` to `to`, counting `to` but not `from`;
   * negative when `to` is earlier. The inverse of addWorkingDays.
   */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    const step = compareDates(to, from);
    let count = 0;
    for (let day = from; compareDates(day, to) !== 0; ) {
      day = addDays(day, step);
      if (this.isWorkingDay(day)) count++;
    }
    return step * count;
  }

  /**
   * The last date on which a plan for an event on `eventDate` is filed on time.
   *
   * domain.md: "count back 5 working days from the day before the event; filing on
   * that day or earlier is on time". The day before the event is the first of the
   * five when it is a working day, so the answer is the 5th working day before the
   * event: for Friday 2026-11-27 they are Thu 26, Wed 25, Tue 24, Mon 23 and
   * Fri 20 November, and a plan filed on Friday 20th is on time.
   */
  lastOnTimeFilingDate(eventDate: CalendarDate, workingDays = FILING_NOTICE_WORKING_DAYS): CalendarDate {
    return this.addWorkingDays(eventDate, -positiveWholeNumber(workingDays));
  }

  /** `filingDate` is the Shanghai date of the filing (see shanghaiDateOf). */
  isFiledOnTime(filingDate: CalendarDate, eventDate: CalendarDate, workingDays = FILING_NOTICE_WORKING_DAYS): boolean {
    return compareDates(filingDate, this.lastOnTimeFilingDate(eventDate, workingDays)) <= 0;
  }

  /**
   * The last day for an answer due "within n working days" of `closedOn`: an applicant's
   * result 2 working days after the registration deadline, a department's answer to
   * feedback 15 working days after it was assigned.
   */
  answerDueDate(closedOn: CalendarDate, workingDays: number): CalendarDate {
    return this.addWorkingDays(closedOn, positiveWholeNumber(workingDays));
  }

  /** A new calendar with the changes applied; this one is left as it was. */
  withDays({
    holidays = [],
    adjustedWorkingDays = [],
    ordinaryDays = [],
    coveredYears = [],
  }: WorkingDayCalendarChanges): WorkingDayCalendar {
    const problems = findDataProblems({ holidays, adjustedWorkingDays, ordinaryDays, coveredYears });
    if (problems.length > 0) throw new InvalidCalendarDataError(problems);

    const changed = new Set([...holidays, ...adjustedWorkingDays, ...ordinaryDays]);
    const unchanged = (date: CalendarDate) => !changed.has(date);
    return new WorkingDayCalendar({
      holidays: [...[...this.holidays].filter(unchanged), ...holidays],
      adjustedWorkingDays: [...[...this.adjustedWorkingDays].filter(unchanged), ...adjustedWorkingDays],
      coveredYears: [...this.years, ...coveredYears],
    });
  }

  /** The schedule in the constructor's shape, sorted, e.g. to store or show it. */
  toData(): WorkingDayCalendarData {
    return {
      holidays: [...this.holidays].sort(compareDates),
      adjustedWorkingDays: [...this.adjustedWorkingDays].sort(compareDates),
      coveredYears: this.coveredYears,
    };
  }
}

function positiveWholeNumber(workingDays: number): number {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`Working days must be a whole number of at least 1, got ${workingDays}`);
  }
  return workingDays;
}
