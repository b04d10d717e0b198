import { countdown, countdownTarget, placesStatus, registrationState } from './registration';

const window = {
  status: 'published' as const,
  registrationOpensAt: '2026-11-20T00:00:00Z',
  registrationClosesAt: '2026-11-26T08:00:00Z',
};
const at = (iso: string) => Date.parse(iso);

describe('registrationState', () => {
  it.each([
    ['before the window', window, '2026-11-19T23:59:59Z', 'upcoming'],
    ['at the opening', window, '2026-11-20T00:00:00Z', 'open'],
    ['inside', window, '2026-11-25T00:00:00Z', 'open'],
    ['at the deadline', window, '2026-11-26T08:00:00Z', 'closed'],
    ['after', window, '2026-12-01T00:00:00Z', 'closed'],
    ['cancelled wins', { ...window, status: 'cancelled' as const }, '2026-11-25T00:00:00Z', 'cancelled'],
    ['no window', { ...window, registrationOpensAt: null, registrationClosesAt: null }, '2026-11-25T00:00:00Z', 'none'],
  ])('%s → %s', (_case, openDay, now, expected) => {
    expect(registrationState(openDay, at(now))).toBe(expected);
  });
});

describe('countdownTarget', () => {
  it.each([
    ['2026-11-19T00:00:00Z', { kind: 'opens', at: at('2026-11-20T00:00:00Z') }],
    ['2026-11-21T00:00:00Z', { kind: 'closes', at: at('2026-11-26T08:00:00Z') }],
    ['2026-11-27T00:00:00Z', undefined],
  ])('at %s', (now, expected) => {
    expect(countdownTarget(window, at(now))).toEqual(expected);
  });
});

describe('countdown', () => {
  it.each([
    [90_061_000, { days: 1, hours: 1, minutes: 1, seconds: 1 }],
    [59_999, { days: 0, hours: 0, minutes: 0, seconds: 59 }],
    [0, { days: 0, hours: 0, minutes: 0, seconds: 0 }],
    [-5_000, { days: 0, hours: 0, minutes: 0, seconds: 0 }],
  ])('%d ms ahead', (ahead, expected) => {
    expect(countdown(1_000_000_000 + ahead, 1_000_000_000)).toEqual(expected);
  });
});

describe('placesStatus', () => {
  it.each([
    ['places left', { total: 20, left: 6, applied: 14, mode: 'lottery' }, 'available'],
    ['first come, none left', { total: 20, left: 0, applied: 20, mode: 'first-come' }, 'full'],
    ['lottery, more applied than places', { total: 20, left: 0, applied: 31, mode: 'lottery' }, 'oversubscribed'],
    ['selection group, as many applied as places', { total: 20, left: 0, applied: 20, mode: 'selection-group' }, 'oversubscribed'],
    ['no selection mode', { total: 20, left: null, applied: 3, mode: null }, 'unknown'],
  ] as const)('%s → %s', (_case, places, expected) => {
    expect(placesStatus(places)).toBe(expected);
  });
});
