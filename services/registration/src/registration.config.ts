import { BaseServiceConfig } from '@openday/platform';

export class RegistrationConfig extends BaseServiceConfig {
  override PORT = 3001;
  override DATABASE_URL = 'postgres://openday_registration:openday_registration@127.0.0.1:5432/openday_registration';
  override NATS_URL = ['nats://127.0.0.1:4222'];
}
