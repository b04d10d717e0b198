import { BaseServiceConfig, WithPersonalDataRetention } from '@openday/platform';

export class SchedulingConfig extends WithPersonalDataRetention(BaseServiceConfig) {
  override PORT = 3003;
  override DATABASE_URL = 'postgres://openday_scheduling:openday_scheduling@127.0.0.1:5432/openday_scheduling';
  override NATS_URL = ['nats://127.0.0.1:4222'];
}
