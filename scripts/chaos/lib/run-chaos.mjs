// One chaos run: a throw-away platform (@openday/testing's NotificationHarness) on the chosen servers, citizens
// signed in, open days published, a burst of applications during which the faults strike, the
// backlog drained, and the count (see tally.mjs).
import { NotificationHarness } from '@openday/testing';
import { SERVICE_NAMES } from '../../lib/services.mjs';
import { applicationQueue, runBurst } from './burst.mjs';
import { openDaySpecs, publishOpenDays, signInCitizens } from './cast.mjs';
import { FaultSchedule, Supervisor, faultPlan, strikeFaults } from './faults.mjs';
import { MachineServers, OwnServers } from './servers.mjs';
import { awaitDrain, tally } from './tally.mjs';

export const DEFAULTS = { applications: 10_000, openDays: 4, concurrency: 50, quietSeconds: 60 };

/**
 * The services' settings for a burst: sign-ins and requests from one address far above the
 * defaults, each service's usual pool (the harness keeps test pools small), quiet logs.
 */
const BURST = { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10' };
const PLATFORM_ENV = {
  gateway: { ...BURST, RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', ACCESS_TOKEN_TTL_SECONDS: '3600' },
  vetting: { ...BURST, TIMER_POLL_MS: '200' },
  scheduling: BURST,
  registration: BURST,
  notification: BURST,
  feedback: BURST,
};

/**
 * options: applications, openDays, concurrency, capacity (places per open day), kill (service
 * names), lotteryWindowSeconds, quietSeconds, ownServers. Answers { report, failures }.
 */
export async function runChaos(options, say) {
  const o = { ...DEFAULTS, ...options };
  const perOpenDay = Math.ceil(o.applications / o.openDays);
  const capacity = o.capacity ?? Math.max(5, Math.round(perOpenDay / 5));
  const kill = o.kill ?? SERVICE_NAMES;
  const lotteries = Math.ceil(o.openDays / 4);
  // Lottery applications are sent first (interleaved with first-come ones): their window closes about when they are all in.
  const lotteryWindowSeconds = o.lotteryWindowSeconds ?? Math.max(45, Math.round((2 * lotteries * perOpenDay) / 25));
  const servers = o.ownServers ? new OwnServers() : new MachineServers();
  const started = Date.now();
  let harness;
  let supervisor;
  let cleaning;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await supervisor?.stop();
      await harness?.stop().catch((error) => say(`stopping the platform: ${error.message}`));
      await servers.stop().catch((error) => say(`stopping the servers: ${error.message}`));
    })());
  // Ctrl-C: no service, server or temporary folder is left behind.
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    say(`servers: ${servers.label}`);
    const infrastructure = await servers.start();
    harness = new NotificationHarness(infrastructure);
    const { platform } = harness;
    say('starting a throw-away platform (every service its own process)…');
    await harness.start(PLATFORM_ENV.notification, PLATFORM_ENV);
    supervisor = new Supervisor(platform, say);
    supervisor.start();

    say(`signing in ${perOpenDay} citizens (one-time codes)…`);
    const people = await signInCitizens(platform, perOpenDay, say);
    const lotteryClosesAt = new Date(Date.now() + lotteryWindowSeconds * 1000).toISOString();
    const openDays = openDaySpecs({ count: o.openDays, capacity, lotteryClosesAt });
    await publishOpenDays(platform, openDays);
    say(`${o.openDays} open days published (${lotteries} lottery, closing in ${lotteryWindowSeconds} s; ${capacity} places each)`);

    const queue = applicationQueue(people, openDays, o.applications);
    const plan = faultPlan(kill);
    let answered = 0;
    say(`burst: ${queue.length} applications, ${o.concurrency} in flight; faults: ${plan.map((f) => f.label).join(', ')}`);
    const schedule = new FaultSchedule(plan, queue.length);
    const faults = strikeFaults({ schedule, servers, supervisor, progress: () => answered, say });
    faults.catch(() => {}); // awaited after the burst; a failure must not crash the run before then
    const burst = await runBurst({
      gatewayUrl: platform.gateway,
      queue,
      concurrency: o.concurrency,
      beforeSending: (index) => schedule.beforeSending(index),
      onProgress: (n) => (answered = n),
    });
    say(`burst answered in ${burst.seconds.toFixed(1)} s`);
    const struck = await faults;

    say('waiting for the backlog to drain…');
    const acknowledged = queue.filter((a) => a.status === 201).length;
    const drainSeconds = await awaitDrain({ harness, acknowledged, lotteryClosesAt, quietMs: o.quietSeconds * 1000, say });
    const counts = await tally({ harness, applications: queue, openDays });
    const report = { options: { ...o, capacity, lotteryWindowSeconds }, burst, struck, drainSeconds, counts, unexpectedExits: supervisor.unexpectedExits(), seconds: (Date.now() - started) / 1000 };
    return { report, failures: failuresOf(counts) };
  } finally {
    process.off('SIGINT', interrupted);
    await cleanUp();
  }
}

function failuresOf(counts) {
  const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  const failures = [];
  if (sum(counts.lost) > 0) failures.push(`lost: ${JSON.stringify(counts.lost)}`);
  if (sum(counts.duplicated) > 0) failures.push(`duplicated: ${JSON.stringify(counts.duplicated)}`);
  if (counts.exceeded.length > 0) failures.push(`capacity exceeded: ${counts.exceeded.map((e) => `${e.title} ${e.selected}/${e.capacity}`).join(', ')}`);
  if (counts.acknowledged === 0) failures.push('no application was acknowledged');
  return failures;
}

const pad = (value, width = 7) => String(value).padStart(width);

/** The printed result. */
export function formatReport({ report }) {
  const { burst, counts, struck, unexpectedExits } = report;
  const finals = {};
  for (const a of burst.applications) finals[a.status] = (finals[a.status] ?? 0) + 1;
  const retried = burst.applications.filter((a) => a.attempts > 1).length;
  const lines = [
    '',
    `chaos: ${burst.applications.length} applications over ${report.options.openDays} open days, ${report.options.concurrency} in flight`,
    `  final answers          ${Object.entries(finals).map(([s, n]) => `${s}: ${n}`).join(', ')}  (${retried} needed a retry; attempts by answer: ${Object.entries(burst.attempts).map(([s, n]) => `${s}: ${n}`).join(', ')})`,
    `  acknowledged (201)     ${pad(counts.acknowledged)}   in ${burst.seconds.toFixed(1)} s (${(counts.acknowledged / burst.seconds).toFixed(0)}/s with the faults)`,
    `  decisions              ${pad(counts.decided)}   (${Object.entries(counts.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}); backlog drained ${report.drainSeconds.toFixed(1)} s after the burst`,
    `  selected per open day  ${counts.selectedPerOpenDay.map((o) => `${o.selected}/${o.capacity}`).join(', ')}`,
    `  selection messages     sms ${counts.messages.sms}, e-mail ${counts.messages.mail}, in-app ${counts.messages.inApp}  (resent after a crash with the same SMS key / Message-ID: sms ${counts.resent.sms}, e-mail ${counts.resent.mail})`,
    `  faults                 ${struck.map((f) => `${f.label} at ${f.answered}/${burst.applications.length} answered (${f.skipped ? `skipped: ${f.skipped}` : `all ready again in ${f.seconds.toFixed(1)} s`})`).join('\n                         ')}`,
    `  exits on their own     ${unexpectedExits.length === 0 ? 'none' : unexpectedExits.map((e) => `${e.service} (code ${e.code}): ${e.tail}`).join('\n                         ')}`,
    `  lost                   ${pad(counts.lost.decisions)}   acknowledged without a decision; selected without a message: sms ${counts.lost.sms}, e-mail ${counts.lost.mail}, in-app ${counts.lost.inApp}`,
    `  duplicated             ${pad(counts.duplicated.decisions)}   applications decided twice; people with two selection messages for one open day: sms ${counts.duplicated.sms}, e-mail ${counts.duplicated.mail}, in-app ${counts.duplicated.inApp}`,
    `  capacity exceeded      ${pad(counts.exceeded.length)}   open days`,
    `  decided, not acknowledged ${counts.decidedButNotAcknowledged} (a client that gave up or was refused)`,
    `  wall time              ${report.seconds.toFixed(0)} s`,
  ];
  return lines.join('\n');
}
