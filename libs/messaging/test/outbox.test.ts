import { EventSchemaError, OpenDayPublishedV1, TicketIssuedV1 } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { BusFixture, openDay } from './bus-fixture';

describe('transactional outbox', () => {
  const bus = new BusFixture();
  beforeAll(() => bus.setUp('outbox'));
  afterAll(() => bus.tearDown());

  it('emits nothing for a rolled-back transaction and exactly one message for a committed one', async () => {
    const relay = bus.relay();
    await relay.start();
    const before = await bus.streamMessageCount();

    await expect(
      bus.dataSource.transaction(async (manager) => {
        const data = openDay();
        await bus.outbox.add(manager, OpenDayPublishedV1.contract, data, { aggregateId: data.openDayId });
        throw new Error('business rule failed after the event was written');
      }),
    ).rejects.toThrow('business rule failed');
    await bus.publishCommitted(1);

    await waitFor(async () => (await relay.backlog()) === 0, { what: 'outbox to empty' });
    expect(await bus.streamMessageCount()).toBe(before + 1);
    await relay.stop();
  });

  it('publishes once when the relay dies between publishing and marking the row sent', async () => {
    const before = await bus.streamMessageCount();
    const [eventId] = await bus.publishCommitted(1);

    const dying = bus.relay();
    dying.afterPublish = () => {
      throw new Error('relay process killed');
    };
    await expect(dying.drain()).rejects.toThrow('relay process killed');
    expect(await dying.backlog()).toBe(1);
    expect(await bus.streamMessageCount()).toBe(before + 1);

    const survivor = bus.relay();
    expect(await survivor.drain()).toBe(1);
    expect(await survivor.backlog()).toBe(0);
    expect(await bus.streamMessageCount()).toBe(before + 1);
    const stored = await bus.jsm.streams.getMessage(bus.namespace.eventStream('scheduling'), {
      last_by_subj: OpenDayPublishedV1.contract.subjectIn(bus.namespace),
    });
    expect(stored?.json<{ id: string }>().id).toBe(eventId);
  });

  it('forgets a sensitive event (personal data or a secret in the clear) the moment it is published, and keeps the others', async () => {
    const before = await bus.streamMessageCount();
    const ticket = { ...TicketIssuedV1.contract.definition.example, ticketId: crypto.randomUUID() };
    const [kept] = await bus.publishCommitted(1);
    const forgotten = await bus.dataSource.transaction((manager) => bus.outbox.add(manager, TicketIssuedV1.contract, ticket, { aggregateId: ticket.ticketId }));
    expect(await bus.relay().drain()).toBe(2);

    const rows = (await bus.dataSource.query('SELECT id, sent_at FROM outbox WHERE id = ANY($1::uuid[])', [[kept, forgotten]])) as Array<{ id: string; sent_at: Date | null }>;
    expect(rows.map((row) => row.id)).toEqual([kept]);
    expect(rows[0].sent_at).not.toBeNull();
    const internal = await bus.jsm.streams.info(bus.namespace.eventStream('scheduling', 'internal'));
    expect(internal.state.messages).toBeGreaterThanOrEqual(1);
    expect(await bus.streamMessageCount()).toBe(before + 1);
  });

  it('refuses a schema-invalid event at publish and stores nothing', async () => {
    const relay = bus.relay();
    const backlogBefore = await relay.backlog();
    await expect(
      bus.dataSource.transaction((manager) =>
        bus.outbox.add(manager, OpenDayPublishedV1.contract, { ...openDay(), date: '30 February' }, { aggregateId: 'x' }),
      ),
    ).rejects.toBeInstanceOf(EventSchemaError);
    expect(await relay.backlog()).toBe(backlogBefore);
  });

  it('wakes on commit: an event leaves at once, not at the next poll', async () => {
    // A poll a minute away: the event can only leave before it if the commit's NOTIFY woke the relay.
    const relay = bus.relay({ pollIntervalMs: 60_000 });
    await relay.start();
    await relay.drain();
    const before = await bus.streamMessageCount();
    await bus.publishCommitted(1);
    await waitFor(async () => (await bus.streamMessageCount()) === before + 1, { timeoutMs: 20_000, intervalMs: 5, what: 'publish before the next poll' });
    await relay.stop();
  });

  it('keeps the order of one aggregate and shares work between two relays', async () => {
    const aggregateId = crypto.randomUUID();
    const first = await bus.streamMessageCount();
    await bus.dataSource.transaction(async (manager) => {
      for (let i = 0; i < 30; i++) {
        await bus.outbox.add(manager, OpenDayPublishedV1.contract, { ...openDay(`step ${i}`), openDayId: aggregateId }, { aggregateId });
      }
    });
    await bus.publishCommitted(60);
    const subject = OpenDayPublishedV1.contract.subjectIn(bus.namespace);
    const relays = [bus.relay(), bus.relay()];
    await Promise.all(relays.map((r) => r.start()));
    await waitFor(async () => (await relays[0].backlog()) === 0, { what: 'outbox to empty' });

    const info = await bus.jsm.streams.info(bus.namespace.eventStream('scheduling'));
    expect(info.state.messages).toBe(first + 90);
    const titles: string[] = [];
    for (let seq = info.state.last_seq - 89; seq <= info.state.last_seq; seq++) {
      const msg = await bus.jsm.streams.getMessage(bus.namespace.eventStream('scheduling'), { seq });
      const event = msg!.json<{ subject: string; data: { title: string } }>();
      if (event.subject === aggregateId) titles.push(event.data.title);
      expect(msg!.subject).toBe(subject);
    }
    expect(titles).toEqual(Array.from({ length: 30 }, (_, i) => `step ${i}`));
  });
});
