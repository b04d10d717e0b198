import { ArrivalsOnTheBus } from '../test/arrivals-bus';

/**
 * What one application-submitted event costs vetting: N arrivals for one first-come session,
 * published to registration's internal stream at once, consumed by BENCH_REPLICAS replicas until
 * every one is decided. Prints numbers; asserts nothing. Run: npm run bench -w @openday/vetting
 */
const ARRIVALS = Number(process.env.BENCH_ARRIVALS ?? 2000);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 1);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 400);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 500);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 100);

it(`times ${ARRIVALS} application-submitted events through ${REPLICAS} vetting replica(s)`, async () => {
  const bus = new ArrivalsOnTheBus();
  await bus.start('vetting_arrivals_bench');
  try {
    const replicas = [];
    for (let i = 0; i < REPLICAS; i++) replicas.push(await bus.replica(SETTLE_MS, POLL_MS));
    const openDay = await bus.firstComeOpenDay(CAPACITY);
    const applications = bus.applications(openDay, ARRIVALS);
    const started = performance.now();
    await bus.publish(applications);
    await bus.screened(openDay.openDayId, ARRIVALS, 600_000);
    const screened = performance.now() - started;
    await bus.decided(openDay.openDayId, ARRIVALS, 600_000);
    const decided = performance.now() - started;
    const rate = (ms: number) => `${ms.toFixed(0)} ms, ${(ms / ARRIVALS).toFixed(2)} ms/event, ${Math.round(ARRIVALS / (ms / 1000))} events/s`;
    process.stdout.write(
      `vetting arrivals bench: ${ARRIVALS} events, ${REPLICAS} replica(s), capacity ${CAPACITY}, settle ${SETTLE_MS} ms\n` +
        `  all screened: ${rate(screened)}\n  all decided:  ${rate(decided)}\n` +
        replicas.map((r, i) => `  replica ${i + 1}: ${r.handled} events in ${r.batches} batches, ${(r.handlingMs / Math.max(1, r.handled)).toFixed(2)} ms/event in the handler\n`).join(''),
    );
  } finally {
    await bus.stop();
  }
}, 900_000);
