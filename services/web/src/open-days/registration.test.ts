import { countdown, countdownTarget, placesOf, registrationState } from './registration';
import type { PublicSession } from './views';

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

describe('placesOf', () => {
  const session = (capacity: number, placesLeft?: number | null): PublicSession => ({
    sessionId: 's',
    date: '2026-11-29',
    startsAt: '09:00',
    endsAt: '11:00',
    capacity,
    agenda: [],
    placesLeft,
  });
  it.each([
    ['capacity only', { sessions: [session(10), session(20)] }, { total: 30, left: undefined, applied: undefined }],
    ['the open day says', { sessions: [session(10)], placesLeft: 3, applied: 12 }, { total: 10, left: 3, applied: 12 }],
    ['every session says', { sessions: [session(10, 2), session(20, 0)] }, { total: 30, left: 2, applied: undefined }],
    ['one session does not say', { sessions: [session(10, 2), session(20)] }, { total: 30, left: undefined, applied: undefined }],
  ])('%s', (_case, openDay, expected) => {
    expect(placesOf(openDay)).toEqual(expected);
  });
});
