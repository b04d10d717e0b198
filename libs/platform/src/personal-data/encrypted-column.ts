import type { ValueTransformer } from 'typeorm';
import type { FieldCipher } from './field-cipher';

/**
 * Where entity transformers find the process's cipher. Entity decorators run
 * at import, before configuration is read, so the cipher is bound at start-up
 * (`personalDataCipher.use(cipher)`) and looked up on each read and write.
 */
export class CipherSlot {
  private cipher?: FieldCipher;

  use(cipher: FieldCipher): void {
    this.cipher = cipher;
  }

  get(): FieldCipher {
    if (!this.cipher) throw new Error('personal-data cipher not configured: call personalDataCipher.use(cipher) at start-up');
    return this.cipher;
  }
}

/** The process-wide slot: one service per process, one set of keys. */
export const personalDataCipher = new CipherSlot();

/**
 * A TypeORM transformer for an encrypted text column: the entity holds the
 * plaintext, the database `v1:<iv>:<tag>:<ciphertext>`. `context` (usually the
 * property name) is bound into each value, so values cannot be swapped between
 * columns. Each write encrypts with a fresh IV, so never search on such a
 * column: search on a keyed hash (KeyedHasher) stored beside it.
 *
 *   @Column({ name: 'id_number', type: 'text', transformer: encryptedColumn('idNumber') })
 *   idNumber: string;
 */
export function encryptedColumn(context: string, slot: CipherSlot = personalDataCipher): ValueTransformer {
  return {
    to: (value: unknown) => (typeof value === 'string' ? slot.get().encrypt(value, context) : value),
    from: (value: unknown) => (typeof value === 'string' ? slot.get().decrypt(value, context) : value),
  };
}
