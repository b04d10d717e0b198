import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

/** A PostgreSQL cluster of this process's own: it may be restarted or stopped without disturbing anyone else. */
export interface ThrowawayPostgres {
  /** The `app` database, for the code under test. */
  url: string;
  /** The `postgres` database as the superuser, e.g. for createTestDatabase. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server fast (clients see "terminating connection due to administrator command"), waits, starts it again. */
  restart(options?: { downtimeMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export interface ThrowawayPostgresOptions {
  maxConnections?: number;
}

/** The newest installed server binaries, or PG_BIN_DIR. */
export function postgresBinDir(): string {
  const candidates = process.env.PG_BIN_DIR
    ? [process.env.PG_BIN_DIR]
    : readdirSafe('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join('/usr/lib/postgresql', version, 'bin'));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'startThrowawayPostgres needs the PostgreSQL server binaries (initdb, pg_ctl): none under /usr/lib/postgresql/*/bin. ' +
        'Install the postgresql server package or set PG_BIN_DIR.',
    );
  }
  return found;
}

function readdirSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** initdb refuses to run as root; as root the cluster belongs to the `postgres` account. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('startThrowawayPostgres runs as root, so it needs a `postgres` account to own the cluster (initdb refuses root).');
  }
}

/**
 * initdb into a temporary folder and pg_ctl start on a free port, TCP on
 * 127.0.0.1 only, trust authentication, durability off (a test cluster).
 */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  const owner = clusterOwner();
  const root = mkdtempSync(path.join(os.tmpdir(), 'openday-pg-'));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const port = await freePort();
  const asOwner = { cwd: root, ...(owner ?? {}) };
  const pgCtl = (...args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '30', ...args], asOwner);

  await run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], asOwner);
  appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = ''`,
      `max_connections = ${options.maxConnections ?? 100}`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  writeFileSync(logFile, '');
  if (owner) chownSync(logFile, owner.uid, owner.gid);

  const watchdog = outliveGuard(process.pid, path.join(bin, 'pg_ctl'), dataDir, root, asOwner);
  await pgCtl('start').catch((err: Error) => {
    throw new Error(`pg_ctl start failed: ${err.message}\n${readLog(logFile)}`);
  });

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE app');
  await admin.end();

  return {
    url: `postgres://postgres@127.0.0.1:${port}/app`,
    adminUrl,
    port,
    dataDir,
    async restart({ downtimeMs = 0 } = {}) {
      await pgCtl('-m', 'fast', 'stop');
      if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs));
      await pgCtl('start');
    },
    async stop() {
      watchdog.kill();
      spawnSync(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop'], asOwner);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A detached shell that stops the cluster and removes its folder once this process is gone,
 * however it ends (a test timing out, a kill -9), so no server outlives its test.
 */
function outliveGuard(pid: number, pgCtl: string, dataDir: string, root: string, asOwner: { cwd: string; uid?: number; gid?: number }) {
  const script = `while [ -d /proc/${pid} ]; do sleep 1; done; "${pgCtl}" -D "${dataDir}" -m immediate stop >/dev/null 2>&1; rm -rf "${root}"`;
  const guard = spawn('sh', ['-c', script], { ...asOwner, detached: true, stdio: 'ignore' });
  guard.unref();
  return guard;
}

function readLog(logFile: string): string {
  return existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
}
