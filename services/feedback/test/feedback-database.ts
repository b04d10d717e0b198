import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { createTestDatabase, testInfrastructure } from '@openday/testing';
import { feedbackDatabase } from '../src/feedback.database';

export interface FeedbackTestDatabase {
  dataSource: DataSource;
  /** Closes the connections, drops the database and stops the test infrastructure. */
  stop: () => Promise<void>;
}

/**
 * A fresh database named `name` on the test PostgreSQL with the feedback service's tables and the
 * outbox, migrated, and a DataSource of `poolSize` connections to it.
 */
export async function feedbackTestDatabase(name: string, poolSize: number): Promise<FeedbackTestDatabase> {
  const infra = await testInfrastructure();
  const database = await createTestDatabase(infra.adminDatabaseUrl, name);
  let dataSource: DataSource | undefined;
  const stop = async () => {
    await dataSource?.destroy();
    await database.drop();
    await infra.stop();
  };
  try {
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      entities: feedbackDatabase.entities,
      migrations: [MessagingTables1763900000000, ...feedbackDatabase.migrations],
      migrationsRun: true,
      extra: { max: poolSize },
    }).initialize();
  } catch (error) {
    await stop();
    throw error;
  }
  return { dataSource, stop };
}
