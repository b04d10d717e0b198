import type { EntityManager } from 'typeorm';
import { OpenDayPublishedV1, type CloudEvent } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { busMetrics, DeadLetterStore, type BatchedEvent } from '../src';
import { BusFixture, openDay, RecordingHandler } from './bus-fixture';

const fastRetries = { maxDeliver: 3, backoffMs: [50, 100] };
/** Long enough that every event already in the stream joins the first batch. */
const gatherAll = { batchSize: 50, batchWaitMs: 300 };

/** Fails on the events it is told to, like a handler meeting a row it cannot take. */
class PoisonedHandler extends RecordingHandler {
  constructor(
    purpose: string,
    private readonly poisonIds: Set<string>,
  ) {
    super(purpose);
  }
  override async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (this.poisonIds.has(event.id)) throw new Error(`cannot take ${event.id}`);
    await super.handle(event, manager);
  }
}

/** Takes a batch at once, and says how it was called. */
class BatchingHandler extends RecordingHandler {
  batches: string[][] = [];
  async handleBatch(events: readonly BatchedEvent[], manager: EntityManager): Promise<void> {
    this.batches.push(events.map(({ event }) => event.id));
    for (const { event } of events) await super.handle(event, manager);
  }
}

describe('durable consumers applying batches', () => {
  const bus = new BusFixture();
  const subject = () => OpenDayPublishedV1.contract.subjectIn(bus.namespace);
  beforeAll(async () => {
    await bus.setUp('consumer_batches');
    // Which transaction applied each event, and in what order.
    await bus.dataSource.query(`ALTER TABLE handled ADD COLUMN tx bigint DEFAULT txid_current(), ADD COLUMN position bigserial`);
  });
  afterAll(() => bus.tearDown());
  beforeEach(async () => {
    await bus.purgeStreams();
    await bus.dataSource.query('TRUNCATE handled');
  });
  afterEach(() => bus.stopConsumers());

  async function handled(): Promise<Array<{ eventId: string; tx: string }>> {
    return bus.dataSource.query(`SELECT event_id AS "eventId", tx FROM handled ORDER BY position`);
  }

  async function publish(events: CloudEvent[], copy = 'first'): Promise<void> {
    // Distinct message ids get past the stream's de-duplication, as a redelivery after the window would.
    for (const event of events) await bus.js.publish(subject(), JSON.stringify(event), { msgID: `${event.id}-${copy}` });
  }

  const newEvents = (n: number) => Array.from({ length: n }, (_, i) => OpenDayPublishedV1.contract.create(openDay(`Day ${i}`), { subject: `od-${i}` }));

  async function consumedCount(consumer: string, outcome: string): Promise<number> {
    const { values } = await busMetrics.consumed.get();
    return values.find((v) => v.labels.consumer === consumer && v.labels.outcome === outcome)?.value ?? 0;
  }

  it('applies the events waiting in the stream in one transaction, in stream order, with their inbox rows', async () => {
    const events = newEvents(30);
    await publish(events);
    const consumer = bus.consumer(new RecordingHandler('one-transaction'), undefined, gatherAll);
    await consumer.start();

    const rows = await waitFor(async () => {
      const now = await handled();
      return now.length === 30 ? now : undefined;
    }, { what: '30 handled' });
    expect(rows.map((r) => r.eventId)).toEqual(events.map((e) => e.id));
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    const inbox: Array<{ n: number }> = await bus.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1`, [consumer.name]);
    expect(inbox[0].n).toBe(30);
    await waitFor(async () => (await consumedCount(consumer.name, 'processed')) === 30, { what: '30 counted as processed' });
  });

  it('hands a handler that takes batches the new events at once', async () => {
    const events = newEvents(12);
    await publish(events);
    const handler = new BatchingHandler('whole-batch');
    await bus.consumer(handler, undefined, gatherAll).start();

    await waitFor(async () => (await handled()).length === 12, { what: '12 handled' });
    expect(handler.batches).toEqual([events.map((e) => e.id)]);
  });

  it('dead-letters a poison event of a batch while its neighbours are applied once', async () => {
    const events = newEvents(10);
    const poison = events[4];
    await publish(events);
    const consumer = bus.consumer(new PoisonedHandler('poisoned-batch', new Set([poison.id])), fastRetries, gatherAll);
    await consumer.start();

    const store = new DeadLetterStore(bus.js, bus.jsm, bus.namespace);
    const letter = await waitFor(async () => (await store.list()).find((l) => l.eventId === poison.id), { what: 'dead letter' });
    expect(letter.reason).toContain(`cannot take ${poison.id}`);
    expect(letter.deliveries).toBe(fastRetries.maxDeliver);
    const rows = await handled();
    expect(rows.map((r) => r.eventId)).toEqual(events.filter((e) => e !== poison).map((e) => e.id));
    const inbox: Array<{ event_id: string }> = await bus.dataSource.query(`SELECT event_id FROM inbox WHERE consumer = $1`, [consumer.name]);
    expect(inbox.map((r) => r.event_id)).not.toContain(poison.id);
    expect(inbox).toHaveLength(9);
  });

  it('ignores redelivered events, in the same batch or a later one, and applies the new ones beside them', async () => {
    const events = newEvents(5);
    await publish(events);
    await publish(events.slice(0, 2), 'copy-in-the-same-batch');
    const consumer = bus.consumer(new RecordingHandler('redelivered'), undefined, gatherAll);
    await consumer.start();
    await waitFor(async () => (await handled()).length === 5, { what: '5 handled' });

    const late = newEvents(1);
    await publish(events, 'redelivered-later');
    await publish(late);
    await waitFor(async () => (await handled()).some((r) => r.eventId === late[0].id), { what: 'the new event beside the copies' });
    const rows = await handled();
    expect(rows.map((r) => r.eventId)).toEqual([...events, ...late].map((e) => e.id));
    await waitFor(async () => (await consumedCount(consumer.name, 'duplicate')) === 7, { what: '7 copies counted as duplicates' });
  });
});
