import { readCredential, readLast4 } from './credential';

const QR = 'OPENDAY-TICKET:1:b7e1c0d2-4f3a-4e5b-8c6d-1a2b3c4d5e6f:K7Q2M9XD';

describe('readCredential', () => {
  it.each([
    ['K7Q2M9XD', { credential: { code: 'K7Q2M9XD' } }],
    ['k7q2 m9xd', { credential: { code: 'K7Q2M9XD' } }],
    ['K7Q2-M9XD ', { credential: { code: 'K7Q2M9XD' } }],
    [QR, { credential: { qrPayload: QR } }],
    [`  ${QR}\n`, { credential: { qrPayload: QR } }],
    ['OPENDAY-TICKET:1:nonsense', { problem: 'not-our-qr' }],
    ['', { problem: 'empty' }],
    ['   ', { problem: 'empty' }],
    ['K7Q2M9X', { problem: 'code-length' }],
    ['K7Q2M9XDZ', { problem: 'code-length' }],
    ['K7Q2M9X!', { problem: 'code-length' }],
    ['K7Q2M9X0', { problem: 'code-lookalike' }],
    ['KIQ2M9XD', { problem: 'code-lookalike' }],
  ])('%j → %j', (input, expected) => {
    expect(readCredential(input)).toEqual(expected);
  });
});

describe('readLast4', () => {
  it.each([
    ['002X', { idLast4: '002X' }],
    ['002x', { idLast4: '002X' }],
    [' 1234 ', { idLast4: '1234' }],
    ['', { problem: 'empty' }],
    ['12X4', { problem: 'shape' }],
    ['123', { problem: 'shape' }],
    ['12345', { problem: 'shape' }],
  ])('%j → %j', (input, expected) => {
    expect(readLast4(input)).toEqual(expected);
  });
});
