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

  async function outboxIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await bus.dataSource.query('SELECT id FROM outbox');
    return rows.map((row) => row.id).sort();
  }

  it('delivers every event committed before, during and after the restart exactly once, and both recover', async () => {
    const relay = bus.relay({ pollIntervalMs: NEVER_POLL_MS });
    await relay.start();
    await bus.consumer(new RecordingHandler('through-restart')).start();

    await bus.publishCommitted(20);
    const writer = keepWriting();
    await waitFor(async () => (await bus.handledCount()) >= 10, { what: 'the first events to be handled' });
    await pg.restart({ downtimeMs: 1_500 });
    await waitFor(() => relay.listening, { timeoutMs: 15_000, what: 'the relay to LISTEN again' });
    expect(await writer.stop()).toBeGreaterThan(0);
    await bus.publishCommitted(20);

    const committed = await outboxIds();
    await waitFor(async () => (await bus.handledCount()) >= committed.length, {
      timeoutMs: 20_000,
      what: `all ${committed.length} committed events to be handled`,
    });
    const handled: Array<{ event_id: string }> = await bus.dataSource.query('SELECT event_id FROM handled ORDER BY event_id');
    expect(handled.map((row) => row.event_id)).toEqual(committed);
    expect(await relay.backlog()).toBe(0);
    expect(await bus.deadLetterCount()).toBe(0);
  }, 30_000);
});
