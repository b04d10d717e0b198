// Makes sure PostgreSQL and NATS (with JetStream) answer before anything else runs.
//
//   node scripts/lib/infra.mjs           check, start what is missing, report
//   node scripts/lib/infra.mjs --check   only check and report (exit 1 if one is down)
//
// Where: DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres,
// PGHOST/PGPORT override its host and port) and NATS_URL (default
// nats://127.0.0.1:4222). When one is down it is started, in this order of
// preference: the machine's own service (pg_ctlcluster, /usr/sbin/nats-server),
// then `docker compose up -d` of the repository's compose file when a Docker
// engine answers; otherwise it fails and says what to install.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, adminUrlFromEnv, isMain, natsUrlFromEnv } from './services.mjs';
import { UserError, log, run, runCli, sleep, succeeds, warn } from './run.mjs';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0']);

function hostPort(url, defaultPort) {
  const u = new URL(url);
  return { host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(u.port || defaultPort) };
}

/** Where PostgreSQL and NATS are expected, from the environment. */
export function infraTargets(env = process.env) {
  const adminUrl = adminUrlFromEnv(env);
  // several NATS URLs may be given comma-separated; the first one is checked
  const natsUrl = natsUrlFromEnv(env);
  const firstNats = natsUrl.split(',')[0].trim();
  return {
    adminUrl,
    natsUrl,
    postgres: hostPort(adminUrl, 5432),
    nats: hostPort(firstNats.includes('://') ? firstNats : `nats://${firstNats}`, 4222),
  };
}

/** Resolves true when a TCP connection to host:port opens within timeoutMs. */
export function tcpReachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

function loadPg() {
  // pg is resolved from the repository (scripts may run from anywhere)
  const require = createRequire(join(ROOT, 'package.json'));
  try {
    return require('pg');
  } catch {
    throw new UserError('the "pg" package is not installed; run `node scripts/ensure-deps.mjs` (or npm install) first');
  }
}

/** { ok, detail }: TCP connect, then `select 1` as the admin user. */
export async function checkPostgres({ adminUrl, postgres } = infraTargets()) {
  const where = `${postgres.host}:${postgres.port}`;
  if (!(await tcpReachable(postgres.host, postgres.port))) return { ok: false, reachable: false, detail: `nothing listens on ${where}` };
  const pg = loadPg();
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query('select 1 as ok, current_setting($1) as version', ['server_version']);
    return { ok: rows[0].ok === 1, reachable: true, detail: `PostgreSQL ${rows[0].version} at ${where}` };
  } catch (error) {
    // 57P03: the server is starting up / shutting down
    return { ok: false, reachable: error.code !== '57P03' ? true : false, detail: `PostgreSQL at ${where} refused "select 1": ${error.message}` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** { ok, detail, info }: TCP connect and read the server's INFO line. */
export function checkNats({ nats } = infraTargets(), timeoutMs = 3000) {
  const where = `${nats.host}:${nats.port}`;
  return new Promise((resolve) => {
    const socket = new Socket();
    let buffer = '';
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, detail: `no INFO from NATS at ${where} within ${timeoutMs} ms` }));
    socket.once('error', (error) => done({ ok: false, detail: `nothing answers on ${where} (${error.code ?? error.message})` }));
    socket.once('close', () => done({ ok: false, detail: `connection to ${where} closed before INFO` }));
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      buffer += chunk;
      const end = buffer.indexOf('\r\n');
      if (end < 0) {
        if (buffer.length > 64 * 1024) done({ ok: false, detail: `${where} does not speak the NATS protocol` });
        return;
      }
      const line = buffer.slice(0, end);
      if (!line.startsWith('INFO ')) return done({ ok: false, detail: `${where} does not speak the NATS protocol (got "${line.slice(0, 40)}")` });
      let info = {};
      try {
        info = JSON.parse(line.slice(5));
      } catch {
        /* keep going with an empty INFO */
      }
      if (info.jetstream === false) {
        return done({ ok: false, info, detail: `NATS ${info.version ?? ''} at ${where} runs without JetStream; start it with -js` });
      }
      done({ ok: true, info, detail: `NATS ${info.version ?? '?'} at ${where}${info.jetstream ? ' (JetStream)' : ''}` });
    });
    socket.connect(nats.port, nats.host);
  });
}

export async function checkInfrastructure(targets = infraTargets()) {
  const [postgres, nats] = await Promise.all([checkPostgres(targets), checkNats(targets)]);
  return { postgres, nats };
}

// ---------------------------------------------------------------- starting

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin', '/usr/local/bin'])) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** Debian PostgreSQL clusters named "main" configured on `port`, newest first. */
function localPgClusters(port) {
  const base = '/etc/postgresql';
  if (!existsSync(base)) return [];
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'main', 'postgresql.conf')))
    .sort((a, b) => Number(b) - Number(a));
  const onPort = versions.filter((v) => {
    const conf = readFileSync(join(base, v, 'main', 'postgresql.conf'), 'utf8');
    const m = conf.match(/^\s*port\s*=\s*(\d+)/m);
    return Number(m?.[1] ?? 5432) === port;
  });
  return onPort;
}

async function startLocalPostgres(target) {
  const pgCtl = which('pg_ctlcluster');
  const versions = localPgClusters(target.port);
  if (!pgCtl || versions.length === 0) return false;
  const version = versions[0];
  log(`starting local PostgreSQL ${version} (pg_ctlcluster ${version} main start)`);
  const code = await run(pgCtl, ['--skip-systemctl-redirect', version, 'main', 'start'], { check: false, label: 'pg_ctlcluster' });
  // exit code 2 = already running
  if (code !== 0 && code !== 2) warn(`pg_ctlcluster exited with code ${code}`);
  return true;
}

async function startLocalNats(target) {
  const server = '/usr/sbin/nats-server';
  const ssd = which('start-stop-daemon');
  if (!existsSync(server) || !ssd) return false;
  // the machine's default store and log for the default port, separate ones for any other port
  const standard = target.port === 4222;
  const storeDir = standard ? '/var/lib/nats-server' : `/var/lib/nats-server-${target.port}`;
  const logFile = standard ? '/var/log/nats-server.log' : `/var/log/nats-server-${target.port}.log`;
  const runDir = existsSync('/run') && process.getuid?.() === 0 ? '/run' : tmpdir();
  try {
    mkdirSync(storeDir, { recursive: true });
  } catch {
    /* nats-server reports it in its log */
  }
  log(`starting local nats-server with JetStream on 127.0.0.1:${target.port} (store ${storeDir}, log ${logFile})`);
  const code = await run(
    ssd,
    // the pid file makes start-stop-daemon match this port's server only (not another nats-server on another port)
    ['--start', '--oknodo', '--background', '--make-pidfile', '--pidfile', join(runDir, `openday-nats-${target.port}.pid`), '--exec', server, '--',
      '-a', '127.0.0.1', '-p', String(target.port), '-js', '-sd', storeDir, '-l', logFile],
    { check: false, label: 'start-stop-daemon' },
  );
  if (code !== 0) warn(`start-stop-daemon exited with code ${code}`);
  return true;
}

function composeCommand() {
  if (!succeeds('docker', ['info'], { timeoutMs: 15000 })) return null;
  if (succeeds('docker', ['compose', 'version'])) return ['docker', ['compose']];
  if (which('docker-compose') && succeeds('docker-compose', ['version'])) return ['docker-compose', []];
  return null;
}

async function waitFor(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last.ok) return last;
    await sleep(500);
  }
  return last ?? (await check());
}

/**
 * Checks PostgreSQL and NATS; starts whichever is down (local service first,
 * Docker second) and waits for it. Resolves with { adminUrl, natsUrl } to use
 * (the admin URL gains the compose password when PostgreSQL came from Docker
 * and no DATABASE_ADMIN_URL was given). Throws a UserError naming what to
 * install when nothing can be started.
 */
export async function ensureInfrastructure({ env = process.env, timeoutMs = 20_000, dockerTimeoutMs = 120_000, quiet = false } = {}) {
  const targets = infraTargets(env);
  let { adminUrl } = targets;
  const say = quiet ? () => {} : log;
  let status = await checkInfrastructure(targets);
  if (status.postgres.ok && status.nats.ok) {
    say(`${status.postgres.detail}; ${status.nats.detail}`);
    return { adminUrl, natsUrl: targets.natsUrl, started: [] };
  }

  const started = [];
  const pgDown = !status.postgres.ok && !status.postgres.reachable;
  const natsDown = !status.nats.ok && !status.nats.info;
  if (!status.postgres.ok && status.postgres.reachable) {
    // something answers but refuses us: starting another server would not help
    throw new UserError(`${status.postgres.detail}\n  set DATABASE_ADMIN_URL to a superuser URL for that server (default ${targets.adminUrl})`);
  }
  if (!status.nats.ok && status.nats.info) throw new UserError(status.nats.detail);

  const missing = [];
  if (pgDown) {
    if (LOOPBACK.has(targets.postgres.host) && (await startLocalPostgres(targets.postgres))) started.push('postgres');
    else missing.push('postgres');
  }
  if (natsDown) {
    if (LOOPBACK.has(targets.nats.host) && (await startLocalNats(targets.nats))) started.push('nats');
    else missing.push('nats');
  }

  let viaDocker = false;
  if (missing.length > 0) {
    const remote = missing.filter((m) => !LOOPBACK.has(targets[m].host));
    if (remote.length > 0) {
      throw new UserError(`${remote.map((m) => `${m === 'postgres' ? status.postgres.detail : status.nats.detail}`).join('; ')}\n  ${remote.join(' and ')} run${remote.length === 1 ? 's' : ''} on another host; start ${remote.length === 1 ? 'it' : 'them'} there or fix DATABASE_ADMIN_URL / NATS_URL`);
    }
    const compose = composeCommand();
    if (!compose) {
      const install = [];
      if (missing.includes('postgres')) install.push('PostgreSQL 15+ (Debian/Ubuntu: apt-get install postgresql)');
      if (missing.includes('nats')) install.push('nats-server 2.9+ with JetStream (Debian/Ubuntu: apt-get install nats-server)');
      throw new UserError(
        [
          `not reachable: ${missing.map((m) => (m === 'postgres' ? `PostgreSQL (${status.postgres.detail})` : `NATS (${status.nats.detail})`)).join(', ')}`,
          `  and there is no local service to start and no Docker engine answering \`docker info\`.`,
          `  Install ${install.join(' and ')},`,
          `  or install Docker with the compose plugin (then this script runs \`docker compose up -d ${missing.join(' ')}\`),`,
          `  or point DATABASE_ADMIN_URL / NATS_URL at running servers.`,
        ].join('\n'),
      );
    }
    const [cmd, pre] = compose;
    log(`starting ${missing.join(' and ')} with ${[cmd, ...pre].join(' ')} (docker-compose.yml)`);
    await run(cmd, [...pre, '-f', join(ROOT, 'docker-compose.yml'), 'up', '-d', ...missing], { label: `${[cmd, ...pre].join(' ')} up` });
    viaDocker = true;
    started.push(...missing);
    if (missing.includes('postgres') && !env.DATABASE_ADMIN_URL) {
      const u = new URL(adminUrl);
      u.password = env.POSTGRES_PASSWORD || 'postgres';
      adminUrl = u.toString();
    }
  }

  const wanted = { ...targets, adminUrl };
  const wait = viaDocker ? dockerTimeoutMs : timeoutMs;
  const [pg, nats] = await Promise.all([
    status.postgres.ok ? status.postgres : waitFor(() => checkPostgres(wanted), wait),
    status.nats.ok ? status.nats : waitFor(() => checkNats(wanted), wait),
  ]);
  status = { postgres: pg, nats };
  const failed = [];
  if (!pg.ok) failed.push(`PostgreSQL: ${pg.detail}`);
  if (!nats.ok) failed.push(`NATS: ${nats.detail}`);
  if (failed.length > 0) {
    const hints = [];
    if (!pg.ok && !viaDocker) hints.push('PostgreSQL log: /var/log/postgresql/');
    if (!nats.ok && !viaDocker) hints.push(`NATS log: /var/log/nats-server${targets.nats.port === 4222 ? '' : `-${targets.nats.port}`}.log`);
    throw new UserError(`started ${started.join(', ')} but after ${Math.round(wait / 1000)} s still not ready:\n  ${failed.join('\n  ')}${hints.length ? `\n  see ${hints.join(', ')}` : ''}`);
  }
  say(`${pg.detail}; ${nats.detail}${started.length ? ` (started: ${started.join(', ')})` : ''}`);
  return { adminUrl, natsUrl: targets.natsUrl, started };
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    if (process.argv.includes('--check')) {
      const { postgres, nats } = await checkInfrastructure();
      process.stdout.write(`postgres: ${postgres.ok ? 'reachable' : 'NOT reachable'} — ${postgres.detail}\n`);
      process.stdout.write(`nats:     ${nats.ok ? 'reachable' : 'NOT reachable'} — ${nats.detail}\n`);
      return postgres.ok && nats.ok ? 0 : 1;
    }
    const { adminUrl, natsUrl } = await ensureInfrastructure();
    process.stdout.write(`postgres: reachable (${new URL(adminUrl).host})\nnats:     reachable (${natsUrl})\n`);
    return 0;
  });
}
