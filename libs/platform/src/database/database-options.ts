import type { DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';

export interface ServiceDatabase {
  url: string;
  /** Connections the service's pool may hold (DATABASE_POOL_SIZE); the outbox relay holds two more. */
  poolSize?: number;
  entities: Array<(new () => object) | EntitySchema>;
  migrations: Array<new () => MigrationInterface>;
}

export const DEFAULT_POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;

/** The schema comes only from committed migrations (run by migrateWithLock at start-up); never from synchronize. */
export function databaseOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    entities: db.entities,
    migrations: [MessagingTables1763900000000, ...db.migrations],
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // A failover can leave connections to a vanished server: keep-alive finds them, and a
    // connection attempt gives up instead of hanging, so readiness turns false and requests fail fast.
    extra: { max: db.poolSize ?? DEFAULT_POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true },
  };
}
