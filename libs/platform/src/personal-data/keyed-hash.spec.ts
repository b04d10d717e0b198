import { randomBytes } from 'node:crypto';
import { KeyedHasher } from './keyed-hash';

describe('KeyedHasher', () => {
  const key = randomBytes(32);
  const hasher = new KeyedHasher(key);

  it('is stable: the same value under the same key gives the same 64 hex characters', () => {
    const first = hasher.hash('11010519491231002X');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(new KeyedHasher(Buffer.from(key)).hash('11010519491231002X')).toBe(first);
  });

  it('depends on the key', () => {
    expect(new KeyedHasher(randomBytes(32)).hash('11010519491231002X')).not.toBe(hasher.hash('11010519491231002X'));
  });

  it('tells values apart, including case (normalise first)', () => {
    expect(hasher.hash('11010519491231002X')).not.toBe(hasher.hash('11010519491231002x'));
    expect(hasher.hash('110105194912310021')).not.toBe(hasher.hash('11010519491231002X'));
  });

  it('is not a plain SHA-256 of the value', () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    expect(hasher.hash('13812345678')).not.toBe(createHash('sha256').update('13812345678').digest('hex'));
  });

  it('matches in constant time', () => {
    expect(hasher.matches('13812345678', hasher.hash('13812345678'))).toBe(true);
    expect(hasher.matches('13812345679', hasher.hash('13812345678'))).toBe(false);
    expect(hasher.matches('13812345678', 'abc')).toBe(false);
  });

  it('refuses a short key', () => {
    expect(() => new KeyedHasher(randomBytes(16))).toThrow(/at least 32 bytes/);
  });
});
