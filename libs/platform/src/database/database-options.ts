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
    extra: { max: db.poolSize ?? DEFAULT_POOL_SIZE },
  };
}
