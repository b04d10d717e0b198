import { escapeText, fold, openDayCalendar, type CalendarOpenDay } from './ics';

const openDay: CalendarOpenDay = {
  id: 'od-1',
  title: '走进自来水厂',
  agency: '市水务局',
  assemblyPoint: '市民广场北门, 地铁1号线',
  description: '主题：安全供水\n09:00–09:20 参观',
  url: 'https://open.example.gov.cn/open-days/od-1',
  cancelled: false,
  sessions: [
    { sessionId: 's-am', date: '2026-11-29', startsAt: '09:00', endsAt: '11:30' },
    { sessionId: 's-pm', date: '2026-11-30', startsAt: '14:00', endsAt: '16:00' },
  ],
};
const NOW = new Date('2026-11-20T02:03:04.567Z');

function unfolded(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('openDayCalendar', () => {
  const ics = openDayCalendar(openDay, NOW);
  const lines = unfolded(ics);

  it('is a calendar with CRLF line ends and the Shanghai time zone', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('TZID:Asia/Shanghai');
    expect(lines).toContain('TZOFFSETTO:+0800');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one event per session in Shanghai wall-clock time, with a stable UID', () => {
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        'UID:s-am@openday',
        'DTSTART;TZID=Asia/Shanghai:20261129T090000',
        'DTEND;TZID=Asia/Shanghai:20261129T113000',
        'UID:s-pm@openday',
        'DTSTART;TZID=Asia/Shanghai:20261130T140000',
        'DTEND;TZID=Asia/Shanghai:20261130T160000',
        'DTSTAMP:20261120T020304Z',
        'STATUS:CONFIRMED',
      ]),
    );
  });

  it('escapes text', () => {
    expect(lines).toContain('LOCATION:市民广场北门\\, 地铁1号线');
    expect(lines).toContain('DESCRIPTION:市水务局\\n主题：安全供水\\n09:00–09:20 参观');
  });

  it('marks a cancelled open day', () => {
    expect(unfolded(openDayCalendar({ ...openDay, cancelled: true }, NOW))).toContain('STATUS:CANCELLED');
  });
});

describe('escapeText', () => {
  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['line 1\nline 2\r\nline 3', 'line 1\\nline 2\\nline 3'],
    ['开放日：参观', '开放日：参观'],
  ])('%j → %j', (text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});

describe('fold', () => {
  const octets = (text: string) => new TextEncoder().encode(text).length;

  it.each([
    ['short', 'SUMMARY:hello'],
    ['ASCII over 75', `DESCRIPTION:${'x'.repeat(200)}`],
    ['Chinese, 3 octets a character', `SUMMARY:${'开放日'.repeat(40)}`],
    ['mixed', `DESCRIPTION:${'ab开放'.repeat(50)}`],
  ])('%s: lines at most 75 octets, unfolding gives the line back', (_case, line) => {
    const folded = fold(line);
    for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
