import { headers as natsHeaders } from '@nats-io/transport-node';
import { OpenDayPublishedV1 } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { DeadLetterStore } from '../src';
import { BusFixture, openDay, RecordingHandler } from './bus-fixture';

const fastRetries = { maxDeliver: 3, backoffMs: [50, 100] };

describe('durable consumers', () => {
  const bus = new BusFixture();
  beforeAll(() => bus.setUp('consumer'));
  afterAll(() => bus.tearDown());
  beforeEach(async () => {
    await bus.purgeStreams();
    await bus.dataSource.query('TRUNCATE handled');
  });
  afterEach(() => bus.stopConsumers());

  async function handledIds(): Promise<string[]> {
    const rows: Array<{ event_id: string }> = await bus.dataSource.query('SELECT event_id FROM handled');
    return rows.map((r) => r.event_id);
  }

  it('applies the same event delivered three times once', async () => {
    const consumer = bus.consumer(new RecordingHandler('three-times'));
    await consumer.start();
    const event = OpenDayPublishedV1.contract.create(openDay(), { subject: 'od-1' });
    const subject = OpenDayPublishedV1.contract.subjectIn(bus.namespace);
    for (let copy = 0; copy < 3; copy++) {
      // Distinct message ids get past the stream's de-duplication, as a redelivery after the window would.
      await bus.js.publish(subject, JSON.stringify(event), { msgID: `${event.id}-copy-${copy}` });
    }
    const sentinel = OpenDayPublishedV1.contract.create(openDay(), { subject: 'od-2' });
    await bus.js.publish(subject, JSON.stringify(sentinel), { msgID: sentinel.id });

    await waitFor(async () => (await handledIds()).includes(sentinel.id), { what: 'sentinel' });
    expect((await handledIds()).filter((id) => id === event.id)).toHaveLength(1);
  });

  it('processes all 100 events published while it was stopped, none twice', async () => {
    const handler = new RecordingHandler('restart');
    const first = bus.consumer(handler);
    await first.start();
    await first.stop();

    const relay = bus.relay();
    await relay.start();
    const ids = await bus.publishCommitted(100);
    await waitFor(async () => (await relay.backlog()) === 0, { what: 'relay' });
    expect(await bus.handledCount()).toBe(0);

    const again = bus.consumer(handler);
    await again.start();
    await waitFor(async () => (await bus.handledCount()) >= 100, { what: '100 handled' });
    await new Promise((r) => setTimeout(r, 200));
    const handled = await handledIds();
    expect(handled).toHaveLength(100);
    expect(new Set(handled)).toEqual(new Set(ids));
    await relay.stop();
  });

  it('splits the work between two replicas and handles each event once', async () => {
    const replicas = [
      bus.consumer(new RecordingHandler('replicas', 'replica-a')),
      bus.consumer(new RecordingHandler('replicas', 'replica-b')),
    ];
    await Promise.all(replicas.map((r) => r.start()));
    const relay = bus.relay();
    await relay.start();
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) ids.push(...(await bus.publishCommitted(20)));

    await waitFor(async () => (await bus.handledCount()) >= 200, { what: '200 handled' });
    await new Promise((r) => setTimeout(r, 200));
    const rows: Array<{ event_id: string; handled_by: string }> = await bus.dataSource.query(
      'SELECT event_id, handled_by FROM handled',
    );
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(ids));
    const byReplica = new Set(rows.map((r) => r.handled_by));
    expect(byReplica).toEqual(new Set(['replica-a', 'replica-b']));
    await relay.stop();
  });

  it('dead-letters a message whose handler always throws, keeps later ones flowing, and replays it once fixed', async () => {
    const handler = new RecordingHandler('always-fails');
    const consumer = bus.consumer(handler, fastRetries);
    await consumer.start();
    const subject = OpenDayPublishedV1.contract.subjectIn(bus.namespace);
    const poison = OpenDayPublishedV1.contract.create(openDay('poison'), { subject: 'p' });
    handler.failWith = new Error('department directory unavailable');
    await bus.js.publish(subject, JSON.stringify(poison), { msgID: poison.id });

    const store = new DeadLetterStore(bus.js, bus.jsm, bus.namespace);
    const letter = await waitFor(
      async () => (await store.list()).find((l) => l.eventId === poison.id),
      { what: 'dead letter' },
    );
    expect(letter.reason).toContain('department directory unavailable');
    expect(letter.deliveries).toBe(3);
    expect(letter.consumer).toBe(consumer.name);
    expect(letter.originalSubject).toBe(subject);

    handler.failWith = undefined;
    const later = OpenDayPublishedV1.contract.create(openDay('later'), { subject: 'l' });
    await bus.js.publish(subject, JSON.stringify(later), { msgID: later.id });
    await waitFor(async () => (await handledIds()).includes(later.id), { what: 'later event' });
    expect(await handledIds()).not.toContain(poison.id);

    await store.replay(letter.sequence);
    await waitFor(async () => (await handledIds()).includes(poison.id), { what: 'replayed event' });
    expect((await handledIds()).filter((id) => id === poison.id)).toHaveLength(1);
    expect((await store.list()).find((l) => l.eventId === poison.id)).toBeUndefined();
  });

  it('a dead-lettered message is finished with the stream: not delivered again after the ack wait', async () => {
    const ackWaitMs = 400;
    const consumer = bus.consumer(new RecordingHandler('terminated'), fastRetries, { ackWaitMs });
    await consumer.start();
    const subject = OpenDayPublishedV1.contract.subjectIn(bus.namespace);
    await bus.js.publish(subject, 'not json either {');
    const store = new DeadLetterStore(bus.js, bus.jsm, bus.namespace);
    const mine = async () => (await store.list()).filter((l) => l.consumer === consumer.name);
    await waitFor(async () => ((await mine()).length === 1 ? true : undefined), { what: 'the dead letter' });

    await new Promise((r) => setTimeout(r, ackWaitMs * 4));
    expect(await mine()).toHaveLength(1);
    const info = await bus.jsm.consumers.info(bus.namespace.eventStream('scheduling'), consumer.name);
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
  });

  it('dead-letters raw junk and schema-invalid events without stopping', async () => {
    const consumer = bus.consumer(new RecordingHandler('junk'), fastRetries);
    await consumer.start();
    const subject = OpenDayPublishedV1.contract.subjectIn(bus.namespace);
    const store = new DeadLetterStore(bus.js, bus.jsm, bus.namespace);
    const h = natsHeaders();
    h.set('x-correlation-id', 'junk-test');
    await bus.js.publish(subject, 'this is not json {', { headers: h });
    const invalid = { ...OpenDayPublishedV1.contract.create(openDay(), { subject: 's' }) };
    (invalid.data as { date: string }).date = 'not a date';
    await bus.js.publish(subject, JSON.stringify(invalid));
    const good = OpenDayPublishedV1.contract.create(openDay('good'), { subject: 'g' });
    await bus.js.publish(subject, JSON.stringify(good));

    await waitFor(async () => (await handledIds()).includes(good.id), { what: 'good event after junk' });
    const letters = await waitFor(async () => {
      const mine = (await store.list()).filter((l) => l.consumer === consumer.name);
      return mine.length === 2 ? mine : undefined;
    }, { what: 'two dead letters' });
    expect(letters.map((l) => l.reason)).toEqual([
      expect.stringContaining('malformed JSON'),
      expect.stringContaining('/date must match format "date"'),
    ]);
    expect(letters[0].deliveries).toBe(1);
  });
});
