import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';

export interface ServiceDatabase {
  url: string;
  /** Connections the service's pool may hold (DATABASE_POOL_SIZE); the outbox relay holds two more. */
  poolSize?: number;
  migrations: Array<new () => MigrationInterface>;
}

export const DEFAULT_POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A connection attempt that gives up after CONNECT_TIMEOUT_MS. Set on the client, not the pool: the
 * pool's own timeout would also end a request's wait for a free pooled connection, and a burst of
 * applications queued behind a busy pool would be answered 503 "cannot reach its database".
 */
class ConnectionAttemptTimingOut extends Client {
  constructor(config: ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/** The schema comes only from committed migrations (run by migrateWithLock at start-up); never from synchronize. */
export function databaseOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    migrations: [MessagingTables1763900000000, ...db.migrations],
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // A failover can leave connections to a vanished server: keep-alive finds them, and a
    // connection attempt gives up instead of hanging, so readiness turns false and requests fail fast.
    extra: { max: db.poolSize ?? DEFAULT_POOL_SIZE, Client: ConnectionAttemptTimingOut, keepAlive: true },
  };
}
