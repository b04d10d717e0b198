import { BaseServiceConfig } from '@openday/platform';

export class VettingConfig extends BaseServiceConfig {
  override PORT = 3002;
  override DATABASE_URL = 'postgres://openday_vetting:openday_vetting@127.0.0.1:5432/openday_vetting';
  override NATS_URL = ['nats://127.0.0.1:4222'];
}
