import { BaseServiceConfig } from '@openday/platform';

export class NotificationConfig extends BaseServiceConfig {
  override PORT = 3004;
  override DATABASE_URL = 'postgres://openday_notification:openday_notification@127.0.0.1:5432/openday_notification';
  override NATS_URL = ['nats://127.0.0.1:4222'];
}
