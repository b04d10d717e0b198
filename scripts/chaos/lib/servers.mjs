// The PostgreSQL and NATS a chaos run restarts.
//
// OwnServers: a nats-server -js on a free port with a temporary store and a PostgreSQL cluster
// initdb'd into a temporary folder on a free port, both this run's alone, so restarting them
// disturbs nobody. MachineServers: the ones this machine runs (127.0.0.1:5432 and :4222),
// restarted with their own start commands; a restart that cannot be done is skipped, saying why.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, reachable, startThrowawayPostgres, waitFor } from '@openday/testing';

const READY_MS = 60_000;
const isRoot = () => process.getuid?.() === 0;

function runChecked(command, args, what) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what} failed (${result.error?.message ?? `exit ${result.status}`}): ${(result.stderr || result.stdout || '').trim().slice(-1500)}`);
  return result.stdout;
}

/** A cluster of the run's own (libs/testing), with room for every service's pools. */
class OwnPostgres {
  async start() {
    this.cluster = await startThrowawayPostgres({ maxConnections: 300 });
    this.url = this.cluster.adminUrl;
  }

  restart() {
    return this.cluster.restart();
  }

  async stop() {
    await this.cluster?.stop();
  }
}

class OwnNats {
  async start() {
    this.dir = mkdtempSync(join(tmpdir(), 'openday-chaos-nats-'));
    this.port = await freePort();
    this.url = `nats://127.0.0.1:${this.port}`;
    await this.spawn();
  }

  async spawn() {
    this.child = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.dir, '-l', join(this.dir, 'log')], { stdio: 'ignore' });
    this.child.once('error', (error) => (this.failure = error));
    await waitFor(() => {
      if (this.failure) throw this.failure;
      return reachable('127.0.0.1', this.port);
    }, { timeoutMs: READY_MS, intervalMs: 100, what: 'nats-server to listen' });
  }

  async restart() {
    await this.kill('SIGTERM');
    await this.spawn();
  }

  async kill(signal) {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  async stop() {
    await this.kill('SIGKILL');
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** This run's own NATS and PostgreSQL. */
export class OwnServers {
  label = 'own servers (a nats-server and a PostgreSQL cluster of this run)';
  postgres = new OwnPostgres();
  nats = new OwnNats();

  async start() {
    await Promise.all([this.postgres.start(), this.nats.start()]);
    return { adminDatabaseUrl: this.postgres.url, natsUrl: this.nats.url };
  }

  async restartPostgres() {
    await this.postgres.restart();
  }

  async restartNats() {
    await this.nats.restart();
  }

  async stop() {
    await Promise.all([this.nats.stop(), this.postgres.stop()]);
  }
}

const MACHINE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const MACHINE_NATS_URL = 'nats://127.0.0.1:4222';
const NATS_DAEMON = ['--exec', '/usr/sbin/nats-server'];
const NATS_ARGS = ['-a', '127.0.0.1', '-p', '4222', '-js', '-sd', '/var/lib/nats-server', '-l', '/var/log/nats-server.log'];

function commandMissing(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0;
}

/** The machine's PostgreSQL and NATS, restarted as their packages start them; a restart answers why it was skipped, if it was. */
export class MachineServers {
  label = 'this machine’s PostgreSQL (127.0.0.1:5432) and NATS (127.0.0.1:4222)';

  async start() {
    const adminDatabaseUrl = process.env.DATABASE_ADMIN_URL ?? MACHINE_ADMIN_URL;
    const natsUrl = process.env.NATS_URL ?? MACHINE_NATS_URL;
    this.adminDatabaseUrl = adminDatabaseUrl;
    this.natsUrl = natsUrl;
    return { adminDatabaseUrl, natsUrl };
  }

  cannot(server, url, defaultUrl, commands) {
    if (url !== defaultUrl) return `${server} at ${url} is not this machine's ${defaultUrl}`;
    if (!isRoot()) return `restarting ${server} needs root`;
    const missing = commands.filter(commandMissing);
    if (missing.length) return `${missing.join(' and ')} missing`;
    return undefined;
  }

  async restartPostgres() {
    const why = this.cannot('PostgreSQL', this.adminDatabaseUrl, MACHINE_ADMIN_URL, ['pg_ctlcluster']);
    if (why) return why;
    const versions = readdirSync('/etc/postgresql');
    runChecked('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'restart'], 'pg_ctlcluster restart');
    return undefined;
  }

  async restartNats() {
    const why = this.cannot('NATS', this.natsUrl, MACHINE_NATS_URL, ['start-stop-daemon', 'ss']);
    if (why) return why;
    // The one listening on 4222, not every nats-server (a test's own may run beside it).
    const listener = /nats-server",pid=(\d+)/.exec(runChecked('ss', ['-Hltnp', 'sport = :4222'], 'ss'))?.[1];
    if (!listener) return 'no nats-server listens on 127.0.0.1:4222';
    runChecked('start-stop-daemon', ['--stop', '--oknodo', '--retry', '15', '--pid', listener], 'start-stop-daemon --stop');
    runChecked('start-stop-daemon', ['--start', '--oknodo', '--background', ...NATS_DAEMON, '--', ...NATS_ARGS], 'start-stop-daemon --start');
    await waitFor(() => reachable('127.0.0.1', 4222), { timeoutMs: READY_MS, intervalMs: 100, what: 'NATS to listen again' });
    return undefined;
  }

  async stop() {}
}
