import { randomBytes } from 'node:crypto';
import { CipherSlot, encryptedColumn } from './encrypted-column';
import { FieldCipher } from './field-cipher';

describe('encryptedColumn', () => {
  const slot = new CipherSlot();
  const idNumber = encryptedColumn('idNumber', slot);

  it('refuses to work before a cipher is configured', () => {
    expect(() => idNumber.to('11010519491231002X')).toThrow(/not configured/);
  });

  it('encrypts on the way in, decrypts on the way out, and passes null through', () => {
    slot.use(FieldCipher.withKey(randomBytes(32)));
    const stored = idNumber.to('11010519491231002X') as string;
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('11010519491231002X');
    expect(idNumber.from(stored)).toBe('11010519491231002X');
    expect(idNumber.to(null)).toBeNull();
    expect(idNumber.from(null)).toBeNull();
    expect(idNumber.to(undefined)).toBeUndefined();
  });

  it('binds the column: a value from another column does not read back', () => {
    const mobile = encryptedColumn('mobile', slot);
    expect(() => idNumber.from(mobile.to('13812345678'))).toThrow(/could not be decrypted/);
  });
});
