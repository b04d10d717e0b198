import { Global, Logger, Module, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Clock, SERVICE_CONFIG, SystemClock } from '@openday/platform';
import { DataSource } from 'typeorm';
import type { GatewayConfig } from '../gateway.config';
import { AccessGuard } from './access.guard';
import { AccessTokens } from './access-tokens';
import { ActorLoader } from './actor-loader';
import { clientAddress, RateLimitGuard, rateLimitClassOf } from './rate-limit.guard';
import { PostgresThrottlerStorage } from './rate-limit-store';
import { GatewaySecrets } from './secrets';

const MINUTE_MS = 60_000;

/**
 * Access for the whole gateway: the clock, the secrets, access tokens, and two
 * global guards in this order: rate limits (public and sign-in routes), then
 * the access rule of every operation.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [SERVICE_CONFIG, DataSource],
      useFactory: (config: GatewayConfig, dataSource: DataSource) => ({
        // Counted in the gateway's database, so every replica shares one count per client.
        storage: new PostgresThrottlerStorage(dataSource),
        // Each throttler counts only the routes under it; the rest skip it.
        throttlers: (['sign-in', 'public'] as const).map((name) => ({
          name,
          ttl: MINUTE_MS,
          limit: name === 'sign-in' ? config.RATE_LIMIT_SIGN_IN_PER_MINUTE : config.RATE_LIMIT_PUBLIC_PER_MINUTE,
          // Retry-After says when the client's window ends.
          blockDuration: 0,
          skipIf: (context: ExecutionContext) => context.getType() !== 'http' || rateLimitClassOf(context) !== name,
        })),
        setHeaders: false,
        getTracker: (request: Record<string, unknown>) => clientAddress(request as Parameters<typeof clientAddress>[0], config.TRUSTED_PROXY_HOPS),
      }),
    }),
  ],
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: GatewaySecrets,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) => {
        const secrets = new GatewaySecrets(config);
        for (const variable of secrets.defaulted) {
          new Logger('GatewaySecrets').warn(`${variable} is not set: using the development default (never in production)`);
        }
        return secrets;
      },
    },
    AccessTokens,
    ActorLoader,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [Clock, GatewaySecrets, AccessTokens, ActorLoader],
})
export class AccessModule {}
