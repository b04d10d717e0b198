import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 under a key of its own (never the encryption key): the same
 * input always gives the same 64 hex characters, so a unique index or a
 * look-up can work on it, but without the key nobody can test guesses
 * (an ID number has far too few possible values for a plain hash).
 * Hash normalised values (an ID with its check character in upper case).
 */
export class KeyedHasher {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new RangeError(`a hash key must be at least 32 bytes, not ${key.length}`);
  }

  hash(value: string): string {
    return createHmac('sha256', this.key).update(value, 'utf8').digest('hex');
  }

  matches(value: string, hash: string): boolean {
    const expected = Buffer.from(this.hash(value), 'hex');
    const given = Buffer.from(hash, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
