import { BaseServiceConfig } from '@openday/platform';

export class FeedbackConfig extends BaseServiceConfig {
  override PORT = 3005;
  override DATABASE_URL = 'postgres://openday_feedback:openday_feedback@127.0.0.1:5432/openday_feedback';
  override NATS_URL = ['nats://127.0.0.1:4222'];
}
