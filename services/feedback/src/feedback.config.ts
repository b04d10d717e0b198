import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig, WithPersonalDataRetention } from '@openday/platform';

const int = (rule: string) => ({ message: `$property must be an integer ${rule}` });

export class FeedbackConfig extends WithPersonalDataRetention(BaseServiceConfig) {
  override PORT = 3005;
  override DATABASE_URL = 'postgres://openday_feedback:openday_feedback@127.0.0.1:5432/openday_feedback';
  override NATS_URL = ['nats://127.0.0.1:4222'];

  /** How often each replica looks for assigned items past their due date. */
  @Type(() => Number)
  @IsInt(int('between 50 and 60000'))
  @Min(50, int('between 50 and 60000'))
  @Max(60_000, int('between 50 and 60000'))
  FEEDBACK_TIMER_POLL_MS = 1000;

  /** A department answers within this many working days of the assignment unless staff set a date. */
  @Type(() => Number)
  @IsInt(int('between 1 and 120'))
  @Min(1, int('between 1 and 120'))
  @Max(120, int('between 1 and 120'))
  ANSWER_DUE_WORKING_DAYS = 15;

  /** An overdue item is chased again every this many working days. */
  @Type(() => Number)
  @IsInt(int('between 1 and 60'))
  @Min(1, int('between 1 and 60'))
  @Max(60, int('between 1 and 60'))
  CHASE_EVERY_WORKING_DAYS = 3;
}
