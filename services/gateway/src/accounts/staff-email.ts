import type { Provider } from '@nestjs/common';
import { PERSONAL_DATA, personalDataProvider, type FieldCipher, type PersonalDataProtection } from '@openday/platform';

export const STAFF_EMAIL_CIPHER = Symbol('STAFF_EMAIL_CIPHER');

/** The field cipher for staff accounts' e-mail addresses at rest (no keyed look-ups: nobody searches by address). */
export const staffEmailCipherProviders: Provider[] = [
  personalDataProvider(['PERSONAL_DATA_KEY']),
  { provide: STAFF_EMAIL_CIPHER, inject: [PERSONAL_DATA], useFactory: (protection: PersonalDataProtection): FieldCipher => protection.cipher },
];

/** The column the ciphertext is bound to: a value copied into another column no longer decrypts. */
const CONTEXT = 'staffAccounts.email';

export function sealEmail(cipher: FieldCipher, email: string | null): string | null {
  return email === null ? null : cipher.encrypt(email, CONTEXT);
}

export function openEmail(cipher: FieldCipher, stored: string | null): string | null {
  return stored === null ? null : cipher.decrypt(stored, CONTEXT);
}

/** A staff member's name is personal data too: encrypted at rest like the address, bound to its own column. */
const DISPLAY_NAME_CONTEXT = 'staffAccounts.displayName';

export function sealDisplayName(cipher: FieldCipher, displayName: string): string {
  return cipher.encrypt(displayName, DISPLAY_NAME_CONTEXT);
}

export function openDisplayName(cipher: FieldCipher, stored: string): string {
  return cipher.decrypt(stored, DISPLAY_NAME_CONTEXT);
}
