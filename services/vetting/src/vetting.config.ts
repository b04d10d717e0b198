import { BaseServiceConfig, EnvInt, WithPersonalDataRetention } from '@openday/platform';

export class VettingConfig extends WithPersonalDataRetention(BaseServiceConfig) {
  override PORT = 3002;
  override DATABASE_URL = 'postgres://openday_vetting:openday_vetting@127.0.0.1:5432/openday_vetting';
  override NATS_URL = ['nats://127.0.0.1:4222'];

  /** How many media may come outside the quota in a session (they take no place). */
  @EnvInt({ min: 0, max: 100 })
  MEDIA_PLACES_OUTSIDE_QUOTA = 5;

  /** How many months before an open day a no-show still bars a person from selection. */
  @EnvInt({ min: 0, max: 60 })
  NO_SHOW_LOOK_BACK_MONTHS = 12;

  /** How long an application may wait for a session vetting does not know yet before it is flagged to the city office. */
  @EnvInt({ min: 1, max: 10_080 })
  PARKED_ARRIVAL_FLAG_AFTER_MINUTES = 60;

  /** How often each replica looks for due timers (registration closed, answer deadline). */
  @EnvInt({ min: 50, max: 60_000 })
  TIMER_POLL_MS = 1000;

  /**
   * How long a first-come arrival waits, once vetting sees it, for applications submitted before
   * it whose events are still on their way (their registration transactions committed later);
   * then the session's arrivals are decided in submission order.
   */
  @EnvInt({ min: 0, max: 10_000 })
  FIRST_COME_SETTLE_MS = 500;

  /** How often each replica looks for first-come arrivals whose settle window is over. */
  @EnvInt({ min: 10, max: 10_000 })
  FIRST_COME_DECIDE_POLL_MS = 100;
}
