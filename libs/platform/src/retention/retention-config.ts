import { DEFAULT_PERSONAL_DATA_RETENTION_DAYS } from '@openday/domain';
import { EnvInt, type BaseServiceConfig } from '../config';

/** The variables a config class gains from `WithPersonalDataRetention`. */
export interface PersonalDataRetentionConfig {
  /** Days after an open day's last day before its applicants' personal data are erased. */
  PERSONAL_DATA_RETENTION_DAYS: number;
  /** How often each replica looks for personal data past retention. */
  PERSONAL_DATA_RETENTION_INTERVAL_MINUTES: number;
}

// A TypeScript mixin's constructor type must take `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ConfigClass<T extends BaseServiceConfig = BaseServiceConfig> = new (...args: any[]) => T;

/** Adds PERSONAL_DATA_RETENTION_DAYS (default 183, six months) and its interval to a service's config. */
export function WithPersonalDataRetention<TBase extends ConfigClass>(Base: TBase) {
  class RetentionConfig extends Base implements PersonalDataRetentionConfig {
    @EnvInt({ min: 0, max: 3660 })
    PERSONAL_DATA_RETENTION_DAYS = DEFAULT_PERSONAL_DATA_RETENTION_DAYS;

    @EnvInt({ min: 1, max: 1440 })
    PERSONAL_DATA_RETENTION_INTERVAL_MINUTES = 60;
  }
  return RetentionConfig;
}
