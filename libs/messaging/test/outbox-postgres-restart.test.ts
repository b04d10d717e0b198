import { OpenDayPublishedV1 } from '@openday/contracts';
import { startThrowawayPostgres, waitFor, type ThrowawayPostgres } from '@openday/testing';
import { BusFixture, RecordingHandler, openDay } from './bus-fixture';

/** Far beyond the test: only a notification (or the poll after re-LISTEN) can make the relay publish. */
const NEVER_POLL_MS = 600_000;

describe('outbox relay and consumer through a PostgreSQL restart', () => {
  let pg: ThrowawayPostgres;
  const bus = new BusFixture();

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    await bus.setUp('pg_restart', pg.adminUrl);
  }, 30_000);
  afterAll(async () => {
    await bus.tearDown();
    await pg?.stop();
  }, 30_000);

  /** Commits one event per transaction until stopped; a write the outage refuses is simply not an event. */
  function keepWriting(): { stop(): Promise<number> } {
    let writing = true;
    let committed = 0;
    const loop = (async () => {
      while (writing) {
        await bus.dataSource
          .transaction((manager) => {
            const data = openDay();
            return bus.outbox.add(manager, OpenDayPublishedV1.contract, data, { aggregateId: data.openDayId });
          })
          .then(() => committed++, () => undefined);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    return {
      stop: async () => {
        writing = false;
        await loop;
        return committed;
      },
    };
  }

  /** Straight onto the stream while the database is down, as another service's relay would: the consumer must hold them. */
  async function publishDirectly(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const data = openDay(`Published during the outage ${i}`);
      const event = OpenDayPublishedV1.contract.create(data, { subject: data.openDayId });
      await bus.js.publish(OpenDayPublishedV1.contract.subjectIn(bus.namespace), JSON.stringify(event), { msgID: event.id });
      ids.push(event.id);
    }
    return ids;
  }

  async function databaseDown(): Promise<boolean> {
    return bus.dataSource.query('SELECT 1').then(
      () => false,
      () => true,
    );
  }

  async function outboxIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await bus.dataSource.query('SELECT id FROM outbox');
    return rows.map((row) => row.id).sort();
  }

  it('delivers every event committed before, during and after the restart exactly once, and both recover', async () => {
    const relay = bus.relay({ pollIntervalMs: NEVER_POLL_MS });
    await relay.start();
    // Two quick tries: were an outage to use up tries, the events of the outage would be dead-lettered.
    await bus.consumer(new RecordingHandler('through-restart'), { maxDeliver: 2, backoffMs: [100] }).start();

    await bus.publishCommitted(20);
    const writer = keepWriting();
    await waitFor(async () => (await bus.handledCount()) >= 10, { what: 'the first events to be handled' });
    const restarted = pg.restart({ downtimeMs: 2_000 });
    await waitFor(databaseDown, { what: 'PostgreSQL to go down' });
    const publishedDuringOutage = await publishDirectly(10);
    await restarted;
    await waitFor(() => relay.listening, { timeoutMs: 15_000, what: 'the relay to LISTEN again' });
    expect(await writer.stop()).toBeGreaterThan(0);
    await bus.publishCommitted(20);

    const expected = [...(await outboxIds()), ...publishedDuringOutage].sort();
    await waitFor(async () => (await bus.handledCount()) >= expected.length, {
      timeoutMs: 20_000,
      what: `all ${expected.length} events to be handled`,
    });
    const handled: Array<{ event_id: string }> = await bus.dataSource.query('SELECT event_id FROM handled ORDER BY event_id');
    expect(handled.map((row) => row.event_id)).toEqual(expected);
    expect(await relay.backlog()).toBe(0);
    expect(await bus.deadLetterCount()).toBe(0);
  }, 30_000);
});
