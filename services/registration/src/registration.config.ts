import { BaseServiceConfig, WithPersonalDataKeys, WithPersonalDataRetention } from '@openday/platform';

/**
 * Adds PERSONAL_DATA_KEY (AES-256-GCM for ID numbers and phones at rest) and
 * PERSONAL_DATA_HASH_KEY (HMAC for duplicate checks and look-ups): required
 * when NODE_ENV=production, development keys otherwise (with a warning).
 */
export class RegistrationConfig extends WithPersonalDataRetention(WithPersonalDataKeys(BaseServiceConfig)) {
  override PORT = 3001;
  override DATABASE_URL = 'postgres://openday_registration:openday_registration@127.0.0.1:5432/openday_registration';
  override NATS_URL = ['nats://127.0.0.1:4222'];
}
