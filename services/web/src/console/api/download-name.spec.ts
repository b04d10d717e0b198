import { downloadName } from './download-name';

describe('downloadName', () => {
  it.each([
    [null, 'roster.csv'],
    ['attachment', 'roster.csv'],
    ['attachment; filename="roster-2026-12-03-0900.csv"', 'roster-2026-12-03-0900.csv'],
    ['attachment; filename=roster.csv', 'roster.csv'],
    ["attachment; filename=\"x.csv\"; filename*=UTF-8''%E7%AD%BE%E5%88%B0.csv", '签到.csv'],
    ["attachment; filename*=UTF-8''%E0%A4%A", 'roster.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename=""', 'roster.csv'],
  ])('%s → %s', (header, expected) => {
    expect(downloadName(header, 'roster.csv')).toBe(expected);
  });
});
