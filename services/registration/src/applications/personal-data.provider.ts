import { Logger, type Provider } from '@nestjs/common';
import {
  developmentPersonalDataKeys,
  personalDataCipher,
  personalDataProtection,
  SERVICE_CONFIG,
  type PersonalDataProtection,
} from '@openday/platform';
import type { RegistrationConfig } from '../registration.config';

export const PERSONAL_DATA = Symbol('PERSONAL_DATA');

/** The cipher and keyed hasher from config; binds the cipher for the entities' encrypted columns. */
export const personalDataProvider: Provider = {
  provide: PERSONAL_DATA,
  inject: [SERVICE_CONFIG],
  useFactory: (config: RegistrationConfig): PersonalDataProtection => {
    const development = developmentPersonalDataKeys(config);
    if (development.length > 0) {
      new Logger('PersonalData').warn(
        `${development.join(' and ')} not set: using the development keys, which protect nothing. ` +
          'Set them (32 random bytes, base64) anywhere real personal data is stored; NODE_ENV=production requires them.',
      );
    }
    const protection = personalDataProtection(config);
    personalDataCipher.use(protection.cipher);
    return protection;
  },
};
