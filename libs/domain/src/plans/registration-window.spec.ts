import { registrationState, type RegistrationState, type RegistrationWindow } from './registration-window';

const opensAt = new Date('2026-11-20T01:00:00Z');
const closesAt = new Date('2026-11-26T08:00:00Z');
const WINDOW: RegistrationWindow = { opensAt, closesAt, cancelled: false };

describe('registrationState: the window is [opens, closes)', () => {
  it.each<[string, Partial<RegistrationWindow>, string, RegistrationState]>([
    ['a millisecond before it opens', {}, '2026-11-20T00:59:59.999Z', 'upcoming'],
    ['as it opens', {}, '2026-11-20T01:00:00Z', 'open'],
    ['a millisecond before it closes', {}, '2026-11-26T07:59:59.999Z', 'open'],
    ['as it closes', {}, '2026-11-26T08:00:00Z', 'closed'],
    ['cancelled while open', { cancelled: true }, '2026-11-22T00:00:00Z', 'cancelled'],
    ['cancelled, no window', { cancelled: true, opensAt: null, closesAt: null }, '2026-11-22T00:00:00Z', 'cancelled'],
    ['no opening', { opensAt: null }, '2026-11-22T00:00:00Z', 'none'],
    ['no deadline', { closesAt: null }, '2026-11-22T00:00:00Z', 'none'],
  ])('%s → %s', (_label, change, now, expected) => {
    expect(registrationState({ ...WINDOW, ...change }, new Date(now))).toBe(expected);
  });
});
