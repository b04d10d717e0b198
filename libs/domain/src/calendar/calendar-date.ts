/**
 * A calendar date in Asia/Shanghai, written 'YYYY-MM-DD'.
 *
 * Dates stay strings so they compare, store and serialise as people read them.
 * Arithmetic goes through UTC-midnight Dates, never local-time ones, so the
 * server's own time zone can never shift a date by one.
 */
export type CalendarDate = `${number}-${number}-${number}`;

export class InvalidCalendarDateError extends Error {
  constructor(readonly value: unknown) {
    super(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;
// China has kept UTC+8 all year round since 1991 (no daylight saving), so a fixed
// offset is exact for every date the platform handles, and it does not depend on
// the time-zone database of the runtime (slim container images may lack full ICU).
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** True for a real date in 'YYYY-MM-DD' form: 2026-02-29 and 2026-1-5 are not. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return toDateString(utcMidnight(year, month, day)) === value;
}

/** Accepts a date from outside (a request, a database row) or throws InvalidCalendarDateError. */
export function toCalendarDate(value: unknown): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidCalendarDateError(value);
  return value;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`);
  return toDateString(utcMillisOf(date) + days * DAY_MS);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`; usable with Array#sort. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return Math.sign(utcMillisOf(a) - utcMillisOf(b));
}

/** 0 for Sunday to 6 for Saturday, as Date#getDay counts. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(utcMillisOf(date)).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: CalendarDate): number {
  return new Date(utcMillisOf(date)).getUTCFullYear();
}

/** The date a person in China sees on the calendar at `instant`. */
export function shanghaiDateOf(instant: Date): CalendarDate {
  const millis = instant.getTime();
  if (Number.isNaN(millis)) throw new RangeError('Invalid Date');
  return toDateString(millis + SHANGHAI_OFFSET_MS);
}

/** The instant of a wall-clock time in China, e.g. a deadline of '16:00' on 2026-11-26. */
export function shanghaiInstant(date: CalendarDate, timeOfDay: string): Date {
  const match = TIME_OF_DAY_SHAPE.exec(timeOfDay);
  if (!match) throw new RangeError(`Time of day must be HH:mm from 00:00 to 23:59, got ${JSON.stringify(timeOfDay)}`);
  const [hours, minutes] = match.slice(1).map(Number);
  return new Date(utcMillisOf(date) + hours * 3_600_000 + minutes * 60_000 - SHANGHAI_OFFSET_MS);
}

/**
 * An instant as a person in China reads it: `2026-11-26 16:00`, or `2026-11-26 16:00:05` to the
 * second. China keeps no daylight saving time, so UTC+8 always holds.
 */
export function shanghaiDateTime(instant: Date, precision: 'minute' | 'second' = 'minute'): string {
  const millis = instant.getTime();
  if (Number.isNaN(millis)) throw new RangeError('Invalid Date');
  return new Date(millis + SHANGHAI_OFFSET_MS).toISOString().slice(0, precision === 'minute' ? 16 : 19).replace('T', ' ');
}

/** The first instant after a Shanghai date: something due by the end of that date is late from here. */
export function endOfShanghaiDay(date: CalendarDate): Date {
  return shanghaiInstant(addDays(date, 1), '00:00');
}

function utcMillisOf(date: CalendarDate): number {
  const [year, month, day] = toCalendarDate(date).split('-').map(Number);
  return utcMidnight(year, month, day);
}

function utcMidnight(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function toDateString(utcMillis: number): CalendarDate {
  return new Date(utcMillis).toISOString().slice(0, 10) as CalendarDate;
}
