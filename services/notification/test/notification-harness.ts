import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { ContactDetailsRecordedV1, type CloudEvent, type EventContract } from '@openday/contracts';
import { connectNats } from '@openday/messaging';
import { contactOf, createTestDatabase, deleteNamespaceStreams, freePort, publishEvent, ServiceProcess, SmsCaptureServer, SmtpCapture, type TestDatabase, testInfrastructure, type TestInfrastructure, testNamespace, type TestPerson, waitFor } from '@openday/testing';

export interface HarnessOptions {
  database: string;
  replicas: number;
  /** The service's clock (NOTIFICATION_TEST_NOW). */
  now: string;
  maxAttempts?: number;
}

type DeliveryRow = { channel: string; status: string; attempts: number; lastAnswer: string };

/**
 * The notification service as it runs: replicas (processes from dist/) on one database and one
 * bus namespace, a real HTTP SMS provider (the capture endpoint) and a real SMTP server on
 * loopback; events published onto JetStream as their producers would.
 */
export class NotificationHarness {
  readonly namespace = testNamespace();
  readonly replicas: ServiceProcess[] = [];
  infra!: TestInfrastructure;
  database!: TestDatabase;
  db!: Client;
  nats!: NatsConnection;
  js!: JetStreamClient;
  sms!: SmsCaptureServer;
  smtp!: SmtpCapture;

  constructor(private readonly options: HarnessOptions) {}

  async start(): Promise<void> {
    this.infra = await testInfrastructure();
    this.database = await createTestDatabase(this.infra.adminDatabaseUrl, this.options.database);
    this.sms = await new SmsCaptureServer({ port: 0 }).start();
    this.smtp = await new SmtpCapture().start();
    for (let i = 0; i < this.options.replicas; i += 1) {
      this.replicas.push(
        new ServiceProcess({
          service: 'notification',
          port: await freePort(),
          env: {
            NODE_ENV: 'test',
            NOTIFICATION_TEST_NOW: this.options.now,
            DATABASE_URL: this.database.url,
            NATS_URL: this.infra.natsUrl,
            BUS_NAMESPACE: this.namespace.root,
            LOG_LEVEL: 'warn',
            SMS_PROVIDER_URL: this.sms.url,
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: String(this.smtp.port),
            DELIVERY_MAX_ATTEMPTS: String(this.options.maxAttempts ?? 3),
            DELIVERY_RETRY_BASE_MS: '100',
            DELIVERY_POLL_MS: '100',
          },
        }),
      );
    }
    // One first, so the migrations and streams exist; then the others join.
    for (const replica of this.replicas) await replica.start({ readyTimeoutMs: 45_000 });
    this.db = new Client({ connectionString: this.database.url });
    await this.db.connect();
    this.nats = await connectNats(this.infra.natsUrl, 'notification-test');
    this.js = jetstream(this.nats);
  }

  async stop(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.stop()));
    await this.db?.end();
    if (this.nats) {
      await deleteNamespaceStreams(this.nats, this.namespace).catch(() => undefined);
      await this.nats.drain();
    }
    await this.sms?.stop();
    await this.smtp?.stop();
    await this.database?.drop();
    await this.infra?.stop();
  }

  publish<T>(contract: EventContract<T>, data: T): Promise<CloudEvent<T>> {
    return publishEvent(this.js, this.namespace, contract, data);
  }

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }

  async contactKnown(person: TestPerson, openDayId: string): Promise<void> {
    await this.publish(ContactDetailsRecordedV1.contract, contactOf(person, openDayId));
    await waitFor(async () => (await this.rows(`SELECT 1 FROM notification_contacts WHERE person_id = $1`, [person.personId])).length === 1, {
      what: 'the contact details to be recorded',
    });
  }

  /** Waits until every delivery of the template to the person is done (sent or failed); answers them by channel. */
  async settled(template: string, recipientId: string, channels: number): Promise<Record<string, DeliveryRow>> {
    const done = await waitFor(
      async () => {
        const found = await this.rows<DeliveryRow>(
          `SELECT channel, status, attempts, last_answer AS "lastAnswer" FROM notification_deliveries WHERE template = $1 AND recipient_id = $2`,
          [template, recipientId],
        );
        return found.length === channels && found.every((d) => d.status !== 'pending') && found;
      },
      { timeoutMs: 30_000, what: `${template} to ${recipientId} on ${channels} channels` },
    );
    return Object.fromEntries(done.map((d) => [d.channel, d]));
  }

  async inboxOf(owner: string): Promise<Array<{ template: string; title: string; body: string }>> {
    return this.rows(`SELECT template, title, body FROM notification_inbox WHERE owner_id = $1 ORDER BY received_at`, [owner]);
  }
}
