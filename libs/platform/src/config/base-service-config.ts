// class-transformer's @Type reads decorator metadata, and config loads before Nest (which would import this) does.
import 'reflect-metadata';
import { ArrayNotEmpty, IsIn, IsOptional, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';
import { EnvInt } from './env-int';
import { EnvList } from './env-transforms';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Locally the machine's open NATS needs none; in production, or when the other half is given, both are required. */
const natsCredentialRequired = (config: BaseServiceConfig) =>
  config.NODE_ENV === 'production' || config.NATS_USER !== undefined || config.NATS_PASSWORD !== undefined;
const natsCredential = {
  message: "$property must be set when NODE_ENV=production or the other of NATS_USER/NATS_PASSWORD is (this service's user in deploy/nats/accounts.conf)",
};

/**
 * What every service reads from its environment. A service subclasses it,
 * adds its own variables and gives PORT / DATABASE_URL a default by
 * redeclaring the field with an initialiser:
 *
 *   class GatewayConfig extends BaseServiceConfig { override PORT = 3000; }
 */
export class BaseServiceConfig {
  @EnvInt({ min: 1, max: 65_535 })
  PORT: number;

  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false },
    { message: '$property must be a postgres:// URL' },
  )
  DATABASE_URL: string;

  /** The most connections one replica's pool opens: replicas × (this + 2 for the outbox relay) must fit PostgreSQL's max_connections. */
  @EnvInt({ min: 1, max: 100 })
  DATABASE_POOL_SIZE = 10;

  /** Comma-separated in the environment (one URL per cluster node); a list here, as NATS `connect({ servers })` takes it. */
  @EnvList()
  @ArrayNotEmpty({ message: '$property must be a comma-separated list of nats:// URLs' })
  @IsUrl(
    { protocols: ['nats', 'tls'], require_protocol: true, require_tld: false },
    { each: true, message: '$property must be a comma-separated list of nats:// URLs' },
  )
  NATS_URL: string[];

  /** `production` makes the secrets mandatory: NATS_USER/NATS_PASSWORD here, keys and passwords in the services. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** This service's NATS user, named after the service in deploy/nats/accounts.conf. */
  @ValidateIf(natsCredentialRequired)
  @IsString(natsCredential)
  NATS_USER?: string;

  @ValidateIf(natsCredentialRequired)
  @IsString(natsCredential)
  NATS_PASSWORD?: string;

  /** First token of every subject and stream name; tests and parallel environments use their own. */
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, { message: '$property must match ^[a-z][a-z0-9_]{0,30}$' })
  BUS_NAMESPACE = 'openday';

  @EnvInt({ min: 1, max: 5 })
  STREAM_REPLICAS = 1;

  /** Public events: what subscriber systems can replay (90 days). */
  @EnvInt({ min: 1 })
  PUBLIC_STREAM_MAX_AGE_HOURS = 2160;

  /** Internal events carry personal data: kept a week, long enough for a consumer that was down to catch up. */
  @EnvInt({ min: 1 })
  INTERNAL_STREAM_MAX_AGE_HOURS = 168;

  /** Dead letters (internal events among them): two weeks for an operator to investigate and replay. */
  @EnvInt({ min: 1 })
  DEADLETTER_STREAM_MAX_AGE_HOURS = 336;

  @IsIn(LOG_LEVELS, { message: `$property must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** How long a graceful shutdown may take before the process gives up on it. */
  @EnvInt({ min: 0 })
  SHUTDOWN_TIMEOUT_MS = 10_000;
}
