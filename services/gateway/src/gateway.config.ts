import { IsOptional, IsString, MinLength, ValidateIf } from 'class-validator';
import { BaseServiceConfig, EnvInt, WithPersonalDataKeys } from '@openday/platform';

const inProduction = (config: GatewayConfig) => config.NODE_ENV === 'production';

/**
 * NODE_ENV (from BaseServiceConfig) `production` makes the secrets mandatory and refuses the
 * demo seed; PERSONAL_DATA_KEY encrypts staff accounts' e-mail addresses at rest.
 */
export class GatewayConfig extends WithPersonalDataKeys(BaseServiceConfig) {
  override PORT = 3000;
  override DATABASE_URL = 'postgres://openday_gateway:openday_gateway@127.0.0.1:5432/openday_gateway';
  override NATS_URL = ['nats://127.0.0.1:4222'];

  /** How long the gateway waits for a service's reply before answering 504. */
  @EnvInt({ min: 100, max: 60_000 })
  RPC_TIMEOUT_MS = 5000;

  /** Signs access tokens (HS256). Required in production; elsewhere a development default is used, with a warning. */
  @ValidateIf((config: GatewayConfig) => inProduction(config) || config.JWT_SECRET !== undefined)
  @IsString({ message: '$property must be a secret of at least 32 characters (required in production)' })
  @MinLength(32, { message: '$property must be a secret of at least 32 characters (required in production)' })
  JWT_SECRET?: string;

  /**
   * Key of the keyed hashes (HMAC-SHA256) that stand for citizens' mobile numbers and
   * for sign-in codes. Required in production. Changing it detaches every citizen account.
   */
  @ValidateIf((config: GatewayConfig) => inProduction(config) || config.MOBILE_HASH_KEY !== undefined)
  @IsString({ message: '$property must be a secret of at least 32 characters (required in production)' })
  @MinLength(32, { message: '$property must be a secret of at least 32 characters (required in production)' })
  MOBILE_HASH_KEY?: string;

  @EnvInt({ min: 60, max: 3600 })
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @EnvInt({ min: 3600, max: 7_776_000 })
  REFRESH_TOKEN_TTL_SECONDS = 1_209_600;

  /** A sign-in code's life: 5 minutes. */
  @EnvInt({ min: 1, max: 900 })
  SIGN_IN_CODE_TTL_SECONDS = 300;

  /** The least time between two codes sent to one number. */
  @EnvInt({ min: 1, max: 3600 })
  SIGN_IN_CODE_RESEND_SECONDS = 60;

  /** The most codes sent to one number in any 24 hours. */
  @EnvInt({ min: 1, max: 100 })
  SIGN_IN_CODES_PER_DAY = 10;

  /** Requests per minute per client address on the sign-in endpoints. */
  @EnvInt({ min: 1, max: 100_000 })
  RATE_LIMIT_SIGN_IN_PER_MINUTE = 20;

  /** Requests per minute per client address on the other public (anonymous) endpoints. */
  @EnvInt({ min: 1, max: 100_000 })
  RATE_LIMIT_PUBLIC_PER_MINUTE = 1200;

  /**
   * Reverse proxies in front of the gateway that append to X-Forwarded-For (an ingress: 1).
   * 0 trusts no header and limits by the connection's address.
   */
  @EnvInt({ min: 0, max: 5 })
  TRUSTED_PROXY_HOPS = 0;

  /**
   * The built citizen portal (services/web/dist by default), served at / on the
   * gateway's origin. Without an index.html there, the gateway serves the API only.
   * In production the portal has its own image and this stays unset.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  PORTAL_DIR?: string;
}
