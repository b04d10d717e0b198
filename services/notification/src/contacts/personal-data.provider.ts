import type { Provider } from '@nestjs/common';
import { PERSONAL_DATA, personalDataProvider, type FieldCipher, type PersonalDataProtection } from '@openday/platform';

export const PERSONAL_DATA_CIPHER = Symbol('PERSONAL_DATA_CIPHER');

/** The field cipher for names, mobiles, e-mail addresses and delivery addresses at rest (no keyed look-ups here). */
export const personalDataCipherProviders: Provider[] = [
  personalDataProvider(['PERSONAL_DATA_KEY']),
  { provide: PERSONAL_DATA_CIPHER, inject: [PERSONAL_DATA], useFactory: (protection: PersonalDataProtection): FieldCipher => protection.cipher },
];
