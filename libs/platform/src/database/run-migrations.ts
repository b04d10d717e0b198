import { DataSource } from 'typeorm';
import { databaseOptions, type ServiceDatabase } from './database-options';

/** For the `migrate` command: apply pending migrations and report their names. */
export async function runMigrations(db: ServiceDatabase): Promise<string[]> {
  const dataSource = new DataSource({ ...databaseOptions(db), migrationsRun: false });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
