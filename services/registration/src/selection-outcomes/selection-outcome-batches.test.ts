import { randomBytes, randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ApplicationSelectedV1, ApplicationWaitlistedV1, OpenDayPublishedV2, type CloudEvent, type EventContract } from '@openday/contracts';
import {
  connectNats,
  DeadLetterHeaders,
  EventConsumer,
  MessagingTables1763900000000,
  provisionDeadLetterStream,
  provisionEventStream,
  type EventBus,
} from '@openday/messaging';
import {
  createTestDatabase,
  deleteNamespaceStreams,
  publishEvent,
  republish,
  testInfrastructure,
  testLogger,
  testNamespace,
  waitFor,
  type TestDatabase,
  type TestInfrastructure,
  countingStatements,
  type BatchCost,
} from '@openday/testing';
import { registrationDatabase } from '../registration.database';
import { OpenDayPublishedSubscriber } from '../published-open-days/open-day-published.subscriber';
import { SelectionOutcomeSubscriber } from './selection-outcome.subscriber';

/** Stands for ciphertext: the columns only take the encrypted form, and this test reads none of them. */
const SEALED = 'v1:aXY:dGFn:Y2lwaGVy';

/**
 * Vetting's decisions arrive many at a time and registration keeps each person's outcome a
 * batch per transaction, in one statement whatever its size (real PostgreSQL and NATS): a later
 * decision wins within a batch as across batches, an event twice changes nothing more, and an
 * event that fails is tried alone and dead-lettered while the rest of its batch is stored.
 */
describe('selection outcomes taken a batch at a time (real PostgreSQL and NATS)', () => {
  const namespace = testNamespace();
  const openDay: OpenDayPublishedV2 = { ...OpenDayPublishedV2.contract.definition.example, openDayId: randomUUID(), planId: randomUUID() };
  const { sessionId } = openDay.sessions[0];
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let consumer: EventConsumer | undefined;
  /** Events and statements (the consumer's inbox insert included) of each batch handed to handleBatch. */
  let batches: BatchCost[] = [];

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'registration_outcome_batches');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: [MessagingTables1763900000000, ...registrationDatabase.migrations], migrationsRun: true }).initialize();
    connection = await connectNats(infra.natsUrl, 'registration-outcomes-test');
    js = jetstream(connection);
    jsm = await jetstreamManager(connection);
    await provisionEventStream(jsm, namespace, 'vetting');
    await provisionDeadLetterStream(jsm, namespace);
    const published = OpenDayPublishedV2.contract.create(openDay, { subject: openDay.openDayId });
    await dataSource.transaction((manager) => new OpenDayPublishedSubscriber(undefined as unknown as EventBus).handle(published, manager));
  }, 60_000);

  afterAll(async () => {
    await consumer?.stop();
    await deleteNamespaceStreams(connection, namespace).catch(() => undefined);
    await connection.drain();
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  /** People who applied, one application each, stored as submission stores them (with stand-in ciphertext). */
  async function applicants(count: number): Promise<Array<{ personId: string; applicationId: string }>> {
    const people = Array.from({ length: count }, () => ({ personId: randomUUID(), applicationId: randomUUID() }));
    await dataSource.query(
      `INSERT INTO applications (id, open_day_id, session_id, session_date, channel, applicant_user_id, submitted_at)
       SELECT id, $2, $3, $4, 'self', gen_random_uuid(), now() FROM unnest($1::uuid[]) AS a(id)`,
      [people.map((p) => p.applicationId), openDay.openDayId, sessionId, openDay.sessions[0].date],
    );
    await dataSource.query(
      `INSERT INTO application_people (id, application_id, open_day_id, position, person_key, mobile_key, name, id_number, mobile, category, district, privacy_consent_at)
       SELECT id, application_id, $3, 1, key, key, $4, $4, $4, 'ordinary-citizen', 'gulou', now()
         FROM unnest($1::uuid[], $2::uuid[], $5::text[]) AS p(id, application_id, key)`,
      [people.map((p) => p.personId), people.map((p) => p.applicationId), openDay.openDayId, SEALED, people.map(() => randomBytes(32).toString('hex'))],
    );
    return people;
  }

  const publish = <T>(contract: EventContract<T>, data: T): Promise<CloudEvent<T>> => publishEvent(js, namespace, contract, data);
  const selected = (person: { personId: string; applicationId: string }, selectedAt: string): ApplicationSelectedV1 => ({
    ...ApplicationSelectedV1.contract.definition.example,
    ...person,
    openDayId: openDay.openDayId,
    sessionId,
    selectedAt,
  });
  const waitlisted = (person: { personId: string; applicationId: string }, waitlistedAt: string, position: number): ApplicationWaitlistedV1 => ({
    ...ApplicationWaitlistedV1.contract.definition.example,
    ...person,
    openDayId: openDay.openDayId,
    sessionId,
    waitlistedAt,
    position,
  });

  /** Starts the consumer on what is on the stream already, so it takes it in full batches, counting each batch's statements; a failed event is tried twice. */
  async function consume(): Promise<EventConsumer> {
    batches = [];
    const handler = countingStatements(new SelectionOutcomeSubscriber(undefined as unknown as EventBus), batches);
    consumer = new EventConsumer({
      service: 'registration',
      handler,
      namespace,
      dataSource,
      jetstream: js,
      jetstreamManager: jsm,
      logger: testLogger(),
      redelivery: { maxDeliver: 2, backoffMs: [100] },
    });
    await consumer.start();
    return consumer;
  }

  const outcomes = async (people: Array<{ personId: string }>) =>
    new Map(
      (
        (await dataSource.query(`SELECT id, selection_outcome AS outcome, waitlist_position AS position FROM application_people WHERE id = ANY($1::uuid[])`, [
          people.map((p) => p.personId),
        ])) as Array<{ id: string; outcome: string; position: number | null }>
      ).map((row) => [row.id, { outcome: row.outcome, position: row.position }]),
    );

  it("keeps each person's latest decision, in one statement per batch, when a batch holds events twice and decisions out of order", async () => {
    const people = await applicants(30);
    const [promoted, lateWaitlisting, ...others] = people;
    // Promoted: waitlisted, then selected from the list. Late: the waitlisting made before the selection arrives after it.
    await publish(ApplicationWaitlistedV1.contract, waitlisted(promoted, '2026-11-21T02:00:00.000Z', 3));
    await publish(ApplicationSelectedV1.contract, selected(promoted, '2026-11-22T02:00:00.000Z'));
    await publish(ApplicationSelectedV1.contract, selected(lateWaitlisting, '2026-11-22T02:00:00.000Z'));
    await publish(ApplicationWaitlistedV1.contract, waitlisted(lateWaitlisting, '2026-11-21T02:00:00.000Z', 4));
    const events = await Promise.all(others.map((person, i) => publish(ApplicationWaitlistedV1.contract, waitlisted(person, '2026-11-21T02:00:00.000Z', 10 + i))));
    await Promise.all(events.slice(0, 5).map((event) => republish(js, namespace, ApplicationWaitlistedV1.contract, event)));

    const { name } = await consume();
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(namespace.eventStream('vetting', 'public'), name);
        return info.num_pending + info.num_ack_pending === 0;
      },
      { what: 'the consumer to take every event' },
    );
    await consumer!.stop();
    consumer = undefined;

    const stored = await outcomes(people);
    expect(stored.get(promoted.personId)).toEqual({ outcome: 'selected', position: null });
    expect(stored.get(lateWaitlisting.personId)).toEqual({ outcome: 'selected', position: null });
    expect(others.map((person) => stored.get(person.personId))).toEqual(others.map((_, i) => ({ outcome: 'waitlisted', position: 10 + i })));
    expect(batches.every((b) => !b.failed && b.statements === 2)).toBe(true);
    expect(Math.max(...batches.map((b) => b.events))).toBeGreaterThan(10);
  }, 60_000);

  it('dead-letters the one event whose statement fails and stores the rest of its batch', async () => {
    const people = await applicants(20);
    const poisoned = people[7];
    // A fault no schema catches: the outcome of one person cannot be stored.
    await dataSource.query(`
      CREATE FUNCTION refuse_poisoned_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id = '${poisoned.personId}' THEN RAISE EXCEPTION 'outcome refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await dataSource.query(`CREATE TRIGGER refuse_poisoned_outcome BEFORE UPDATE ON application_people FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_outcome()`);
    try {
      const events = await Promise.all(people.map((person) => publish(ApplicationSelectedV1.contract, selected(person, '2026-11-22T02:00:00.000Z'))));
      const others = people.filter((person) => person !== poisoned);

      const { name } = await consume();
      const deadLetter = await waitFor(
        async () => (await jsm.streams.getMessage(namespace.deadLetterStream, { last_by_subj: namespace.deadLetterSubject(name) }).catch(() => null)) ?? undefined,
        { timeoutMs: 30_000, what: 'the poisoned decision in the dead-letter stream' },
      );
      await waitFor(async () => [...(await outcomes(others)).values()].every((o) => o.outcome === 'selected'), { what: 'everyone else selected' });
      await consumer!.stop();
      consumer = undefined;

      expect(JSON.parse(deadLetter.string()).id).toBe(events[7].id);
      expect(deadLetter.header.get(DeadLetterHeaders.reason)).toContain('outcome refused for the test');
      expect((await outcomes([poisoned])).get(poisoned.personId)).toEqual({ outcome: 'pending', position: null });
      // It came in a batch with the others, which failed as a whole before each was tried alone.
      expect(batches[0]).toMatchObject({ events: people.length, failed: true });
    } finally {
      await dataSource.query(`DROP TRIGGER refuse_poisoned_outcome ON application_people`);
    }
  }, 60_000);
});
