// class-transformer's @Type reads decorator metadata, and config loads before Nest (which would import this) does.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, IsUrl, Matches, Max, Min } from 'class-validator';
import { EnvList } from './env-transforms';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const int = (rule: string) => ({ message: `$property must be an integer ${rule}` });

/**
 * What every service reads from its environment. A service subclasses it,
 * adds its own variables and gives PORT / DATABASE_URL a default by
 * redeclaring the field with an initialiser:
 *
 *   class GatewayConfig extends BaseServiceConfig { override PORT = 3000; }
 */
export class BaseServiceConfig {
  @Type(() => Number)
  @IsInt(int('between 1 and 65535'))
  @Min(1, int('between 1 and 65535'))
  @Max(65535, int('between 1 and 65535'))
  PORT: number;

  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false },
    { message: '$property must be a postgres:// URL' },
  )
  DATABASE_URL: string;

  /** Comma-separated in the environment (one URL per cluster node); a list here, as NATS `connect({ servers })` takes it. */
  @EnvList()
  @ArrayNotEmpty({ message: '$property must be a comma-separated list of nats:// URLs' })
  @IsUrl(
    { protocols: ['nats', 'tls'], require_protocol: true, require_tld: false },
    { each: true, message: '$property must be a comma-separated list of nats:// URLs' },
  )
  NATS_URL: string[];

  /** First token of every subject and stream name; tests and parallel environments use their own. */
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, { message: '$property must match ^[a-z][a-z0-9_]{0,30}$' })
  BUS_NAMESPACE = 'openday';

  @Type(() => Number)
  @IsInt(int('between 1 and 5'))
  @Min(1, int('between 1 and 5'))
  @Max(5, int('between 1 and 5'))
  STREAM_REPLICAS = 1;

  @Type(() => Number)
  @IsInt(int('of at least 1'))
  @Min(1, int('of at least 1'))
  STREAM_MAX_AGE_HOURS = 720;

  @IsIn(LOG_LEVELS, { message: `$property must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** How long a graceful shutdown may take before the process gives up on it. */
  @Type(() => Number)
  @IsInt(int('of at least 0'))
  @Min(0, int('of at least 0'))
  SHUTDOWN_TIMEOUT_MS = 10_000;
}
