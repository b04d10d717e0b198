import type { DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';

export interface ServiceDatabase {
  url: string;
  entities: Array<(new () => object) | EntitySchema>;
  migrations: Array<new () => MigrationInterface>;
}

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
    extra: { max: 10 },
  };
}
