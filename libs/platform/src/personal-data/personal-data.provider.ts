import { Logger, type Provider } from '@nestjs/common';
import { SERVICE_CONFIG } from '../messaging/tokens';
import {
  developmentPersonalDataKeys,
  personalDataProtection,
  type PersonalDataKeysConfig,
  type PersonalDataKeyVariable,
  type PersonalDataProtection,
} from './personal-data-config';

export const PERSONAL_DATA = Symbol('PERSONAL_DATA');

/**
 * A service's PersonalDataProtection (cipher and keyed hasher) from its config. Warns at
 * start-up for each key the service relies on (`uses`) that is still the development key,
 * which protects nothing.
 */
export function personalDataProvider(uses: readonly PersonalDataKeyVariable[] = ['PERSONAL_DATA_KEY', 'PERSONAL_DATA_HASH_KEY']): Provider {
  return {
    provide: PERSONAL_DATA,
    inject: [SERVICE_CONFIG],
    useFactory: (config: PersonalDataKeysConfig): PersonalDataProtection => {
      const development = developmentPersonalDataKeys(config).filter((variable) => uses.includes(variable));
      if (development.length > 0) {
        new Logger('PersonalData').warn(
          `${development.join(' and ')} not set: using the development key${development.length > 1 ? 's' : ''}, which protect${development.length > 1 ? '' : 's'} nothing. ` +
            'Set it (32 random bytes, base64) anywhere real personal data is stored; NODE_ENV=production requires it.',
        );
      }
      return personalDataProtection(config);
    },
  };
}
