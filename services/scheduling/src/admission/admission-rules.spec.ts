import { CheckInInput, CHECK_IN_CODE_PATTERN } from '@openday/contracts';
import { createValidationPipe, ProblemException } from '@openday/platform';
import { CHECK_IN_CODE_ALPHABET, qrPayloadOf } from '@openday/domain';
import { AdmissionProblemTypes, checkInWindow, decideCheckIn, lastFourMatch, newCheckInCode, type CheckInCandidate } from './admission-rules';

const TICKET_ID = 'b7e1c0d2-4f3a-4e5b-8c6d-1a2b3c4d5e6f';
const session = { date: '2026-11-29', startsAt: '09:00', endsAt: '11:30' };
const at = (local: string) => new Date(`${local}+08:00`);

describe('check-in codes', () => {
  it('are 8 characters of [0-9A-Z] without the look-alikes 0, O, 1 and I', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = newCheckInCode();
      expect(code).toMatch(CHECK_IN_CODE_PATTERN);
      expect(code).not.toMatch(/[01IO]/);
    }
  });

  it.each([
    [() => 0, '22222222'],
    [(max: number) => max - 1, 'ZZZZZZZZ'],
  ])('take each character from the alphabet by the random pick (%#)', (pick, expected) => {
    expect(newCheckInCode(pick)).toBe(expected);
    expect(CHECK_IN_CODE_ALPHABET).toHaveLength(32);
  });
});

describe('the real-name check', () => {
  it.each([
    ['110105********002X', '002X', true],
    ['110105********002X', '002x', true],
    ['110105********0021', '0021', true],
    ['110105********0021', '0012', false],
    ['110105********002X', '0020', false],
  ])('%s with %s → %s', (masked, last4, expected) => {
    expect(lastFourMatch(masked, last4)).toBe(expected);
  });
});

describe('the check-in window (Asia/Shanghai)', () => {
  it('opens 2 hours before the start and closes at the end', () => {
    expect(checkInWindow(session)).toEqual({ opensAt: at('2026-11-29T07:00:00'), closesAt: at('2026-11-29T11:30:00') });
  });
});

describe('deciding a check-in', () => {
  const issued: CheckInCandidate = { status: 'issued', checkedInAt: null, maskedIdNumber: '110105********002X', session };

  it.each<[string, Partial<CheckInCandidate>, string, string, true | { status: number; type: string; detail: RegExp }]>([
    ['inside the window with the right last 4', {}, '002x', '2026-11-29T08:40:00', true],
    ['at the very opening', {}, '002X', '2026-11-29T07:00:00', true],
    ['one minute before the end', {}, '002X', '2026-11-29T11:29:00', true],
    ['with the wrong last 4', {}, '0021', '2026-11-29T08:40:00', { status: 422, type: AdmissionProblemTypes.realNameMismatch, detail: /idLast4/ }],
    [
      'a second time',
      { status: 'checked-in', checkedInAt: at('2026-11-29T08:41:07') },
      '002X',
      '2026-11-29T08:50:00',
      { status: 409, type: AdmissionProblemTypes.alreadyCheckedIn, detail: /2026-11-29 08:41:07/ },
    ],
    ['a revoked ticket', { status: 'revoked' }, '002X', '2026-11-29T08:40:00', { status: 409, type: AdmissionProblemTypes.ticketRevoked, detail: /revoked/ }],
    [
      'too early',
      {},
      '002X',
      '2026-11-29T06:59:00',
      { status: 422, type: AdmissionProblemTypes.outsideCheckInWindow, detail: /from 2026-11-29 07:00 .* until its end at 2026-11-29 11:30, Asia\/Shanghai/ },
    ],
    ['at the end', {}, '002X', '2026-11-29T11:30:00', { status: 422, type: AdmissionProblemTypes.outsideCheckInWindow, detail: /Asia\/Shanghai/ }],
    ['after being recorded a no-show', { status: 'no-show' }, '002X', '2026-11-29T11:20:00', { status: 422, type: AdmissionProblemTypes.outsideCheckInWindow, detail: /until its end/ }],
    ['revoked, even with the wrong last 4', { status: 'revoked' }, '9999', '2026-11-29T08:40:00', { status: 409, type: AdmissionProblemTypes.ticketRevoked, detail: /revoked/ }],
  ])('%s', (_case, ticket, last4, now, expected) => {
    const decision = decideCheckIn({ ...issued, ...ticket }, last4, at(now));
    if (expected === true) {
      expect(decision).toEqual({ allowed: true });
    } else {
      expect(decision).toMatchObject({ allowed: false, status: expected.status, type: expected.type });
      expect(decision.allowed === false && decision.detail).toMatch(expected.detail);
    }
  });
});

describe('the check-in body', () => {
  const pipe = createValidationPipe();
  async function errorsOf(body: unknown): Promise<string[]> {
    try {
      await pipe.transform(body, { type: 'body', metatype: CheckInInput });
    } catch (err) {
      if (!(err instanceof ProblemException)) throw err;
      return (err.problem.errors ?? []).map((e) => `${e.field}/${e.rule}`).sort();
    }
    return [];
  }

  it.each<[unknown, string[]]>([
    [{ code: 'k7q2m9xd', idLast4: '002x' }, []],
    [{ qrPayload: qrPayloadOf(TICKET_ID, 'K7Q2M9XD'), idLast4: '0021' }, []],
    [{ idLast4: '002X' }, ['code/isString', 'code/matches', 'qrPayload/isLength', 'qrPayload/isString']],
    [{ code: 'K7Q2M9X', idLast4: '002X' }, ['code/matches']],
    [{ code: 'K7Q2M9XD' }, ['idLast4/isString', 'idLast4/matches']],
    [{ code: 'K7Q2M9XD', idLast4: '02X1' }, ['idLast4/matches']],
    [{ qrPayload: '', idLast4: '0021' }, ['qrPayload/isLength']],
    [{}, ['code/isString', 'code/matches', 'idLast4/isString', 'idLast4/matches', 'qrPayload/isLength', 'qrPayload/isString']],
  ])('%j → %j', async (body, expected) => {
    expect(await errorsOf(body)).toEqual(expected);
  });
});
