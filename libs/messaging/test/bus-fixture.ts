import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { OpenDayPublishedV1, type BusNamespace, type CloudEvent } from '@openday/contracts';
import {
  connectNats,
  EventConsumer,
  MessagingTables1763900000000,
  Outbox,
  OutboxRelay,
  provisionDeadLetterStream,
  provisionEventStream,
  type EventConsumerOptions,
  type EventHandler,
  type RedeliveryPolicy,
} from '../src';
import {
  createTestDatabase,
  deleteNamespaceStreams,
  testInfrastructure,
  testLogger,
  testNamespace,
  type TestDatabase,
  type TestInfrastructure,
} from '@openday/testing';

class HandledEvents1763900000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE handled (event_id text NOT NULL, handled_by text NOT NULL, at timestamptz DEFAULT now())`);
  }
  async down(): Promise<void> {}
}

/** Records every application, with no uniqueness, so a duplicate would show. */
export class RecordingHandler implements EventHandler {
  readonly consumes = [OpenDayPublishedV1.contract];
  failWith?: Error;
  constructor(
    readonly purpose: string,
    private readonly replica = 'r1',
  ) {}
  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (this.failWith) throw this.failWith;
    await manager.query('INSERT INTO handled (event_id, handled_by) VALUES ($1, $2)', [event.id, this.replica]);
  }
}

export function openDay(title = 'Water works'): OpenDayPublishedV1 {
  return {
    openDayId: crypto.randomUUID(),
    title,
    agencyId: 'water',
    date: '2026-12-01',
    publishedAt: new Date().toISOString(),
  };
}

export class BusFixture {
  infra: TestInfrastructure;
  database: TestDatabase;
  dataSource: DataSource;
  connection: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  namespace: BusNamespace = testNamespace();
  outbox: Outbox;
  logger = testLogger();
  private closers: Array<() => Promise<void>> = [];
  private running: EventConsumer[] = [];

  /** On the shared PostgreSQL, or on the one at adminDatabaseUrl (e.g. a cluster the test restarts). */
  async setUp(label: string, adminDatabaseUrl?: string): Promise<this> {
    this.infra = await testInfrastructure();
    this.database = await createTestDatabase(adminDatabaseUrl ?? this.infra.adminDatabaseUrl, label);
    this.dataSource = new DataSource({
      type: 'postgres',
      url: this.database.url,
      migrations: [MessagingTables1763900000000, HandledEvents1763900000001],
      migrationsRun: true,
    });
    await this.dataSource.initialize();
    this.connection = await connectNats(this.infra.natsUrl, `test-${label}`);
    this.js = jetstream(this.connection);
    this.jsm = await jetstreamManager(this.connection);
    await provisionEventStream(this.jsm, this.namespace, 'scheduling');
    await provisionDeadLetterStream(this.jsm, this.namespace);
    this.outbox = new Outbox(this.namespace);
    return this;
  }

  relay({ pollIntervalMs = 200 } = {}): OutboxRelay {
    const relay = new OutboxRelay({
      databaseUrl: this.database.url,
      jetstream: this.js,
      logger: this.logger,
      service: 'scheduling',
      pollIntervalMs,
    });
    this.closers.push(() => relay.stop().catch(() => undefined));
    return relay;
  }

  consumer(handler: EventHandler, redelivery?: RedeliveryPolicy, batching?: Pick<EventConsumerOptions, 'batchSize' | 'batchWaitMs' | 'ackWaitMs'>): EventConsumer {
    const consumer = new EventConsumer({
      service: 'registration',
      handler,
      namespace: this.namespace,
      dataSource: this.dataSource,
      jetstream: this.js,
      jetstreamManager: this.jsm,
      logger: this.logger,
      redelivery,
      ...batching,
    });
    this.running.push(consumer);
    return consumer;
  }

  /** Each test's consumers are separate durables; stop them so they do not write into the next test. */
  async stopConsumers(): Promise<void> {
    await Promise.all(this.running.map((c) => c.stop()));
    this.running = [];
  }

  async publishCommitted(count: number): Promise<string[]> {
    const ids: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < count; i++) {
        const data = openDay(`Open day ${i}`);
        ids.push(await this.outbox.add(manager, OpenDayPublishedV1.contract, data, { aggregateId: data.openDayId }));
      }
    });
    return ids;
  }

  /** New durables start from the first message; an empty stream keeps each test to its own events. */
  async purgeStreams(): Promise<void> {
    await this.jsm.streams.purge(this.namespace.eventStream('scheduling'));
    await this.jsm.streams.purge(this.namespace.deadLetterStream);
  }

  async streamMessageCount(): Promise<number> {
    const info = await this.jsm.streams.info(this.namespace.eventStream('scheduling'));
    return info.state.messages;
  }

  async deadLetterCount(): Promise<number> {
    const info = await this.jsm.streams.info(this.namespace.deadLetterStream);
    return info.state.messages;
  }

  async handledCount(): Promise<number> {
    const rows = await this.dataSource.query('SELECT count(*)::int AS n FROM handled');
    return rows[0].n;
  }

  async tearDown(): Promise<void> {
    await this.stopConsumers();
    for (const close of this.closers.reverse()) await close();
    await deleteNamespaceStreams(this.connection, this.namespace).catch(() => undefined);
    await this.connection.drain();
    await this.dataSource.destroy();
    await this.database.drop();
    await this.infra.stop();
  }
}
