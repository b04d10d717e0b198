import { DataSource } from 'typeorm';
import { databaseOptions, type ServiceDatabase } from './database-options';

/** Any constant works; it only has to be the same in every replica of every service. */
const MIGRATION_LOCK_KEY = 0x6f70656e; // "open"

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so replicas
 * starting together migrate one after another instead of racing.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/** For the `migrate` command: apply pending migrations and report their names. */
export async function runMigrations(db: ServiceDatabase): Promise<string[]> {
  const dataSource = new DataSource(databaseOptions(db));
  await dataSource.initialize();
  try {
    return await migrateWithLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
