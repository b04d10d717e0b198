import type { Problem } from '../../api/problem';
import { refusalOf, refusalWords, type Refusal } from './refusal';

const problem = (type: string, status: number, detail?: string, extra: Partial<Problem> = {}): Problem => ({
  type: type.startsWith('about:') ? type : `https://openday.gov.cn/problems/${type}`,
  title: 'x',
  status,
  detail,
  ...extra,
});

describe('refusalOf: the gateway’s problem → the refusal said at the door', () => {
  it.each<[string, Problem, Refusal]>([
    ['wrong last 4', problem('real-name-check-failed', 422, 'idLast4 does not match …'), { kind: 'wrong-last-4' }],
    [
      'already checked in, with when',
      problem('already-checked-in', 409, 'This ticket was already checked in at 2026-11-29 09:12:05 (Asia/Shanghai); a ticket admits once.'),
      { kind: 'already-checked-in', at: '2026-11-29 09:12' },
    ],
    ['already checked in, time unknown', problem('already-checked-in', 409, 'This ticket was already checked in at earlier (Asia/Shanghai)'), { kind: 'already-checked-in' }],
    ['revoked', problem('ticket-revoked', 409, 'This ticket was revoked and admits no one.'), { kind: 'revoked' }],
    [
      'not today / outside the window',
      problem(
        'outside-check-in-window',
        422,
        'Check-in for this session is open from 2026-11-29 07:00 (2 hours before the start) until its end at 2026-11-29 11:30, Asia/Shanghai time.',
      ),
      { kind: 'not-now', opensAt: '2026-11-29 07:00', closesAt: '2026-11-29 11:30' },
    ],
    ['window without times', problem('outside-check-in-window', 422), { kind: 'not-now' }],
    ['unknown code or another agency', problem('about:blank', 404, 'No ticket with this check-in code …'), { kind: 'unknown-ticket' }],
    [
      'bad input',
      problem('about:blank', 400, 'bad', {
        errors: [
          { field: 'idLast4', rule: 'matches', message: 'm' },
          { field: 'idLast4', rule: 'length', message: 'm' },
        ],
      }),
      { kind: 'invalid-input', fields: ['idLast4'] },
    ],
    ['a server fault', problem('about:blank', 500), { kind: 'other' }],
    ['the network', { type: 'network', title: 'Network error', status: 0 }, { kind: 'other' }],
  ])('%s', (_name, input, expected) => {
    expect(refusalOf(input)).toEqual(expected);
  });
});

describe('refusalWords', () => {
  it.each<[Refusal, string | undefined, Record<string, string> | undefined]>([
    [{ kind: 'wrong-last-4' }, 'wrongLast4', {}],
    [{ kind: 'already-checked-in', at: '2026-11-29 09:12' }, 'alreadyCheckedInAt', { at: '2026-11-29 09:12' }],
    [{ kind: 'already-checked-in' }, 'alreadyCheckedIn', {}],
    [{ kind: 'revoked' }, 'revoked', {}],
    [{ kind: 'not-now', opensAt: 'a', closesAt: 'b' }, 'notNowWindow', { opensAt: 'a', closesAt: 'b' }],
    [{ kind: 'not-now' }, 'notNow', {}],
    [{ kind: 'unknown-ticket' }, 'unknownTicket', {}],
    [{ kind: 'invalid-input', fields: ['code'] }, 'invalidInput', {}],
    [{ kind: 'other' }, undefined, undefined],
  ])('%j → %s', (refusal, key, values) => {
    const words = refusalWords(refusal);
    expect(words?.key).toBe(key);
    expect(words?.values).toEqual(values);
  });
});
