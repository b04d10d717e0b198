import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const PRUNE_EVERY_MS = 60_000;

/**
 * One statement counts a request: a new window starts when the last one has
 * ended, otherwise the hit is added to it. Refused requests count too, so a
 * client that keeps knocking stays refused until its window ends. The
 * database's clock decides, so every replica agrees on the windows.
 */
const COUNT_HIT = `
  INSERT INTO rate_limit_counters AS c (key, hits, expires_at)
  VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END,
    expires_at = CASE WHEN c.expires_at <= now() THEN EXCLUDED.expires_at ELSE c.expires_at END
  RETURNING hits, ceil(extract(epoch FROM expires_at - now()))::int AS seconds_left`;

/**
 * @nestjs/throttler's counters in the gateway's PostgreSQL (rate_limit_counters),
 * shared by every replica: N replicas still allow a client the limit once, not
 * N times. Fixed windows of the throttler's ttl. If the database does not
 * answer, the request is let through: the limit guards the services, and
 * refusing everyone would be the outage it guards against. Ended windows are
 * deleted every minute by each replica (cheap, and harmless twice).
 */
export class PostgresThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(PostgresThrottlerStorage.name);
  private pruning?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    this.pruning ??= setInterval(() => void this.prune().catch(() => undefined), PRUNE_EVERY_MS).unref();
    try {
      const [row] = (await this.dataSource.query(COUNT_HIT, [`${throttlerName}:${key}`, ttl])) as Array<{ hits: number; seconds_left: number }>;
      const timeToExpire = Math.max(1, row.seconds_left);
      const isBlocked = row.hits > limit;
      return { totalHits: row.hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
    } catch (err) {
      this.logger.warn({ err }, 'rate-limit counter unavailable; request let through');
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.pruning);
  }

  /** Forgets windows that have ended (a new request would start afresh anyway). */
  async prune(): Promise<number> {
    const [, deleted] = (await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE expires_at < now()`)) as [unknown, number];
    return deleted;
  }
}
