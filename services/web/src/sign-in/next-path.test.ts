import { safeNextPath, secondsUntil } from './next-path';

describe('safeNextPath', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/open-days/1/apply', '/open-days/1/apply'],
    ['/me/applications?tab=all', '/me/applications?tab=all'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?next=/me', '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('secondsUntil', () => {
  it.each([
    [60_000, 0, 60],
    [60_000, 59_001, 1],
    [60_000, 60_000, 0],
    [60_000, 90_000, 0],
  ])('%d from %d → %d', (at, now, expected) => {
    expect(secondsUntil(at, now)).toBe(expected);
  });
});
