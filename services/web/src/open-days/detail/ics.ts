/**
 * An iCalendar file (RFC 5545) for an open day: one VEVENT per session, in
 * Asia/Shanghai wall-clock time (with its VTIMEZONE, UTC+8 all year), so a phone's
 * calendar shows the time printed on the notice wherever the phone thinks it is.
 */
export interface CalendarSession {
  sessionId: string;
  /** 'YYYY-MM-DD', Asia/Shanghai. */
  date: string;
  /** 'HH:mm', Asia/Shanghai. */
  startsAt: string;
  endsAt: string;
}

export interface CalendarOpenDay {
  id: string;
  title: string;
  agency: string;
  assemblyPoint: string;
  /** What the description says: theme, agenda, notices, where to read more. */
  description: string;
  url: string;
  cancelled: boolean;
  sessions: CalendarSession[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

const SHANGHAI_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function openDayCalendar(openDay: CalendarOpenDay, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Open Day platform//Citizen portal//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...SHANGHAI_TIMEZONE,
    ...openDay.sessions.flatMap((session) => sessionEvent(openDay, session, now)),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

function sessionEvent(openDay: CalendarOpenDay, session: CalendarSession, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    // Stable per session, so downloading again updates the event instead of adding a second one.
    `UID:${session.sessionId}@openday`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=Asia/Shanghai:${localStamp(session.date, session.startsAt)}`,
    `DTEND;TZID=Asia/Shanghai:${localStamp(session.date, session.endsAt)}`,
    `SUMMARY:${escapeText(openDay.title)}`,
    `LOCATION:${escapeText(openDay.assemblyPoint)}`,
    `DESCRIPTION:${escapeText(`${openDay.agency}\n${openDay.description}`.trim())}`,
    `URL:${openDay.url}`,
    `STATUS:${openDay.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/** TEXT values: backslash, semicolon and comma are escaped, line breaks become \n (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Content lines longer than 75 octets (UTF-8) continue on lines starting with a space, never inside a character. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
