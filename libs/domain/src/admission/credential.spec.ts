import { CHECK_IN_CODE_ALPHABET, parseCheckInCode, parseQrPayload, qrPayloadOf } from './credential';

const TICKET_ID = '3f2b8c1e-7d4a-4e9b-8c2d-1a5f6e7b8c9d';

describe('check-in codes', () => {
  it('use 32 characters without 0, O, 1 or I', () => {
    expect(CHECK_IN_CODE_ALPHABET).toHaveLength(32);
    expect(CHECK_IN_CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it.each<[string, ReturnType<typeof parseCheckInCode>]>([
    ['K7Q2M9XD', { ok: true, code: 'K7Q2M9XD' }],
    [' k7q2-m9xd ', { ok: true, code: 'K7Q2M9XD' }],
    ['K7Q2 M9XD', { ok: true, code: 'K7Q2M9XD' }],
    ['K7Q2M9X', { ok: false, problem: 'code-length' }],
    ['K7Q2M9XDE', { ok: false, problem: 'code-length' }],
    ['K7Q2M9X!', { ok: false, problem: 'code-length' }],
    ['K7Q2M9X0', { ok: false, problem: 'code-lookalike' }],
    ['K7Q2M9XI', { ok: false, problem: 'code-lookalike' }],
  ])('%p → %p', (text, expected) => {
    expect(parseCheckInCode(text)).toEqual(expected);
  });
});

describe('the QR payload', () => {
  it('carries the ticket id and code, and reads back', () => {
    const payload = qrPayloadOf(TICKET_ID, 'K7Q2M9XD');
    expect(payload).toBe(`OPENDAY-TICKET:1:${TICKET_ID}:K7Q2M9XD`);
    expect(parseQrPayload(payload)).toEqual({ ticketId: TICKET_ID, checkInCode: 'K7Q2M9XD' });
  });

  it.each<[string, ReturnType<typeof parseQrPayload>]>([
    [`  openday-ticket:1:${TICKET_ID.toUpperCase()}:k7q2m9xd `, { ticketId: TICKET_ID, checkInCode: 'K7Q2M9XD' }],
    [`OPENDAY-TICKET:2:${TICKET_ID}:K7Q2M9XD`, undefined],
    [`OPENDAY-TICKET:1:not-a-uuid:K7Q2M9XD`, undefined],
    [`OPENDAY-TICKET:1:${'-'.repeat(36)}:K7Q2M9XD`, undefined],
    [`OPENDAY-TICKET:1:${TICKET_ID}:K7Q2M9X`, undefined],
    [`OPENDAY-TICKET:1:${TICKET_ID}:K7Q2M9XD:extra`, undefined],
    ['K7Q2M9XD', undefined],
    ['', undefined],
  ])('%p → %p', (payload, expected) => {
    expect(parseQrPayload(payload)).toEqual(expected);
  });
});
