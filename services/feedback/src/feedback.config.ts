import { FEEDBACK_ANSWER_WORKING_DAYS } from '@openday/domain';
import { BaseServiceConfig, EnvInt, WithPersonalDataRetention } from '@openday/platform';

export class FeedbackConfig extends WithPersonalDataRetention(BaseServiceConfig) {
  override PORT = 3005;
  override DATABASE_URL = 'postgres://openday_feedback:openday_feedback@127.0.0.1:5432/openday_feedback';
  override NATS_URL = ['nats://127.0.0.1:4222'];

  /** How often each replica looks for assigned items past their due date. */
  @EnvInt({ min: 50, max: 60_000 })
  FEEDBACK_TIMER_POLL_MS = 1000;

  /** A department answers within this many working days of the assignment unless staff set a date. */
  @EnvInt({ min: 1, max: 120 })
  ANSWER_DUE_WORKING_DAYS = FEEDBACK_ANSWER_WORKING_DAYS;

  /** An overdue item is chased again every this many working days. */
  @EnvInt({ min: 1, max: 60 })
  CHASE_EVERY_WORKING_DAYS = 3;
}
