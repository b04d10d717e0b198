import { DataSource } from 'typeorm';
import { ApplicationSubmittedV1, type OpenDayPublishedV2 } from '@openday/contracts';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { randomUUID } from 'node:crypto';
import { vettingDatabase } from '../src/vetting.database';

/** A fresh database with vetting's tables (and the outbox and inbox), on the test PostgreSQL. */
export class VettingTestDatabase {
  private infra?: TestInfrastructure;
  private database?: TestDatabase;
  dataSource!: DataSource;

  async start(name: string, poolSize = 10): Promise<DataSource> {
    this.infra = await testInfrastructure();
    this.database = await createTestDatabase(this.infra.adminDatabaseUrl, name);
    this.dataSource = await new DataSource({
      type: 'postgres',
      url: this.database.url,
      migrations: [MessagingTables1763900000000, ...vettingDatabase.migrations],
      migrationsRun: true,
      extra: { max: poolSize },
    }).initialize();
    return this.dataSource;
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.database?.drop();
    await this.infra?.stop();
  }

  /** The data of the events of one type and open day vetting put in its outbox, in order. */
  async events<T>(type: string, openDayId: string): Promise<T[]> {
    const rows = (await this.dataSource.query(`SELECT payload FROM outbox WHERE event_type = $1 AND payload->'data'->>'openDayId' = $2 ORDER BY seq`, [
      type,
      openDayId,
    ])) as Array<{ payload: { data: T } }>;
    return rows.map((row) => row.payload.data);
  }
}

let people = 0;

/** A new person's application for the open day's first session: an ordinary citizen of gulou, 41 on the day, with a person key and arrival of their own. */
export function applicationFor(openDay: Pick<OpenDayPublishedV2, 'openDayId' | 'sessions'>, overrides: Partial<ApplicationSubmittedV1> = {}): ApplicationSubmittedV1 {
  people += 1;
  return {
    ...ApplicationSubmittedV1.contract.definition.example,
    applicationId: randomUUID(),
    personId: randomUUID(),
    openDayId: openDay.openDayId,
    sessionId: openDay.sessions[0].sessionId,
    channel: 'self',
    unit: null,
    personKey: people.toString(16).padStart(64, '0'),
    birthDate: '1985-06-01',
    ageOnEventDay: 41,
    category: 'ordinary-citizen',
    district: 'gulou',
    arrivalSequence: people,
    ...overrides,
  };
}
