import { randomBytes } from 'node:crypto';
import { decodeKey, FieldCipher, PersonalDataDecryptionError } from './field-cipher';

const key = randomBytes(32);
const cipher = FieldCipher.withKey(key);
const ID = '11010519491231002X';

function flip(stored: string, part: number): string {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('FieldCipher', () => {
  it.each([ID, '13812345678', '', '张小三 · 欧阳娜娜', 'x'.repeat(5000)])('round-trips %p', (plaintext) => {
    expect(cipher.decrypt(cipher.encrypt(plaintext))).toBe(plaintext);
  });

  it('stores v1:<iv>:<tag>:<ciphertext> in base64url, without the plaintext', () => {
    const stored = cipher.encrypt(ID);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain(Buffer.from(ID).toString('base64url'));
    expect(FieldCipher.keyVersionOf(stored)).toBe(1);
  });

  it('uses a different IV, so a different value, every time', () => {
    const stored = Array.from({ length: 200 }, () => cipher.encrypt(ID));
    expect(new Set(stored).size).toBe(200);
    expect(new Set(stored.map((s) => s.split(':')[1])).size).toBe(200);
  });

  it('draws distinct IVs across refills of its random pool, and every value decrypts', () => {
    // 2,000 values take 24,000 bytes of IV: the 6,144-byte pool is replaced three times.
    const stored = Array.from({ length: 2000 }, (_, i) => cipher.encrypt(`${ID}-${i}`));
    expect(new Set(stored.map((s) => s.split(':')[1])).size).toBe(2000);
    stored.forEach((s, i) => expect(cipher.decrypt(s)).toBe(`${ID}-${i}`));
  });

  it.each([
    ['the IV', 1],
    ['the tag', 2],
    ['the ciphertext', 3],
  ])('detects tampering with %s', (_label, part) => {
    const tampered = flip(cipher.encrypt(ID), part);
    expect(() => cipher.decrypt(tampered)).toThrow(PersonalDataDecryptionError);
  });

  it.each([
    ['truncated', (s: string) => s.slice(0, -2)],
    ['not the format', () => ID],
    ['another key version', (s: string) => s.replace(/^v1:/, 'v2:')],
    ['empty', () => ''],
  ])('refuses a value that is %s, without quoting it', (_label, change) => {
    const stored = change(cipher.encrypt(ID));
    expect(() => cipher.decrypt(stored)).toThrow(PersonalDataDecryptionError);
    try {
      cipher.decrypt(stored);
    } catch (err) {
      expect((err as Error).message).not.toContain(ID);
    }
  });

  it('reads a value stored before the key became a KeyObject (bytes 0..31, IV 0..11, context idNumber)', () => {
    const fixedKey = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const stored = 'v1:AAECAwQFBgcICQoL:DxAWLQ9RyrPRx7BjWZG13g:djPmKvXQ8yK5eKa5gthIXbGO';
    expect(FieldCipher.withKey(fixedKey).decrypt(stored, 'idNumber')).toBe(ID);
  });

  it('keeps its own copy of the key: changing the caller’s buffer afterwards changes nothing', () => {
    const bytes = Buffer.from(key);
    const own = FieldCipher.withKey(bytes);
    bytes.fill(0);
    expect(cipher.decrypt(own.encrypt(ID))).toBe(ID);
  });

  it('fails with the wrong key', () => {
    const other = FieldCipher.withKey(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt(ID))).toThrow(/authentication failed/);
  });

  it('binds the context: a value moved to another column does not decrypt', () => {
    const stored = cipher.encrypt('13812345678', 'mobile');
    expect(cipher.decrypt(stored, 'mobile')).toBe('13812345678');
    expect(() => cipher.decrypt(stored, 'idNumber')).toThrow(PersonalDataDecryptionError);
  });

  it('reads values under an old key version after rotation and writes under the new one', () => {
    const newKey = randomBytes(32);
    const rotated = new FieldCipher({ current: 2, keys: new Map([[1, key], [2, newKey]]) });
    const old = cipher.encrypt(ID);
    expect(rotated.decrypt(old)).toBe(ID);
    const fresh = rotated.encrypt(ID);
    expect(FieldCipher.keyVersionOf(fresh)).toBe(2);
    expect(() => cipher.decrypt(fresh)).toThrow(/no key for version 2/);
  });

  it.each([
    [{ current: 1, keys: new Map([[1, randomBytes(16)]]) }, /32 bytes/],
    [{ current: 2, keys: new Map([[1, randomBytes(32)]]) }, /current version 2/],
    [{ current: 0, keys: new Map([[0, randomBytes(32)]]) }, /positive integer/],
  ])('refuses bad key sets %#', (keys, message) => {
    expect(() => new FieldCipher(keys)).toThrow(message);
  });
});

describe('decodeKey', () => {
  const bytes = randomBytes(32);
  it.each([
    ['standard base64', bytes.toString('base64')],
    ['base64url', bytes.toString('base64url')],
    ['with surrounding spaces', ` ${bytes.toString('base64')}\n`],
  ])('reads %s', (_label, text) => {
    expect(decodeKey(text)?.equals(bytes)).toBe(true);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['48 bytes', randomBytes(48).toString('base64')],
    ['hex', bytes.toString('hex')],
    ['not base64', '!'.repeat(44)],
    ['empty', ''],
    ['undefined', undefined],
  ])('refuses %s', (_label, text) => {
    expect(decodeKey(text)).toBeUndefined();
  });
});
