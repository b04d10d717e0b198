import { ArrivalsOnTheBus, type Replica } from '../../test/arrivals-bus';

/**
 * First come follows submission order (registration's arrival sequence), not the order vetting
 * happens to see or handle the events: two replicas share the durable consumer, and the events
 * reach the stream out of submission order, as they do when registration's transactions commit
 * in another order than they drew their sequence.
 */
/** Longer than vetting takes here to store 25 arrivals, so the earlier submissions come within it. */
const SETTLE_MS = 1_000;

describe('first come with two vetting replicas, on NATS and PostgreSQL', () => {
  const bus = new ArrivalsOnTheBus();
  let replicas: Replica[];

  beforeAll(async () => {
    await bus.start('vetting_first_come_replicas');
    replicas = [await bus.replica(SETTLE_MS), await bus.replica(SETTLE_MS)];
  }, 60_000);
  afterAll(() => bus.stop());

  it('selects exactly the first N by submission order, never more than the capacity, and waitlists the rest in that order', async () => {
    const capacity = 40;
    const openDay = await bus.firstComeOpenDay(capacity);
    // Other open days' applications and aborted transactions leave gaps in the sequence.
    const submitted = bus.applications(openDay, 400, 3);
    // Of each 50, the later 25 reach vetting first, last-submitted first, and the earlier 25 only once those are stored.
    for (let start = 0; start < submitted.length; start += 50) {
      await bus.publish(submitted.slice(start + 25, start + 50).reverse());
      await bus.screened(openDay.openDayId, start + 25);
      await bus.publish(submitted.slice(start, start + 25).reverse());
    }
    await bus.decided(openDay.openDayId, submitted.length);

    const rows = (await bus.dataSource.query(
      `SELECT person_id AS "personId", status, waitlist_position AS position FROM vetting_applicants WHERE open_day_id = $1 ORDER BY arrival_sequence`,
      [openDay.openDayId],
    )) as Array<{ personId: string; status: string; position: number | null }>;
    expect(rows.map((row) => row.personId)).toEqual(submitted.map((application) => application.personId));
    expect(rows.filter((row) => row.status === 'selected')).toHaveLength(capacity);
    expect(rows.slice(0, capacity).every((row) => row.status === 'selected')).toBe(true);
    expect(rows.slice(capacity).map((row) => [row.status, row.position])).toEqual(rows.slice(capacity).map((_, i) => ['waitlisted', i + 1]));
    expect(replicas.every((replica) => replica.handled > 0)).toBe(true);
    process.stdout.write(`first come, two replicas: handled ${replicas.map((replica) => replica.handled).join(' + ')} of ${submitted.length}\n`);
  }, 120_000);
});
