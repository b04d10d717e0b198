import { calendarRefusals, dayCorrection, datesOf, newYearChange, noticeNote, NOTE_MAX, type NoticeLine } from './calendar-changes';
import { dayKind } from './year-at-a-glance';

const line = (name: string, kind: NoticeLine['kind'], from: string, to = ''): NoticeLine => ({ name, kind, from, to });

describe('datesOf', () => {
  it.each([
    ['2028-01-01', '', ['2028-01-01']],
    ['2028-01-01', '2028-01-01', ['2028-01-01']],
    ['2028-02-28', '2028-03-01', ['2028-02-28', '2028-02-29', '2028-03-01']],
  ])('%s–%s', (from, to, dates) => {
    expect(datesOf(from, to)).toEqual(dates);
  });
});

describe('newYearChange', () => {
  const covered = [2026, 2027];

  it('lists every day of each break and each adjusted working day, with the notice as the note', () => {
    const outcome = newYearChange(
      {
        year: 2028,
        basis: '国务院办公厅关于2028年部分节假日安排的通知',
        lines: [line('元旦', 'holiday', '2028-01-01', '2028-01-03'), line('春节调休上班', 'adjusted', '2028-01-29'), line('劳动节', 'holiday', '2028-05-01')],
      },
      covered,
    );
    expect(outcome).toEqual({
      ok: true,
      holidays: ['2028-01-01', '2028-01-02', '2028-01-03', '2028-05-01'],
      adjustedWorkingDays: ['2028-01-29'],
      body: {
        coveredYears: [2028],
        holidays: ['2028-01-01', '2028-01-02', '2028-01-03', '2028-05-01'],
        adjustedWorkingDays: ['2028-01-29'],
        note: '国务院办公厅关于2028年部分节假日安排的通知｜元旦 01-01至01-03；春节调休上班 01-29；劳动节 05-01',
      },
    });
  });

  it('lets two breaks overlap (Mid-Autumn inside National Day)', () => {
    const outcome = newYearChange({ year: 2028, basis: '', lines: [line('中秋节', 'holiday', '2028-10-03'), line('国庆节', 'holiday', '2028-10-01', '2028-10-07')] }, covered);
    expect(outcome.ok && outcome.holidays.length).toBe(7);
  });

  it.each([
    ['no year', null, [line('元旦', 'holiday', '2028-01-01')], 'year-invalid'],
    ['a year out of range', 1999, [line('元旦', 'holiday', '1999-01-01')], 'year-invalid'],
    ['a year already there', 2027, [line('元旦', 'holiday', '2027-01-01')], 'year-covered'],
    ['no lines', 2028, [], 'no-lines'],
  ])('refuses %s', (_name, year, lines, problem) => {
    expect(newYearChange({ year, basis: '', lines }, covered)).toEqual({ ok: false, year: problem, lines: [] });
  });

  it.each([
    ['a line without a name', line(' ', 'holiday', '2028-01-01'), 'name-required', undefined],
    ['a name too long', line('很'.repeat(21), 'holiday', '2028-01-01'), 'name-too-long', undefined],
    ['a line without its date', line('春节', 'holiday', ''), 'from-required', undefined],
    ['an impossible date', line('春节', 'holiday', '2028-02-30'), 'not-a-date', undefined],
    ['a date of another year', line('元旦', 'holiday', '2029-01-01'), 'other-year', undefined],
    ['an end before the start', line('春节', 'holiday', '2028-01-28', '2028-01-26'), 'to-before-from', undefined],
    ['a break of more than a month', line('春节', 'holiday', '2028-01-01', '2028-03-01'), 'too-long', undefined],
    ['an adjusted working day on a weekday', line('春节调休上班', 'adjusted', '2028-01-28', '2028-01-29'), 'not-weekend', '2028-01-28'],
  ])('names the line with %s', (_name, bad, problem, date) => {
    const outcome = newYearChange({ year: 2028, basis: '', lines: [line('元旦', 'holiday', '2028-01-01'), bad] }, covered);
    expect(outcome).toEqual({ ok: false, lines: [{ index: 1, problem, ...(date ? { date } : {}) }] });
  });

  it('refuses a day both off and worked', () => {
    const outcome = newYearChange({ year: 2028, basis: '', lines: [line('春节', 'holiday', '2028-01-26', '2028-02-01'), line('春节调休上班', 'adjusted', '2028-01-29')] }, covered);
    expect(outcome).toEqual({ ok: false, lines: [{ index: 1, problem: 'listed-twice', date: '2028-01-29' }] });
  });
});

describe('noticeNote', () => {
  it('keeps to the API’s length', () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(`节日${i}`, 'holiday', '2028-01-01', '2028-01-02'));
    const note = noticeNote('通知', lines);
    expect(note.length).toBe(NOTE_MAX);
    expect(note.endsWith('…')).toBe(true);
  });

  it('is the names alone without a notice', () => {
    expect(noticeNote('', [line('元旦', 'holiday', '2028-01-01', '2028-01-01')])).toBe('元旦 01-01');
  });
});

describe('dayCorrection', () => {
  const holidays = new Set(['2026-10-01']);
  const adjusted = new Set(['2026-10-10']);
  const current = (date: string) => dayKind(date, holidays, adjusted);
  const covered = [2026];

  it.each([
    ['a weekday made a holiday', { date: '2026-10-09', kind: 'holiday', reason: ' 补充通知 ' }, { ok: true, body: { holidays: ['2026-10-09'], note: '补充通知' }, after: 'holiday' }],
    ['a Sunday made a working day', { date: '2026-10-11', kind: 'adjusted', reason: '调休' }, { ok: true, body: { adjustedWorkingDays: ['2026-10-11'], note: '调休' }, after: 'adjusted' }],
    ['a holiday listed by mistake made ordinary', { date: '2026-10-01', kind: 'ordinary', reason: '误录' }, { ok: true, body: { ordinaryDays: ['2026-10-01'], note: '误录' }, after: 'working' }],
    ['an adjusted day made ordinary', { date: '2026-10-10', kind: 'ordinary', reason: '误录' }, { ok: true, body: { ordinaryDays: ['2026-10-10'], note: '误录' }, after: 'weekend' }],
    ['no date', { date: '', kind: 'holiday', reason: 'x' }, { ok: false, field: 'date', problem: 'date-required' }],
    ['an impossible date', { date: '2026-02-30', kind: 'holiday', reason: 'x' }, { ok: false, field: 'date', problem: 'not-a-date' }],
    ['a year not entered', { date: '2029-01-02', kind: 'holiday', reason: 'x' }, { ok: false, field: 'date', problem: 'year-not-covered' }],
    ['no choice made', { date: '2026-10-09', kind: null, reason: 'x' }, { ok: false, field: 'kind', problem: 'kind-required' }],
    ['a weekday worked as if a weekend', { date: '2026-10-09', kind: 'adjusted', reason: 'x' }, { ok: false, field: 'kind', problem: 'not-weekend' }],
    ['nothing changed (a holiday again)', { date: '2026-10-01', kind: 'holiday', reason: 'x' }, { ok: false, field: 'kind', problem: 'unchanged' }],
    ['nothing changed (an ordinary weekday)', { date: '2026-10-09', kind: 'ordinary', reason: 'x' }, { ok: false, field: 'kind', problem: 'unchanged' }],
    ['no reason', { date: '2026-10-09', kind: 'holiday', reason: '  ' }, { ok: false, field: 'reason', problem: 'reason-required' }],
    ['a reason too long', { date: '2026-10-09', kind: 'holiday', reason: 'x'.repeat(NOTE_MAX + 1) }, { ok: false, field: 'reason', problem: 'reason-too-long' }],
  ] as const)('%s', (_name, input, expected) => {
    expect(dayCorrection(input, covered, current)).toEqual(expected);
  });
});

describe('calendarRefusals', () => {
  const sent = { holidays: ['2029-01-01', '2028-01-29'], adjustedWorkingDays: ['2028-01-29', '2028-01-27'] };
  it.each([
    [{ field: 'holidays[0]', rule: 'coveredYear', message: '2029-01-01 is in 2029…' }, { key: 'uncovered-year', date: '2029-01-01' }],
    [{ field: 'adjustedWorkingDays[0]', rule: 'calendarData', message: '2028-01-29 is listed both as a holiday and as an adjusted working day' }, { key: 'listed-twice', date: '2028-01-29' }],
    [{ field: 'adjustedWorkingDays[1]', rule: 'calendarData', message: '2028-01-27 is listed as an adjusted working day but is not on a weekend' }, { key: 'not-weekend', date: '2028-01-27' }],
    [{ field: 'holidays', rule: 'isDateString', message: 'each of holidays must be a calendar date as YYYY-MM-DD' }, { key: 'not-a-date', date: undefined }],
    [{ field: 'change', rule: 'notEmpty', message: 'a change lists at least one year or day' }, { key: 'empty', date: undefined }],
    [{ field: 'note', rule: 'isLength', message: 'note must be shorter' }, { key: 'other', date: undefined }],
  ])('%j', (error, expected) => {
    expect(calendarRefusals({ errors: [error] }, sent)).toEqual([{ ...expected, message: error.message }]);
  });

  it('is empty without field errors', () => {
    expect(calendarRefusals({}, sent)).toEqual([]);
  });
});
