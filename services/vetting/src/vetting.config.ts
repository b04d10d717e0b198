import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig, WithPersonalDataRetention } from '@openday/platform';

const int = (rule: string) => ({ message: `$property must be an integer ${rule}` });

export class VettingConfig extends WithPersonalDataRetention(BaseServiceConfig) {
  override PORT = 3002;
  override DATABASE_URL = 'postgres://openday_vetting:openday_vetting@127.0.0.1:5432/openday_vetting';
  override NATS_URL = ['nats://127.0.0.1:4222'];

  /** How many media may come outside the quota in a session (they take no place). */
  @Type(() => Number)
  @IsInt(int('between 0 and 100'))
  @Min(0, int('between 0 and 100'))
  @Max(100, int('between 0 and 100'))
  MEDIA_PLACES_OUTSIDE_QUOTA = 5;

  /** How many months before an open day a no-show still bars a person from selection. */
  @Type(() => Number)
  @IsInt(int('between 0 and 60'))
  @Min(0, int('between 0 and 60'))
  @Max(60, int('between 0 and 60'))
  NO_SHOW_LOOK_BACK_MONTHS = 12;

  /** How long an application may wait for a session vetting does not know yet before it is flagged to the city office. */
  @Type(() => Number)
  @IsInt(int('between 1 and 10080'))
  @Min(1, int('between 1 and 10080'))
  @Max(10_080, int('between 1 and 10080'))
  PARKED_ARRIVAL_FLAG_AFTER_MINUTES = 60;

  /** How often each replica looks for due timers (registration closed, answer deadline). */
  @Type(() => Number)
  @IsInt(int('between 50 and 60000'))
  @Min(50, int('between 50 and 60000'))
  @Max(60_000, int('between 50 and 60000'))
  TIMER_POLL_MS = 1000;

  /**
   * How long a first-come arrival waits, once vetting sees it, for applications submitted before
   * it whose events are still on their way (their registration transactions committed later);
   * then the session's arrivals are decided in submission order.
   */
  @Type(() => Number)
  @IsInt(int('between 0 and 10000'))
  @Min(0, int('between 0 and 10000'))
  @Max(10_000, int('between 0 and 10000'))
  FIRST_COME_SETTLE_MS = 500;

  /** How often each replica looks for first-come arrivals whose settle window is over. */
  @Type(() => Number)
  @IsInt(int('between 10 and 10000'))
  @Min(10, int('between 10 and 10000'))
  @Max(10_000, int('between 10 and 10000'))
  FIRST_COME_DECIDE_POLL_MS = 100;
}
