import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** `v<key version>:<iv>:<tag>:<ciphertext>`, each part base64url. */
const STORED = /^v([1-9][0-9]{0,5}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

/**
 * Raised when a stored value cannot be read back: tampered, cut short, or
 * encrypted under a key this process does not have. It never carries the value.
 */
export class PersonalDataDecryptionError extends Error {
  constructor(reason: string) {
    super(`personal data could not be decrypted: ${reason}`);
    this.name = 'PersonalDataDecryptionError';
  }
}

export interface FieldCipherKeys {
  /** The version new values are encrypted under. */
  current: number;
  /** Every key that may still be found in stored values, by version (old ones stay until re-encrypted). */
  keys: ReadonlyMap<number, Buffer>;
}

/**
 * Field-level encryption at rest: AES-256-GCM, a fresh random 12-byte IV per
 * value, stored as `v1:<iv>:<tag>:<ciphertext>` (base64url). The `v1` is the
 * key version, so a key can be rotated later: add version 2 as current, keep
 * version 1 for reading, re-encrypt, then drop version 1.
 *
 * `context` (e.g. the column, `idNumber`) is authenticated, not stored: a
 * value copied into another column no longer decrypts.
 */
export class FieldCipher {
  private readonly current: number;
  /** Made once per key, so each value's cipher starts from a prepared key (a copy: the caller's buffer may change). */
  private readonly keys: ReadonlyMap<number, KeyObject>;

  constructor({ current, keys }: FieldCipherKeys) {
    for (const [version, key] of keys) {
      if (!Number.isInteger(version) || version < 1) throw new RangeError(`key version ${version} must be a positive integer`);
      if (key.length !== KEY_BYTES) throw new RangeError(`key version ${version} must be ${KEY_BYTES} bytes, not ${key.length}`);
    }
    if (!keys.has(current)) throw new RangeError(`no key for the current version ${current}`);
    this.current = current;
    this.keys = new Map([...keys].map(([version, key]) => [version, createSecretKey(key)]));
  }

  /** One key, version 1: what a single configured key means. */
  static withKey(key: Buffer): FieldCipher {
    return new FieldCipher({ current: 1, keys: new Map([[1, key]]) });
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = nextIv();
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.current)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `v${this.current}:${b64(iv)}:${b64(tag)}:${b64(ciphertext)}`;
  }

  decrypt(stored: string, context = ''): string {
    const match = STORED.exec(stored);
    if (!match) throw new PersonalDataDecryptionError('not in the v<N>:<iv>:<tag>:<ciphertext> format');
    const [, version, iv, tag, ciphertext] = match;
    const key = this.keys.get(Number(version));
    if (!key) throw new PersonalDataDecryptionError(`no key for version ${version}`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // OpenSSL's message says nothing useful and must not be mistaken for the value.
      throw new PersonalDataDecryptionError('authentication failed (tampered, wrong key or wrong context)');
    }
  }

  /** The key version a stored value was encrypted under, to find values still under an old key. */
  static keyVersionOf(stored: string): number | undefined {
    const match = STORED.exec(stored);
    return match ? Number(match[1]) : undefined;
  }
}

const IV_POOL_BYTES = 512 * IV_BYTES;
let ivPool = Buffer.alloc(0);
let ivTaken = 0;

/**
 * A fresh random IV, cut from CSPRNG output drawn IV_POOL_BYTES at a time: under load a
 * randomBytes call per value was half of what encrypting cost. Every byte is handed out once
 * (a spent pool is replaced, never refilled in place), so IVs are as random and as unique as
 * before.
 */
function nextIv(): Buffer {
  if (ivTaken === ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivTaken = 0;
  }
  ivTaken += IV_BYTES;
  return ivPool.subarray(ivTaken - IV_BYTES, ivTaken);
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** Standard or URL-safe base64 of exactly 32 bytes (padding optional), e.g. from `openssl rand -base64 32`. */
const KEY_TEXT = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The key's bytes, or undefined when the text is not 32 bytes in base64. */
export function decodeKey(text: string | undefined): Buffer | undefined {
  if (typeof text !== 'string' || !KEY_TEXT.test(text.trim())) return undefined;
  const bytes = Buffer.from(text.trim().replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === KEY_BYTES ? bytes : undefined;
}
