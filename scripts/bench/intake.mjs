#!/usr/bin/env node
// npm run bench:intake [-- --citizens 3000 --concurrency 100 --replicas 1 --intake-only]
//
// How fast the platform takes applications when an open day's window opens, and
// how far its consumers lag behind, on a throw-away platform (scripts/bench/lib/platform.mjs:
// every service its own process, fresh databases and bus namespace, the SMS provider and the
// SMTP server captured in this process). N citizens sign in through the real code flow (the
// code read from the text at the SMS capture); the water bureau files a first-come and a
// lottery open day that the city office approves (staff API); then every citizen applies once
// (`--lottery-share` of them to the lottery) with `--concurrency` requests in flight, round-robin
// over the gateway replicas. Prints accepted per second, latency, every non-2xx by status,
// submit → decision and submit → first text for a sample of first-come applicants, how long the
// backlog (JetStream consumers, outboxes, pending deliveries) takes to drain after the burst,
// and that no session selected more than its capacity. In the same run a bare baseline (a plain
// Node server doing one PostgreSQL insert and one JetStream publish per request) takes the same
// requests under the same load generator; the ratio is printed. The last line is JSON.
//
//   --citizens N          applicants (default 3000)
//   --concurrency N       requests in flight (default 100)
//   --replicas N          instances of every service (default 1); the load round-robins over the gateways
//   --intake-only         vetting, notification, feedback and scheduling stopped during the burst
//                         (intake alone), restarted after it to drain the backlog
//   --lottery-share F     share of the citizens applying to the lottery (default 0.5)
//   --capacity-share F    each open day's places as a share of its applicants (default 0.25)
//   --lottery-window S    seconds the lottery's registration stays open after its plan is filed
//                         (default 30 s + 40 ms per citizen: the burst at ~30 a second still fits;
//                         the bench waits for the draw, so a fast burst waits for the rest)
//   --samples N           first-come applicants followed to their decision and first text (default 200)
//   --pool-size N         every service's DATABASE_POOL_SIZE and the baseline's pool (default 10, 5 with replicas)
//   --sign-in-concurrency N   sign-ins in flight (default 100)
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startBaseline } from './lib/baseline.mjs';
import { backendCpu, backendsUsed, cpuSeconds, cpuUsed } from './lib/cpu.mjs';
import { SmsWatch, applicationBody, benchCitizens, signInCitizens } from './lib/citizens.mjs';
import { runLoad } from './lib/load.mjs';
import { publishOpenDays, selectionOf } from './lib/open-days.mjs';
import { BenchPlatform } from './lib/platform.mjs';
import { describeLatency, formatMs, summarise } from './lib/stats.mjs';

const CONSUMER_SERVICES = ['vetting', 'notification', 'feedback', 'scheduling'];
const INTAKE_SERVICES = ['gateway', 'registration'];
const say = (line = '') => process.stdout.write(`${line}\n`);

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      citizens: { type: 'string', default: '3000' },
      concurrency: { type: 'string', default: '100' },
      replicas: { type: 'string', default: '1' },
      'intake-only': { type: 'boolean', default: false },
      'lottery-share': { type: 'string', default: '0.5' },
      'capacity-share': { type: 'string', default: '0.25' },
      'lottery-window': { type: 'string' },
      samples: { type: 'string', default: '200' },
      'pool-size': { type: 'string' },
      'sign-in-concurrency': { type: 'string', default: '100' },
    },
  });
  const citizens = Number(values.citizens);
  const replicas = Number(values.replicas);
  return {
    citizens,
    concurrency: Number(values.concurrency),
    replicas,
    intakeOnly: values['intake-only'],
    lotteryShare: Number(values['lottery-share']),
    capacityShare: Number(values['capacity-share']),
    lotteryWindowS: Number(values['lottery-window'] ?? 30 + citizens * 0.04),
    samples: Number(values.samples),
    // Two replicas of six services at 10 (+2 for the relay) would take more than the shared server's 100 connections.
    poolSize: Number(values['pool-size'] ?? (replicas > 1 ? 5 : 10)),
    signInConcurrency: Number(values['sign-in-concurrency']),
  };
}

/** Which open day each citizen applies to: every k-th to the lottery, the rest first come. */
function assign(citizens, lotteryShare) {
  const lottery = [];
  const firstCome = [];
  let owed = 0;
  for (const citizen of citizens) {
    owed += lotteryShare;
    if (owed >= 1) {
      owed -= 1;
      lottery.push(citizen);
    } else {
      firstCome.push(citizen);
    }
  }
  return { lottery, firstCome };
}

function applicationRequests(citizens, openDayOf, gatewayUrls, runId) {
  return citizens.map((citizen, i) => ({
    url: `${gatewayUrls[i % gatewayUrls.length]}/api/v1/open-days/${openDayOf(citizen).openDayId}/applications`,
    headers: { authorization: `Bearer ${citizen.token}`, 'idempotency-key': `bench-${runId}-${citizen.n}` },
    body: applicationBody(citizen),
  }));
}

/** Evenly spaced indexes of the requests going to `openDay`, at most `count`. */
function sampleIndexes(citizens, openDayOf, openDay, count) {
  const candidates = citizens.map((c, i) => [c, i]).filter(([c]) => openDayOf(c) === openDay).map(([, i]) => i);
  const step = Math.max(1, candidates.length / count);
  const picked = new Set();
  for (let k = 0; k < candidates.length && picked.size < count; k += step) picked.add(candidates[Math.floor(k)]);
  return [...picked];
}

/** Follows sampled applications to vetting's decision (status no longer 'eligible'), polling its database. */
class DecisionWatch {
  constructor(platform) {
    this.platform = platform;
    this.submitted = new Map();
    this.decidedAt = new Map();
    this.timer = setInterval(() => void this.poll(), 100);
  }

  add(applicationId, sentAt) {
    this.submitted.set(applicationId, sentAt);
  }

  async poll() {
    if (this.polling) return;
    const waiting = [...this.submitted.keys()].filter((id) => !this.decidedAt.has(id));
    if (waiting.length === 0) return;
    this.polling = true;
    try {
      const { rows } = await this.platform
        .database('vetting')
        .query(`SELECT DISTINCT application_id::text AS id FROM vetting_applicants WHERE application_id = ANY($1::uuid[]) AND status <> 'eligible'`, [waiting]);
      const now = Date.now();
      for (const { id } of rows) this.decidedAt.set(id, now);
    } catch {
      // vetting's tables may not answer for a moment; the next poll asks again
    } finally {
      this.polling = false;
    }
  }

  async all(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (this.decidedAt.size < this.submitted.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(this.timer);
  }

  latencies() {
    return [...this.decidedAt].map(([id, at]) => at - this.submitted.get(id));
  }
}

async function waitFor(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function runBaseline(platform, requests, opts) {
  const baseline = await startBaseline({
    adminDatabaseUrl: platform.infra.adminDatabaseUrl,
    natsUrl: platform.infra.natsUrl,
    connection: platform.connection,
    namespace: platform.namespace,
    poolSize: opts.poolSize,
  });
  try {
    const toBaseline = requests.map((r) => ({ ...r, url: baseline.url }));
    // Its pool's connections and the code's first runs, before the clock starts.
    await runLoad(toBaseline.slice(0, opts.concurrency), { concurrency: opts.concurrency });
    return await runLoad(toBaseline, { concurrency: opts.concurrency });
  } finally {
    await baseline.stop();
  }
}

/**
 * CPU seconds the intake path has used so far, from /proc: each gateway and registration
 * process, and registration's PostgreSQL backends. Read before and after the burst, it gives
 * what one application costs, which other work on the machine does not change.
 */
async function intakeCpu(platform) {
  const processes = Object.fromEntries(INTAKE_SERVICES.map((s) => [s, platform.instances(s).map((p) => cpuSeconds(p.child?.pid))]));
  return { processes, backends: await backendCpu(platform.database('registration')) };
}

function intakeCpuUsed(before, after) {
  const sum = (list) => list.reduce((t, u) => ({ user: t.user + u.user, system: t.system + u.system }), { user: 0, system: 0 });
  const used = Object.fromEntries(
    INTAKE_SERVICES.map((s) => [s, sum(after.processes[s].map((cpu, i) => (cpu && before.processes[s][i] ? cpuUsed(before.processes[s][i], cpu) : { user: 0, system: 0 })))]),
  );
  return { ...used, 'registration-postgres': backendsUsed(before.backends, after.backends) };
}

function cpuRows(used, accepted) {
  return Object.entries(used).map(([what, { user, system }]) => {
    const perApplication = ((user + system) * 1000) / Math.max(1, accepted);
    return `  CPU ${what.padEnd(22)} ${(user + system).toFixed(1).padStart(5)} s (user ${user.toFixed(1)}, system ${system.toFixed(1)}): ${perApplication.toFixed(2)} ms an application`;
  });
}

function loadRow(label, load) {
  const failures = Object.entries(load.failures).map(([status, n]) => `${status}×${n}`).join(' ') || 'none';
  return `  ${label.padEnd(10)} ${String(load.accepted).padStart(6)}/${String(load.requests).padEnd(6)} in ${(load.durationMs / 1000).toFixed(1).padStart(5)} s  ${load.acceptedPerSecond.toFixed(0).padStart(6)}/s   latency ${describeLatency(load.latency)}, max ${formatMs(load.latency.max)}   non-2xx: ${failures}`;
}

async function main() {
  const opts = options(process.argv.slice(2));
  const runId = randomUUID().slice(0, 8);
  const platform = new BenchPlatform({ replicas: opts.replicas, poolSize: opts.poolSize });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void platform.stop().then(() => process.exit(130)));
  let smsWatch;
  try {
    const t0 = Date.now();
    say(`starting a throw-away platform (${opts.replicas} replica${opts.replicas > 1 ? 's' : ''} of every service, pool ${opts.poolSize})…`);
    await platform.start();
    say(`  up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    smsWatch = new SmsWatch(platform.sms);

    const citizens = benchCitizens(opts.citizens);
    say(`signing in ${citizens.length} citizens (code by SMS, ${opts.signInConcurrency} at a time)…`);
    const signIn = await signInCitizens({
      gatewayUrls: platform.gatewayUrls,
      smsWatch,
      citizens,
      concurrency: opts.signInConcurrency,
      onProgress: (n) => say(`  ${n} signed in`),
    });
    say(`  ${citizens.length} signed in in ${(signIn.durationMs / 1000).toFixed(1)} s (${signIn.perSecond.toFixed(0)}/s)`);

    const { lottery: lotteryCitizens, firstCome: firstComeCitizens } = assign(citizens, opts.lotteryShare);
    const places = (n) => Math.max(1, Math.round(n * opts.capacityShare));
    // The baseline first, with requests shaped like the burst's, while the platform is idle.
    const shaped = applicationRequests(citizens, () => ({ openDayId: randomUUID() }), platform.gatewayUrls, runId);
    say(`baseline: ${shaped.length} requests, ${opts.concurrency} in flight, one INSERT + one JetStream publish each…`);
    const baseline = await runBaseline(platform, shaped, opts);
    say(loadRow('baseline', baseline));

    say('filing and publishing the open days (water bureau staff, city office)…');
    const specs = [];
    if (firstComeCitizens.length) specs.push({ key: 'firstCome', title: '压力测试：先到先得开放日', selectionMode: 'first-come', capacity: places(firstComeCitizens.length) });
    if (lotteryCitizens.length) {
      const closesAt = new Date(Date.now() + opts.lotteryWindowS * 1000).toISOString();
      specs.push({ key: 'lottery', title: '压力测试：抽签开放日', selectionMode: 'lottery', capacity: places(lotteryCitizens.length), registrationClosesAt: closesAt });
    }
    const openDays = Object.fromEntries((await publishOpenDays({ gatewayUrl: platform.gatewayUrl, specs })).map((o) => [o.key, o]));
    for (const o of Object.values(openDays)) say(`  ${o.selectionMode.padEnd(10)} ${o.capacity} places, ${o.key === 'lottery' ? lotteryCitizens.length : firstComeCitizens.length} applicants, closes ${o.registrationClosesAt}`);
    const lotterySet = new Set(lotteryCitizens);
    const openDayOf = (citizen) => (lotterySet.has(citizen) ? openDays.lottery : openDays.firstCome);

    const requests = applicationRequests(citizens, openDayOf, platform.gatewayUrls, runId);
    const sample = openDays.firstCome ? sampleIndexes(citizens, openDayOf, openDays.firstCome, opts.samples) : [];
    const decisions = new DecisionWatch(platform);
    const sampled = [];
    if (opts.intakeOnly) {
      say(`intake only: stopping ${CONSUMER_SERVICES.join(', ')}…`);
      await platform.pause(CONSUMER_SERVICES);
    }
    // With CPU_PROFILE_DIR set (scripts/bench/cpu-profile-hook.mjs preloaded), profiles cover the burst and the drain, not start-up and sign-in.
    if (process.env.CPU_PROFILE_DIR) for (const service of CONSUMER_SERVICES.concat('gateway', 'registration').flatMap((s) => platform.instances(s))) service.child?.kill('SIGUSR2');
    const cpuBefore = await intakeCpu(platform);
    const loadBefore = os.loadavg();
    say(`burst: ${requests.length} applications, ${opts.concurrency} in flight, over ${platform.gatewayUrls.length} gateway${platform.gatewayUrls.length > 1 ? 's' : ''}…`);
    const burst = await runLoad(requests, {
      concurrency: opts.concurrency,
      sample,
      onSample: ({ index, status, sentAt, text }) => {
        if (status !== 201) return;
        const applicationId = JSON.parse(text).id;
        decisions.add(applicationId, sentAt);
        sampled.push({ citizen: citizens[index], applicationId, sentAt });
      },
    });
    const cpu = intakeCpuUsed(cpuBefore, await intakeCpu(platform));
    const loadAfter = os.loadavg();
    say(loadRow('platform', burst));
    for (const [status, text] of Object.entries(burst.failureSamples)) say(`    first ${status} answer: ${text}`);
    let resumedAt;
    if (opts.intakeOnly) {
      say(`restarting ${CONSUMER_SERVICES.join(', ')} to work off the backlog (${JSON.stringify(await platform.backlog())})…`);
      await platform.resume(CONSUMER_SERVICES);
      resumedAt = Date.now();
    }
    const drainedAt = await platform.drained();
    const drainMs = drainedAt - burst.endedAt;
    const drainAfterResumeMs = resumedAt && drainedAt - resumedAt;
    say(`  backlog drained ${(drainMs / 1000).toFixed(1)} s after the burst${resumedAt ? ` (${(drainAfterResumeMs / 1000).toFixed(1)} s after the consumers were back)` : ''}`);
    await decisions.all(60_000);

    const acceptedTo = (key) => requests.filter((r, i) => openDays[key] && openDayOf(citizens[i]) === openDays[key] && burst.results[i].status === 201).length;
    const capacity = [];
    for (const [key, openDay] of Object.entries(openDays)) {
      const accepted = acceptedTo(key);
      const closesIn = Date.parse(openDay.registrationClosesAt) - Date.now();
      if (openDay.selectionMode === 'lottery') say(`  waiting for the lottery: its window closes in ${Math.max(0, Math.round(closesIn / 1000))} s…`);
      const session = await waitFor(
        `the selection of the ${openDay.selectionMode} open day`,
        async () => {
          const s = await selectionOf(platform.gatewayUrl, openDay);
          const decided = s.selected.length + s.waitlisted.length + s.rejected >= accepted;
          const drawn = openDay.selectionMode !== 'lottery' || (Date.now() > Date.parse(openDay.registrationClosesAt) && s.completed);
          return decided && drawn ? s : undefined;
        },
        Math.max(0, closesIn) + 300_000,
      );
      capacity.push({ openDay: openDay.selectionMode, capacity: openDay.capacity, accepted, selected: session.selected.length, waitlisted: session.waitlisted.length, rejected: session.rejected });
    }

    const firstText = sampled
      .map(({ citizen, sentAt }) => smsWatch.messages(citizen.mobile).find((m) => Date.parse(m.receivedAt) >= sentAt))
      .map((sms, i) => sms && Date.parse(sms.receivedAt) - sampled[i].sentAt)
      .filter((ms) => ms !== undefined);
    const decision = summarise(decisions.latencies());
    const message = summarise(firstText);
    const ratio = burst.acceptedPerSecond / baseline.acceptedPerSecond;
    const withinCapacity = capacity.every((c) => c.selected <= c.capacity);
    const fiveXx = Object.entries(burst.statuses).filter(([s]) => /^5/.test(s)).reduce((sum, [, n]) => sum + n, 0);

    say();
    say(`intake of ${requests.length} applications, ${opts.concurrency} in flight, ${opts.replicas} replica(s)${opts.intakeOnly ? ', consumers stopped' : ''} (2 cores, everything on this machine):`);
    say(loadRow('platform', burst));
    say(loadRow('baseline', baseline));
    say(`  platform / baseline: ${(ratio * 100).toFixed(1)} %`);
    for (const row of cpuRows(cpu, burst.accepted)) say(row);
    say(`  load average (1 min)   ${loadBefore[0].toFixed(1)} before the burst, ${loadAfter[0].toFixed(1)} after`);
    say(`  submit → decision      (${decision.n} of ${sample.length} sampled first-come): ${describeLatency(decision, ['p50', 'p99'])}, max ${formatMs(decision.max)}${opts.intakeOnly ? '  (consumers were stopped)' : ''}`);
    say(`  submit → first text    (${message.n} of ${sample.length}): ${describeLatency(message, ['p50', 'p99'])}, max ${formatMs(message.max)}`);
    say(`  backlog drained        ${(drainMs / 1000).toFixed(1)} s after the burst ended${resumedAt ? `, ${(drainAfterResumeMs / 1000).toFixed(1)} s after the stopped services were ready again` : ''}`);
    for (const c of capacity) {
      say(`  ${c.openDay.padEnd(10)} ${c.selected} selected of ${c.capacity} places (${c.accepted} accepted, ${c.waitlisted} waitlisted, ${c.rejected} rejected): ${c.selected <= c.capacity ? 'within capacity' : 'CAPACITY EXCEEDED'}`);
    }
    say(`  sign-in                ${citizens.length} in ${(signIn.durationMs / 1000).toFixed(1)} s (${signIn.perSecond.toFixed(0)}/s)`);
    const strip = ({ results, ...rest }) => rest;
    say(
      JSON.stringify({
        bench: 'intake',
        options: opts,
        platform: strip(burst),
        baseline: strip(baseline),
        ratio,
        cpu,
        loadAverage: { before: loadBefore, after: loadAfter },
        fiveXx,
        decision,
        firstText: message,
        drainMs,
        drainAfterResumeMs,
        capacity,
        withinCapacity,
        signIn,
      }),
    );
    if (!withinCapacity) process.exitCode = 1;
  } finally {
    smsWatch?.stop();
    await platform.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
