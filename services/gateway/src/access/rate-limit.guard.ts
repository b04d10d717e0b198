import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { problem } from '@openday/platform';
import { ACCESS_RULE, RATE_LIMIT_CLASS, type AccessRule, type RateLimitClass } from './access.decorator';

/** The rate limit a route is under: its own @RateLimit, else `public` for @Access.public(), else none. */
export function rateLimitClassOf(context: ExecutionContext): RateLimitClass | undefined {
  const targets = [context.getHandler(), context.getClass()];
  for (const target of targets) {
    const declared = Reflect.getMetadata(RATE_LIMIT_CLASS, target) as RateLimitClass | undefined;
    if (declared) return declared;
  }
  for (const target of targets) {
    const rule = Reflect.getMetadata(ACCESS_RULE, target) as AccessRule | undefined;
    if (rule) return rule.public ? 'public' : undefined;
  }
  return undefined;
}

/**
 * The client address to count requests by. Behind `hops` trusted proxies that
 * each append to X-Forwarded-For, the client is that many entries from the right;
 * anything further left was written by the client and is not trusted.
 */
export function clientAddress(
  request: { ip?: string; socket?: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  hops: number,
): string {
  const direct = request.socket?.remoteAddress ?? request.ip ?? 'unknown';
  if (hops <= 0) return direct;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return chain.length >= hops ? chain[chain.length - hops] : (chain[0] ?? direct);
}

/**
 * @nestjs/throttler with two named limits, each applying only to the routes
 * under it, answering 429 problem+json with a plain Retry-After header (seconds).
 * Counters live in the gateway's database (PostgresThrottlerStorage), shared by
 * every replica; the sign-in code limits per number are in sign_in_codes.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire || 1));
    context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>().setHeader('Retry-After', String(retryAfter));
    throw problem('rate-limited', {
      detail: `Too many requests from this address; try again in ${retryAfter} s.`,
    });
  }
}
