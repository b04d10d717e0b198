import { canRevoke, readRevocationReason } from './revocation';

describe('readRevocationReason', () => {
  it.each([
    ['', { problem: 'required' }],
    ['   \n ', { problem: 'required' }],
    ['本人来电申请取消', { reason: '本人来电申请取消' }],
    ['  reported lost  ', { reason: 'reported lost' }],
    ['因'.repeat(500), { reason: '因'.repeat(500) }],
    ['因'.repeat(501), { problem: 'too-long' }],
  ])('%j → %j', (input, expected) => {
    expect(readRevocationReason(input)).toEqual(expected);
  });
});

describe('canRevoke', () => {
  it.each([
    ['issued', true],
    ['checked-in', false],
    ['no-show', false],
    ['revoked', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(canRevoke(status)).toBe(expected);
  });
});
