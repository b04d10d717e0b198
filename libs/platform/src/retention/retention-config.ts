import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DEFAULT_PERSONAL_DATA_RETENTION_DAYS } from '@openday/domain';
import type { BaseServiceConfig } from '../config';

const int = (rule: string) => ({ message: `$property must be an integer ${rule}` });

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
    @Type(() => Number)
    @IsInt(int('between 0 and 3660'))
    @Min(0, int('between 0 and 3660'))
    @Max(3660, int('between 0 and 3660'))
    PERSONAL_DATA_RETENTION_DAYS = DEFAULT_PERSONAL_DATA_RETENTION_DAYS;

    @Type(() => Number)
    @IsInt(int('between 1 and 1440'))
    @Min(1, int('between 1 and 1440'))
    @Max(1440, int('between 1 and 1440'))
    PERSONAL_DATA_RETENTION_INTERVAL_MINUTES = 60;
  }
  return RetentionConfig;
}
