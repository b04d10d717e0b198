import { isQuiet, parseQuietHours, reminderSendTime } from './quiet-hours';

const quiet = parseQuietHours('22:00-08:00');
const at = (local: string) => new Date(`${local}+08:00`);

describe('isQuiet (Asia/Shanghai)', () => {
  it.each([
    ['2026-11-28T21:59:00', false],
    ['2026-11-28T22:00:00', true],
    ['2026-11-29T03:00:00', true],
    ['2026-11-29T07:59:59', true],
    ['2026-11-29T08:00:00', false],
    ['2026-11-29T12:00:00', false],
  ])('%s is quiet: %p', (local, expected) => {
    expect(isQuiet(at(local), quiet)).toBe(expected);
  });

  it('handles a window that does not wrap midnight, and an empty one', () => {
    expect(isQuiet(at('2026-11-29T13:30:00'), parseQuietHours('13:00-14:00'))).toBe(true);
    expect(isQuiet(at('2026-11-29T14:00:00'), parseQuietHours('13:00-14:00'))).toBe(false);
    expect(isQuiet(at('2026-11-29T03:00:00'), parseQuietHours('00:00-00:00'))).toBe(false);
  });

  it('refuses a malformed window', () => {
    expect(() => parseQuietHours('22-8')).toThrow(/HH:mm-HH:mm/);
  });
});

describe('reminderSendTime', () => {
  it.each([
    // due, session start, now, expected send time (null = not sent)
    ['outside quiet hours: as due', '2026-11-28T18:00', '2026-11-29T09:00', '2026-11-27T10:00', '2026-11-28T18:00'],
    ['due at 07:00 before a 09:00 session: deferred to 08:00', '2026-11-29T07:00', '2026-11-29T09:00', '2026-11-27T10:00', '2026-11-29T08:00'],
    ['due at 23:30 before a 10:00 session: deferred to 08:00', '2026-11-28T23:30', '2026-11-29T10:00', '2026-11-27T10:00', '2026-11-29T08:00'],
    ['due at 06:00 before an 08:00 session: brought forward to 21:59 the evening before', '2026-11-29T06:00', '2026-11-29T08:00', '2026-11-27T10:00', '2026-11-28T21:59'],
    ['brought forward, but that is past: not sent', '2026-11-29T06:00', '2026-11-29T08:00', '2026-11-28T23:00', null],
    ['due in the past, now outside quiet hours: now', '2026-11-28T18:00', '2026-11-29T09:00', '2026-11-28T19:30', '2026-11-28T19:30'],
    ['due in the past, now in quiet hours: at their end', '2026-11-28T18:00', '2026-11-29T09:00', '2026-11-28T22:30', '2026-11-29T08:00'],
    ['the session has begun: not sent', '2026-11-29T07:00', '2026-11-29T09:00', '2026-11-29T09:00', null],
  ])('%s', (_label, due, starts, now, expected) => {
    const sent = reminderSendTime({ due: at(`${due}:00`), sessionStartsAt: at(`${starts}:00`), now: at(`${now}:00`), quiet });
    expect(sent?.toISOString() ?? null).toBe(expected === null ? null : at(`${expected}:00`).toISOString());
  });

  it('never answers a time inside the quiet hours', () => {
    const sessionStartsAt = at('2026-11-30T09:00:00');
    const now = at('2026-11-27T00:00:00');
    for (let minute = 0; minute < 3 * 24 * 60; minute += 7) {
      const due = new Date(now.getTime() + minute * 60_000);
      const sent = reminderSendTime({ due, sessionStartsAt, now, quiet });
      if (sent) expect(isQuiet(sent, quiet)).toBe(false);
      if (sent) expect(sent.getTime()).toBeLessThan(sessionStartsAt.getTime());
    }
  });
});
