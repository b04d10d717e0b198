import { Logger, type Provider } from '@nestjs/common';
import { developmentPersonalDataKeys, personalDataProtection, SERVICE_CONFIG, type FieldCipher } from '@openday/platform';
import type { NotificationConfig } from '../notification.config';

export const PERSONAL_DATA_CIPHER = Symbol('PERSONAL_DATA_CIPHER');

/** The field cipher for names, mobiles, e-mail addresses and delivery addresses at rest. */
export const personalDataCipherProvider: Provider = {
  provide: PERSONAL_DATA_CIPHER,
  inject: [SERVICE_CONFIG],
  useFactory: (config: NotificationConfig): FieldCipher => {
    const development = developmentPersonalDataKeys(config).filter((variable) => variable === 'PERSONAL_DATA_KEY');
    if (development.length > 0) {
      new Logger('PersonalData').warn(
        'PERSONAL_DATA_KEY not set: using the development key, which protects nothing. ' +
          'Set it (32 random bytes, base64) anywhere real contact details are stored; NODE_ENV=production requires it.',
      );
    }
    return personalDataProtection(config).cipher;
  },
};
