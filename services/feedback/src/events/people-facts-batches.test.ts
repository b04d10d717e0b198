import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { ApplicationSubmittedV1, TicketIssuedV1 } from '@openday/contracts';
import { connectNats, DeadLetterHeaders, EventConsumer, provisionDeadLetterStream, provisionEventStream, type EventBus, type EventHandler } from '@openday/messaging';
import { countingStatements, deleteNamespaceStreams, publishEvent, republish, testInfrastructure, testLogger, testNamespace, waitFor, type BatchCost, type TestInfrastructure } from '@openday/testing';
import { feedbackTestDatabase, type FeedbackTestDatabase } from '../../test/feedback-database';
import { ApplicationsSubscriber, TicketIssuedSubscriber } from './subscribers';

/**
 * Feedback's consumers of the events about people (tickets, applications) on the real NATS and
 * PostgreSQL: a batch is a fixed number of statements whatever its size, an event twice in a
 * batch counts once, and an event that fails is tried alone and dead-lettered while the rest of
 * its batch is stored.
 */
describe("feedback takes people's facts a batch at a time (real PostgreSQL and NATS)", () => {
  const namespace = testNamespace();
  const openDayId = randomUUID();
  let database: FeedbackTestDatabase;
  let dataSource: DataSource;
  let infra: TestInfrastructure;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let running: EventConsumer | undefined;

  beforeAll(async () => {
    database = await feedbackTestDatabase('feedback_people_batches', 5);
    dataSource = database.dataSource;
    infra = await testInfrastructure();
    connection = await connectNats(infra.natsUrl, 'feedback-batches-test');
    js = jetstream(connection);
    jsm = await jetstreamManager(connection);
    for (const producer of ['scheduling', 'registration']) await provisionEventStream(jsm, namespace, producer);
    await provisionDeadLetterStream(jsm, namespace);
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
    await deleteNamespaceStreams(connection, namespace).catch(() => undefined);
    await connection.drain();
    await infra.stop();
    await database.stop();
  });

  /** Starts the handler's consumer on what is on its stream already (full batches), counting each batch's statements; a failed event is tried twice. */
  async function consume(handler: EventHandler, costs: BatchCost[]): Promise<EventConsumer> {
    countingStatements(handler, costs);
    running = new EventConsumer({
      service: 'feedback',
      handler,
      namespace,
      dataSource,
      jetstream: js,
      jetstreamManager: jsm,
      logger: testLogger(),
      redelivery: { maxDeliver: 2, backoffMs: [100] },
    });
    await running.start();
    return running;
  }

  async function stop(): Promise<void> {
    await running?.stop();
    running = undefined;
  }

  it('stores one row per ticket, in three statements per batch, when a batch holds tickets twice', async () => {
    const tickets = Array.from({ length: 30 }, (): TicketIssuedV1 => ({ ...TicketIssuedV1.contract.definition.example, ticketId: randomUUID(), personId: randomUUID(), openDayId }));
    const events = await Promise.all(tickets.map((data) => publishEvent(js, namespace, TicketIssuedV1.contract, data)));
    await Promise.all(events.slice(0, 5).map((event) => republish(js, namespace, TicketIssuedV1.contract, event)));
    const costs: BatchCost[] = [];

    const { name } = await consume(new TicketIssuedSubscriber(undefined as unknown as EventBus), costs);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(namespace.eventStream('scheduling', 'internal'), name);
        return info.num_pending + info.num_ack_pending === 0;
      },
      { what: 'the consumer to take every ticket' },
    );
    await stop();

    const rows = (await dataSource.query(`SELECT ticket_id AS "ticketId", issued FROM fb_tickets WHERE open_day_id = $1`, [openDayId])) as Array<{ ticketId: string; issued: boolean }>;
    expect(rows.map((row) => row.ticketId).sort()).toEqual(tickets.map((t) => t.ticketId).sort());
    expect(rows.every((row) => row.issued)).toBe(true);
    expect(await dataSource.query(`SELECT id FROM fb_open_days WHERE id = $1`, [openDayId])).toHaveLength(1);
    expect(costs.every((c) => !c.failed && c.statements === 3)).toBe(true);
    expect(Math.max(...costs.map((c) => c.events))).toBeGreaterThan(10);
  }, 60_000);

  it('dead-letters the one application whose statement fails and counts the rest of its batch', async () => {
    const people = Array.from({ length: 20 }, () => randomUUID());
    const poisoned = people[7];
    await dataSource.query(`
      CREATE FUNCTION refuse_poisoned_application() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.person_id = '${poisoned}' THEN RAISE EXCEPTION 'application refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await dataSource.query(`CREATE TRIGGER refuse_poisoned_application BEFORE INSERT ON fb_applications FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_application()`);
    try {
      const events = await Promise.all(
        people.map((personId) => publishEvent(js, namespace, ApplicationSubmittedV1.contract, { ...ApplicationSubmittedV1.contract.definition.example, personId, openDayId })),
      );
      const costs: BatchCost[] = [];

      const { name } = await consume(new ApplicationsSubscriber(undefined as unknown as EventBus), costs);
      const deadLetter = await waitFor(
        async () => (await jsm.streams.getMessage(namespace.deadLetterStream, { last_by_subj: namespace.deadLetterSubject(name) }).catch(() => null)) ?? undefined,
        { timeoutMs: 30_000, what: 'the poisoned application in the dead-letter stream' },
      );
      const counted = async () => ((await dataSource.query(`SELECT person_id AS "personId" FROM fb_applications WHERE open_day_id = $1`, [openDayId])) as Array<{ personId: string }>).map((r) => r.personId).sort();
      await waitFor(async () => (await counted()).length === people.length - 1, { what: 'everyone else counted' });
      await stop();

      expect(JSON.parse(deadLetter.string()).id).toBe(events[7].id);
      expect(deadLetter.header.get(DeadLetterHeaders.reason)).toContain('application refused for the test');
      expect(await counted()).toEqual(people.filter((p) => p !== poisoned).sort());
      expect(costs[0]).toMatchObject({ events: people.length, failed: true });
    } finally {
      await dataSource.query(`DROP TRIGGER refuse_poisoned_application ON fb_applications`);
    }
  }, 60_000);
});
