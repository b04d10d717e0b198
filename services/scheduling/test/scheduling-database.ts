import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { schedulingDatabase } from '../src/scheduling.database';

/** A fresh database with scheduling's tables (and the outbox and inbox), on the test PostgreSQL. */
export class SchedulingTestDatabase {
  private infra?: TestInfrastructure;
  private database?: TestDatabase;
  dataSource!: DataSource;

  async start(name: string): Promise<DataSource> {
    this.infra = await testInfrastructure();
    this.database = await createTestDatabase(this.infra.adminDatabaseUrl, name);
    this.dataSource = await new DataSource({
      type: 'postgres',
      url: this.database.url,
      migrations: [MessagingTables1763900000000, ...schedulingDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    return this.dataSource;
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.database?.drop();
    await this.infra?.stop();
  }
}
