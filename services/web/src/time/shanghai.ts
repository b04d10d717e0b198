/**
 * Every date a citizen sees is in Asia/Shanghai, by the domain's one rule (a fixed UTC+8: China
 * keeps no daylight saving time), whatever the phone's own time zone or its time-zone data.
 */
import { shanghaiDateOf, shanghaiDateTime } from '@openday/domain/calendar';

/** 'YYYY-MM-DD' of an instant, in Asia/Shanghai. */
export function shanghaiDate(instant: Date | string | number = Date.now()): string {
  return shanghaiDateOf(new Date(instant));
}

/** 'HH:mm' of an instant, in Asia/Shanghai. */
export function shanghaiTime(instant: Date | string | number): string {
  return shanghaiDateTime(new Date(instant)).slice(11);
}

/** 'YYYY-MM' of an instant, in Asia/Shanghai. */
export function shanghaiMonth(instant: Date | string | number = Date.now()): string {
  return shanghaiDate(instant).slice(0, 7);
}

/** A calendar date for people: 2026年11月29日 周日 / Sun 29 Nov 2026. */
export function formatDate(date: string, language: string, options: { weekday?: boolean; year?: boolean } = {}): string {
  const { weekday = true, year = true } = options;
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'UTC',
    year: year ? 'numeric' : undefined,
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
    weekday: weekday ? 'short' : undefined,
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant for people, in Shanghai time: 2026年11月26日 16:00 / 26 Nov 2026, 16:00. */
export function formatDateTime(instant: string | Date, language: string): string {
  return `${formatDate(shanghaiDate(instant), language, { weekday: false })} ${shanghaiTime(instant)}`;
}

/** 2026年11月 / November 2026, for a month 'YYYY-MM'. */
export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** The month before or after 'YYYY-MM'. */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'zh-CN';
}
