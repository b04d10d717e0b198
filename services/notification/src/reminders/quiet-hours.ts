import { minutesOf, shanghaiDateTime } from '@openday/domain';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** The quiet window as minutes after local midnight; it may wrap past midnight (22:00-08:00). */
export interface QuietHours {
  start: number;
  end: number;
}

export function parseQuietHours(text: string): QuietHours {
  const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(text);
  if (!match) throw new RangeError(`quiet hours must be HH:mm-HH:mm, got ${JSON.stringify(text)}`);
  const [h1, m1, h2, m2] = match.slice(1).map(Number);
  return { start: h1 * 60 + m1, end: h2 * 60 + m2 };
}

/** Minutes after midnight on the Asia/Shanghai clock. */
function localMinuteOf(instant: Date): number {
  return minutesOf(shanghaiDateTime(instant).slice(11))!;
}

export function isQuiet(instant: Date, quiet: QuietHours): boolean {
  const minute = localMinuteOf(instant);
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
}

/** Minutes from `instant` (within the quiet window) forward to the window's end, and back to its start. */
function distances(instant: Date, quiet: QuietHours): { toEnd: number; sinceStart: number } {
  const minute = localMinuteOf(instant);
  return {
    toEnd: (quiet.end - minute + DAY_MINUTES) % DAY_MINUTES,
    sinceStart: (minute - quiet.start + DAY_MINUTES) % DAY_MINUTES,
  };
}

function floorToMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS);
}

export interface ReminderTiming {
  /** When the reminder was meant to go out. */
  due: Date;
  sessionStartsAt: Date;
  now: Date;
  quiet: QuietHours;
}

/**
 * When a reminder may actually be sent, or null when it should not be sent at all. Never in
 * the quiet hours (Asia/Shanghai): a reminder that falls due in them is deferred to their
 * end; if that is not before the session starts, it is brought forward to the last minute
 * before they began (if that is still to come); otherwise it is dropped. A reminder due in
 * the past goes out now, unless the session has begun. Pure.
 */
export function reminderSendTime({ due, sessionStartsAt, now, quiet }: ReminderTiming): Date | null {
  const at = due.getTime() > now.getTime() ? due : now;
  if (at.getTime() >= sessionStartsAt.getTime()) return null;
  if (!isQuiet(at, quiet)) return at;
  const { toEnd, sinceStart } = distances(at, quiet);
  const end = new Date(floorToMinute(at).getTime() + toEnd * MINUTE_MS);
  if (end.getTime() < sessionStartsAt.getTime()) return end;
  const lastMinuteBefore = new Date(floorToMinute(at).getTime() - (sinceStart + 1) * MINUTE_MS);
  return lastMinuteBefore.getTime() >= now.getTime() ? lastMinuteBefore : null;
}
