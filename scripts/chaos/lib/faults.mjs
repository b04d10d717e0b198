// What production does to the platform during a chaos run: a supervisor that restarts any service
// process that dies (with back-off, as `npm start` does), and the faults, one at a time: kill -9
// of a service, a NATS restart, a PostgreSQL restart.

const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;
const READY_TIMEOUT_MS = 90_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Restarts every service process that exits, and counts who exited and why. */
export class Supervisor {
  constructor(platform, say) {
    this.platform = platform;
    this.say = say;
    this.killedByUs = new Set();
    this.exits = [];
    this.restarting = new Map();
  }

  start() {
    this.timer = setInterval(() => this.check(), 200);
  }

  async stop() {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled(this.restarting.values());
  }

  check() {
    for (const [service, serviceProcess] of this.platform.processes) {
      if (serviceProcess.exitCode === undefined || this.restarting.has(service)) continue;
      const byUs = this.killedByUs.delete(service);
      const tail = byUs ? '' : serviceProcess.logs.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
      this.exits.push({ service, byUs, code: serviceProcess.exitCode, at: Date.now(), tail });
      this.say(`  ${service} exited (${serviceProcess.exitCode === null ? 'killed by a signal' : `code ${serviceProcess.exitCode}`})${byUs ? '' : ` on its own: ${tail}`}; restarting it`);
      const restart = this.restart(service, serviceProcess).finally(() => this.restarting.delete(service));
      this.restarting.set(service, restart);
    }
  }

  async restart(service, serviceProcess) {
    for (let backoff = FIRST_BACKOFF_MS; !this.stopped; backoff = Math.min(MAX_BACKOFF_MS, backoff * 2)) {
      await sleep(backoff);
      try {
        await serviceProcess.start({ readyTimeoutMs: READY_TIMEOUT_MS });
        this.say(`  ${service} ready again`);
        return;
      } catch (error) {
        // Not ready in time: it must not linger beside the next attempt.
        await serviceProcess.stop('SIGKILL');
        this.say(`  ${service} did not start (${String(error.message).split('\n')[0]}); trying again in ${Math.min(MAX_BACKOFF_MS, backoff * 2) / 1000} s`);
      }
    }
  }

  /** kill -9, then waits until the supervisor has it ready again. */
  async kill(service) {
    this.killedByUs.add(service);
    await this.platform.processes.get(service).stop('SIGKILL');
    await this.everyoneReady();
  }

  /** Until no service is being restarted and every one answers ready. */
  async everyoneReady(timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`services not ready after ${timeoutMs / 1000} s: ${[...this.restarting.keys()].join(', ')}`);
      await sleep(250);
      if (this.restarting.size > 0) continue;
      const ready = await Promise.all(
        [...this.platform.processes.values()].map((p) => fetch(`${p.url}/health/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false)),
      );
      if (ready.every(Boolean)) return;
    }
  }

  /** Exits nobody asked for (a service that could not ride out a restart of PostgreSQL or NATS). */
  unexpectedExits() {
    return this.exits.filter((exit) => !exit.byUs);
  }
}

/** The faults in the order they strike: each service killed, NATS and PostgreSQL restarted, between the kills. */
export function faultPlan(services, { nats = true, postgres = true } = {}) {
  const kills = services.map((service) => ({ kind: 'kill', service, label: `kill -9 ${service}` }));
  const plan = [...kills];
  if (nats) plan.splice(Math.ceil(plan.length / 3), 0, { kind: 'nats', label: 'restart NATS' });
  if (postgres) plan.splice(Math.ceil((2 * plan.length) / 3), 0, { kind: 'postgres', label: 'restart PostgreSQL' });
  return plan;
}

/**
 * When each fault strikes: fault k of F once k/(F+1) of the applications are answered. The burst
 * sends no further than the next fault's share until the fault before has passed (every service
 * ready again), so every fault strikes with applications in flight, never after the burst.
 */
export class FaultSchedule {
  constructor(plan, total) {
    this.plan = plan;
    this.total = total;
    this.passed = plan.map(() => {
      let resolve;
      const promise = new Promise((r) => (resolve = r));
      return { promise, resolve };
    });
  }

  due(k) {
    return Math.floor(((k + 1) * this.total) / (this.plan.length + 1));
  }

  /** Resolves once application `index` may be sent. */
  async beforeSending(index) {
    for (let k = 0; k + 1 < this.plan.length && index >= this.due(k + 1); k++) await this.passed[k].promise;
  }

  pass(k) {
    this.passed[k].resolve();
  }
}

/** Strikes the faults on schedule, one at a time: the next only when every service is ready again. Answers what happened to each. */
export async function strikeFaults({ schedule, servers, supervisor, progress, say }) {
  try {
    return await strikeInTurn({ schedule, servers, supervisor, progress, say });
  } catch (error) {
    // The burst must not wait for a fault that will never pass.
    schedule.plan.forEach((_, k) => schedule.pass(k));
    throw error;
  }
}

async function strikeInTurn({ schedule, servers, supervisor, progress, say }) {
  const done = [];
  for (const [i, fault] of schedule.plan.entries()) {
    while (progress() < schedule.due(i)) await sleep(100);
    const began = Date.now();
    const answered = progress();
    say(`fault ${i + 1}/${schedule.plan.length} at ${answered} of ${schedule.total} answered: ${fault.label}`);
    let skipped;
    if (fault.kind === 'kill') await supervisor.kill(fault.service);
    else if (fault.kind === 'nats') skipped = await servers.restartNats();
    else skipped = await servers.restartPostgres();
    if (skipped) say(`  skipped: ${skipped}`);
    else {
      await sleep(1000);
      await supervisor.everyoneReady();
    }
    const seconds = (Date.now() - began) / 1000;
    if (!skipped) say(`  every service ready again ${seconds.toFixed(1)} s after the fault`);
    done.push({ ...fault, skipped, seconds, answered });
    schedule.pass(i);
  }
  return done;
}
