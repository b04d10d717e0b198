import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import {
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationSubmittedV1,
  ContactDetailsRecordedV1,
  OpenDayPublishedV2,
  TicketIssuedV2,
  type CloudEvent,
  type EventContract,
} from '@openday/contracts';
import { connectNats, DeadLetterHeaders, EventConsumer, Outbox, provisionDeadLetterStream, provisionEventStream, type EventBus, type EventHandler } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { countingStatements, deleteNamespaceStreams, publishEvent, republish, testInfrastructure, testLogger, testNamespace, waitFor, type BatchCost, type TestInfrastructure } from '@openday/testing';
import { SchedulingTestDatabase } from '../../test/scheduling-database';
import { AdmissionApplicantsSubscriber, AdmissionSelectionsSubscriber } from './admission-events.subscribers';
import { AdmissionService } from './admission.service';

/** What one batch cost: its events and the statements of its transaction (the consumer's inbox insert included). */
/**
 * Admission's consumers of the people's events (registration's submissions and applying
 * accounts, vetting's decisions) on the real NATS and PostgreSQL: a batch is applied in one
 * transaction with a fixed number of statements whatever its size, an event twice in a batch
 * has one effect, a person's events keep their order, and an event that fails is tried alone
 * and dead-lettered while the rest of its batch is applied.
 */
describe('admission takes its people a batch at a time (real PostgreSQL and NATS)', () => {
  const database = new SchedulingTestDatabase();
  const namespace = testNamespace();
  const admission = new AdmissionService(new Outbox(namespace), new ManualClock(new Date('2026-11-20T10:00:00+08:00')));
  const openDay: OpenDayPublishedV2 = { ...OpenDayPublishedV2.contract.definition.example, openDayId: randomUUID(), planId: randomUUID() };
  const sessionId = randomUUID();
  openDay.sessions = [{ ...openDay.sessions[0], sessionId }];
  let dataSource: DataSource;
  let infra: TestInfrastructure;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let running: EventConsumer[] = [];

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    dataSource = await database.start('scheduling_admission_batches');
    infra = await testInfrastructure();
    connection = await connectNats(infra.natsUrl, 'scheduling-batches-test');
    js = jetstream(connection);
    jsm = await jetstreamManager(connection);
    for (const producer of ['registration', 'vetting']) await provisionEventStream(jsm, namespace, producer);
    await provisionDeadLetterStream(jsm, namespace);
    await dataSource.transaction((manager) => admission.openDayPublished(manager, openDay));
  }, 60_000);

  afterAll(async () => {
    await stopConsumers();
    await deleteNamespaceStreams(connection, namespace).catch(() => undefined);
    await connection.drain();
    await infra.stop();
    await database.stop();
  });

  const bus = undefined as unknown as EventBus;
  const applicants = (costs: BatchCost[] = []) => countingStatements(new AdmissionApplicantsSubscriber(bus, admission), costs);
  const selections = (costs: BatchCost[] = []) => countingStatements(new AdmissionSelectionsSubscriber(bus, admission), costs);

  /** Starts the handlers' consumers on what is already on the streams, so they take it in full batches; a failed event is tried twice. */
  async function consume(...handlers: EventHandler[]): Promise<EventConsumer[]> {
    const consumers = handlers.map(
      (handler) =>
        new EventConsumer({
          service: 'scheduling',
          handler,
          namespace,
          dataSource,
          jetstream: js,
          jetstreamManager: jsm,
          logger: testLogger(),
          redelivery: { maxDeliver: 2, backoffMs: [100] },
        }),
    );
    for (const consumer of consumers) await consumer.start();
    running = [...running, ...consumers];
    return consumers;
  }

  async function stopConsumers(): Promise<void> {
    for (const consumer of running) await consumer.stop();
    running = [];
  }

  /** Waits until the consumers have taken (and acknowledged) every event on their streams. */
  async function drained(consumers: EventConsumer[], handlers: EventHandler[]): Promise<void> {
    await waitFor(
      async () => {
        const infos = await Promise.all(
          handlers.map(({ consumes: [{ definition }] }, i) => jsm.consumers.info(namespace.eventStream(definition.service, definition.visibility), consumers[i].name)),
        );
        return infos.every((info) => info.num_pending + info.num_ack_pending === 0);
      },
      { timeoutMs: 30_000, what: 'the consumers to take every event' },
    );
  }

  const publish = <T>(contract: EventContract<T>, data: T): Promise<CloudEvent<T>> => publishEvent(js, namespace, contract, data);

  function person() {
    const ref = { applicationId: randomUUID(), personId: randomUUID(), openDayId: openDay.openDayId };
    return {
      ...ref,
      submitted: { ...ApplicationSubmittedV1.contract.definition.example, ...ref, sessionId },
      contact: { ...ContactDetailsRecordedV1.contract.definition.example, ...ref, applicantUserId: randomUUID() },
      selected: { ...ApplicationSelectedV1.contract.definition.example, ...ref, sessionId, promotion: null },
      rejected: { ...ApplicationRejectedV1.contract.definition.example, ...ref, sessionId },
    };
  }
  type Person = ReturnType<typeof person>;

  const ticketsOf = (people: Person[]) =>
    dataSource.query(`SELECT person_id AS "personId", status, revocation_reason AS "revocationReason" FROM tickets WHERE person_id = ANY($1::uuid[])`, [
      people.map((p) => p.personId),
    ]) as Promise<Array<{ personId: string; status: string; revocationReason: string | null }>>;

  it('issues one ticket per person, with a fixed number of statements per batch, when a batch holds events twice', async () => {
    const people = Array.from({ length: 40 }, person);
    const events = await Promise.all(people.map(async (p) => ({ submitted: await publish(ApplicationSubmittedV1.contract, p.submitted), selected: await publish(ApplicationSelectedV1.contract, p.selected) })));
    await Promise.all(people.map((p) => publish(ContactDetailsRecordedV1.contract, p.contact)));
    await Promise.all(
      events.slice(0, 5).flatMap(({ submitted, selected }) => [
        republish(js, namespace, ApplicationSubmittedV1.contract, submitted),
        republish(js, namespace, ApplicationSelectedV1.contract, selected),
      ]),
    );
    const costs: BatchCost[] = [];

    const handlers = [applicants(costs), selections(costs)];
    await drained(await consume(...handlers), handlers);
    await stopConsumers();

    const tickets = await ticketsOf(people);
    expect(tickets.map((t) => t.personId).sort()).toEqual(people.map((p) => p.personId).sort());
    expect(tickets.every((t) => t.status === 'issued')).toBe(true);
    const [{ issuedEvents }] = await dataSource.query(`SELECT count(*)::int AS "issuedEvents" FROM outbox WHERE event_type = $1 AND payload->'data'->>'personId' = ANY($2::text[])`, [
      TicketIssuedV2.contract.type,
      people.map((p) => p.personId),
    ]);
    expect(issuedEvents).toBe(people.length);
    // Events of 40 people came in a few batches, none costing more than the fixed handful.
    expect(costs.every((c) => !c.failed)).toBe(true);
    expect(Math.max(...costs.map((c) => c.events))).toBeGreaterThan(10);
    expect(Math.max(...costs.map((c) => c.statements))).toBeLessThanOrEqual(7);
  }, 60_000);

  it("keeps each person's decisions in stream order within a batch", async () => {
    const [selectedThenRejected, rejectedThenSelected] = [person(), person()];
    for (const p of [selectedThenRejected, rejectedThenSelected]) {
      await publish(ApplicationSubmittedV1.contract, p.submitted);
      await publish(ContactDetailsRecordedV1.contract, p.contact);
    }
    await publish(ApplicationSelectedV1.contract, selectedThenRejected.selected);
    await publish(ApplicationRejectedV1.contract, rejectedThenSelected.rejected);
    await publish(ApplicationRejectedV1.contract, selectedThenRejected.rejected);
    await publish(ApplicationSelectedV1.contract, rejectedThenSelected.selected);
    const costs: BatchCost[] = [];

    const handlers = [applicants(), selections(costs)];
    await drained(await consume(...handlers), handlers);
    await stopConsumers();

    expect(costs).toEqual([{ events: 4, statements: expect.any(Number), failed: false }]);
    const tickets = await ticketsOf([selectedThenRejected, rejectedThenSelected]);
    expect(tickets.find((t) => t.personId === selectedThenRejected.personId)).toMatchObject({ status: 'revoked', revocationReason: 'application-rejected' });
    expect(tickets.find((t) => t.personId === rejectedThenSelected.personId)).toMatchObject({ status: 'issued' });
  }, 60_000);

  it('dead-letters the one event whose statement fails and applies the rest of its batch', async () => {
    const people = Array.from({ length: 20 }, person);
    const poisoned = people[7];
    // A fault no schema catches: the submission of one person cannot be stored.
    await dataSource.query(`
      CREATE FUNCTION refuse_poisoned_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.person_id = '${poisoned.personId}' THEN RAISE EXCEPTION 'person refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await dataSource.query(`CREATE TRIGGER refuse_poisoned_person BEFORE INSERT ON admission_people FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_person()`);
    try {
      const submitted = await Promise.all(people.map((p) => publish(ApplicationSubmittedV1.contract, p.submitted)));
      const costs: BatchCost[] = [];

      const [consumer] = await consume(applicants(costs));
      const deadLetter = await waitFor(
        async () => (await jsm.streams.getMessage(namespace.deadLetterStream, { last_by_subj: namespace.deadLetterSubject(consumer.name) }).catch(() => null)) ?? undefined,
        { timeoutMs: 30_000, what: 'the poisoned submission in the dead-letter stream' },
      );
      const others = people.filter((p) => p !== poisoned).map((p) => p.personId);
      const storedOthers = async () =>
        ((await dataSource.query(`SELECT person_id AS "personId" FROM admission_people WHERE person_id = ANY($1::uuid[])`, [people.map((p) => p.personId)])) as Array<{ personId: string }>)
          .map((row) => row.personId)
          .sort();
      await waitFor(async () => (await storedOthers()).length === others.length, { what: "everyone else's submission stored" });
      await stopConsumers();

      expect(JSON.parse(deadLetter.string()).id).toBe(submitted[7].id);
      expect(deadLetter.header.get(DeadLetterHeaders.reason)).toContain('person refused for the test');
      expect(await storedOthers()).toEqual(others.sort());
      // It came in a batch with the others, which failed as a whole before each was tried alone.
      expect(costs[0]).toMatchObject({ events: people.length, failed: true });
    } finally {
      await dataSource.query(`DROP TRIGGER refuse_poisoned_person ON admission_people`);
    }
  }, 60_000);
});
