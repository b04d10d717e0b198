import { shanghaiDate, shanghaiDateTime } from './format';

describe('Asia/Shanghai dates', () => {
  it.each([
    ['2026-11-28T16:00:00.000Z', '2026-11-29', '2026-11-29 00:00'],
    ['2026-11-28T15:59:00.000Z', '2026-11-28', '2026-11-28 23:59'],
    ['2026-11-26T08:00:00.000Z', '2026-11-26', '2026-11-26 16:00'],
  ])('%s', (iso, date, dateTime) => {
    expect(shanghaiDate(new Date(iso))).toBe(date);
    expect(shanghaiDateTime(iso)).toBe(dateTime);
  });
});
