// The services `npm start` runs: restarted with back-off when one dies, all stopped together.
import { RESTART_POLICY, nextRestart } from './restart-policy.mjs';
import { UserError } from './run.mjs';

const STOP_GRACE_MS = 10_000;
const READY_POLL_MS = 500;

const alive = (child) => child.exitCode === null && child.signalCode === null;

function describeExit({ code, signal, error }) {
  if (error) return `could not be started (${error.message})`;
  return signal ? `exited with signal ${signal}` : `exited with code ${code}`;
}

/**
 * Supervises one child per name, each made by its launcher (`() => ChildProcess` with an
 * `exited` promise, as spawnService returns). A child that dies before it was ever ready
 * (bad configuration, a failed migration) stops everything, as that will not mend itself;
 * one that dies later is started again after nextRestart's delay, saying so.
 */
export class Supervisor {
  constructor(launchers, { policy = RESTART_POLICY, say = (line) => process.stderr.write(`${line}\n`), ready } = {}) {
    this.launchers = launchers;
    this.policy = policy;
    this.say = say;
    this.ready = ready;
    this.children = new Map();
    this.failuresInARow = new Map();
    this.everReady = new Set();
    this.restarts = new Set();
    this.stopping = false;
    this.failure = null;
    this.onFailure = null;
    // last resort: never leave services behind when this process goes away
    process.on('exit', () => {
      for (const child of this.children.values()) if (alive(child)) child.kill('SIGKILL');
    });
  }

  start() {
    for (const name of this.launchers.keys()) this.launch(name);
  }

  markReady(name) {
    this.everReady.add(name);
  }

  launch(name) {
    const child = this.launchers.get(name)();
    const startedAt = Date.now();
    this.children.set(name, child);
    child.exited.then((exit) => {
      if (this.stopping) return;
      if (!this.everReady.has(name)) {
        this.fail(new UserError(`${name} ${describeExit(exit)} before it was ready; stopping the other services`));
        return;
      }
      const next = nextRestart({ failuresInARow: this.failuresInARow.get(name) ?? 0, ranForMs: Date.now() - startedAt }, this.policy);
      this.failuresInARow.set(name, next.failuresInARow);
      this.say(`${name} ${describeExit(exit)}; restarting in ${next.delayMs / 1000} s`);
      this.restartLater(name, next.delayMs);
    });
    return child;
  }

  restartLater(name, delayMs) {
    const restart = setTimeout(() => {
      this.restarts.delete(restart);
      if (this.stopping) return;
      const child = this.launch(name);
      if (this.ready) this.announceReady(name, child);
    }, delayMs);
    this.restarts.add(restart);
  }

  async announceReady(name, child) {
    while (!this.stopping && alive(child)) {
      if (await this.ready(name)) {
        if (!this.stopping && alive(child)) this.say(`${name} is ready again`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  }

  fail(error) {
    if (this.failure) return;
    this.failure = error;
    this.onFailure?.(error);
  }

  alive() {
    return [...this.children.entries()].filter(([, child]) => alive(child));
  }

  async stop({ force = false, graceMs = STOP_GRACE_MS } = {}) {
    this.stopping = true;
    for (const restart of this.restarts) clearTimeout(restart);
    this.restarts.clear();
    const running = this.alive();
    if (running.length === 0) return;
    for (const [, child] of running) child.kill(force ? 'SIGKILL' : 'SIGTERM');
    if (force) return;
    const timer = setTimeout(() => {
      const left = this.alive();
      if (left.length > 0) {
        this.say(`still running after ${graceMs / 1000} s, killing: ${left.map(([name]) => name).join(', ')}`);
        for (const [, child] of left) child.kill('SIGKILL');
      }
    }, graceMs);
    await Promise.all(running.map(([, child]) => child.exited));
    clearTimeout(timer);
  }
}
