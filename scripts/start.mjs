#!/usr/bin/env node
// npm start: the whole platform on this machine, in one terminal.
//
//   npm start [-- svc ...] [-- --no-build]   (default: all six deployables)
//
// 1. installs dependencies when missing or stale (scripts/ensure-deps.mjs)
// 2. makes sure PostgreSQL and NATS/JetStream answer, starting them if needed
// 3. creates each service's database and role (idempotent)
// 4. builds everything (`nx run-many -t build`, cached when unchanged)
// 5. runs each service's migrations
// 6. starts the services, output prefixed with the service name
//    (PRETTY_LOGS=1 pipes pino's JSON through pino-pretty), waits until every
//    /health/ready answers 200, prints the URLs: the citizen portal at / on the gateway
//    (PORTAL_DIR, default services/web/dist; without a built portal the gateway serves
//    the API only and the message says so) and the API docs.
// Ctrl-C / SIGTERM stops every service (SIGTERM, SIGKILL after 10 s) and exits 0.
// A service that dies after it was ready is started again ("<service> exited with …;
// restarting in N s"), waiting 1 s, 2 s, 4 s … up to 30 s, back to 1 s after a minute's run
// (scripts/lib/supervisor.mjs, restart-policy.mjs); one that dies before it was ever ready
// (bad configuration, failed migration) stops the others and exits non-zero.
// 7. runs the local SMS/e-mail capture (services/notification/src/local-capture) for the
//    notification service, unless SMS_PROVIDER_URL / SMTP_HOST are set or LOCAL_CAPTURE=0.
// Environment: DATABASE_ADMIN_URL, NATS_URL, READY_TIMEOUT_MS (default 120000),
// PRETTY_LOGS, LOG_LEVEL and the services' own variables (passed through).
import { Socket } from 'node:net';
import { DEFAULT_PREFIX, isMain, portalBuilt, portalDir, selectServices, service, serviceEnv } from './lib/services.mjs';
import { UserError, checkNodeVersion, color, formatDuration, log, npxCommand, nxEnv, report, run, sleep, warn } from './lib/run.mjs';
import { ensureDeps } from './ensure-deps.mjs';
import { Supervisor } from './lib/supervisor.mjs';

const HOST = '127.0.0.1';

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (v) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, HOST, () => done(true));
  });
}

async function ready(port) {
  try {
    const res = await fetch(`http://${HOST}:${port}/health/ready`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer().catch(() => {});
    return res.status === 200;
  } catch {
    return false;
  }
}

const CAPTURE_MAIN = 'services/notification/dist/local-capture/main.js';

/**
 * The local stand-in for the SMS provider and the mail server (services/notification/src/local-capture),
 * run beside the notification service unless a real provider is configured or LOCAL_CAPTURE=0.
 */
async function localCapture(names, env = process.env) {
  if (!names.includes('notification') || env.LOCAL_CAPTURE === '0' || env.SMS_PROVIDER_URL || env.SMTP_HOST) return null;
  const smsPort = Number(env.SMS_CAPTURE_PORT || 3010);
  const mailPort = Number(env.MAIL_CAPTURE_PORT || 1025);
  for (const port of [smsPort, mailPort]) {
    if (await portInUse(port)) throw new UserError(`port ${port} (local SMS/e-mail capture) is already in use; free it, or set LOCAL_CAPTURE=0 with SMS_PROVIDER_URL and SMTP_HOST`);
  }
  return {
    port: smsPort,
    smsUrl: `http://${HOST}:${smsPort}/sms`,
    mailUrl: `http://${HOST}:${smsPort}/mail`,
    env: (name) => (name === 'notification' ? { SMS_PROVIDER_URL: `http://${HOST}:${smsPort}/sms`, SMTP_HOST: HOST, SMTP_PORT: String(mailPort) } : {}),
  };
}

export async function start(argv = process.argv.slice(2)) {
  const began = Date.now();
  checkNodeVersion();
  const names = selectServices(argv.filter((a) => !a.startsWith('--')).length ? argv.filter((a) => !a.startsWith('--')) : process.env.SERVICES);
  const prefix = process.env.DB_PREFIX || DEFAULT_PREFIX;

  await ensureDeps();
  const { ensureInfrastructure } = await import('./lib/infra.mjs');
  const { adminUrl, natsUrl } = await ensureInfrastructure();
  const { provisionDatabases } = await import('./lib/provision.mjs');
  await provisionDatabases({ adminUrl, services: names, prefix });
  log(`databases ready: ${names.map((n) => `${prefix}_${n}`).join(', ')}`);

  if (argv.includes('--no-build')) {
    log('--no-build: using the existing dist/ folders');
  } else {
    log('building (nx run-many -t build)');
    await run(npxCommand, ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { env: nxEnv(), label: 'nx run-many -t build' });
  }

  const { migrateServices } = await import('./lib/migrate.mjs');
  await migrateServices({ services: names, adminUrl, natsUrl, prefix });

  const busy = [];
  for (const name of names) if (await portInUse(service(name).port)) busy.push(`${service(name).port} (${name})`);
  if (busy.length > 0) throw new UserError(`port${busy.length > 1 ? 's' : ''} already in use: ${busy.join(', ')} — is the platform already running? Stop it first.`);

  const { spawnService } = await import('./lib/processes.mjs');
  const capture = await localCapture(names);
  const launchers = new Map();
  // the capture first: the notification service sends to it
  if (capture) launchers.set('capture', () => spawnService('capture', [], { main: CAPTURE_MAIN, detached: true, env: process.env }));
  for (const name of names) {
    launchers.set(name, () => spawnService(name, [], { env: serviceEnv(name, { adminUrl, natsUrl, prefix, extra: capture?.env(name) }), detached: true }));
  }
  const portOf = (name) => (name === 'capture' ? capture.port : service(name).port);
  const supervisor = new Supervisor(launchers, { say: warn, ready: (name) => ready(portOf(name)) });

  // from here on this process supervises: signals stop the services
  let exitCode = null;
  let signalled = 0;
  const finished = new Promise((resolve) => {
    const onSignal = (signal) => {
      signalled += 1;
      if (signalled > 1) {
        warn('second signal: killing the services now');
        supervisor.stop({ force: true });
        return;
      }
      log(`${signal}: stopping ${supervisor.alive().map(([n]) => n).join(', ') || 'nothing'}`);
      supervisor.stop().then(() => resolve(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    supervisor.onFailure = (error) => {
      report(error);
      supervisor.stop().then(() => resolve(1));
    };
  });

  log(`starting ${names.join(', ')}`);
  supervisor.start();

  const timeoutMs = Number(process.env.READY_TIMEOUT_MS || 120_000);
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(launchers.keys());
  while (pending.size > 0 && !supervisor.stopping && !supervisor.failure) {
    const results = await Promise.all([...pending].map(async (n) => [n, await ready(portOf(n))]));
    for (const [n, ok] of results) {
      if (!ok) continue;
      pending.delete(n);
      supervisor.markReady(n);
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) {
      const list = [...pending].map((n) => `${n} (http://${HOST}:${portOf(n)}/health/ready)`).join(', ');
      supervisor.fail(new UserError(`not ready after ${Math.round(timeoutMs / 1000)} s: ${list}; see its log lines above (READY_TIMEOUT_MS raises the limit)`));
      break;
    }
    await sleep(500);
  }

  if (pending.size === 0 && !supervisor.stopping && !supervisor.failure) {
    const lines = [];
    if (names.includes('gateway')) {
      const gateway = `http://${HOST}:${service('gateway').port}`;
      lines.push(color.green(`Open Day platform is up: gateway on ${gateway}`));
      const dir = process.env.PORTAL_DIR || portalDir();
      lines.push(
        portalBuilt(dir)
          ? `  citizen portal ${gateway}/`
          : `  citizen portal not built (no ${dir}/index.html): the gateway serves the API only; nx run @openday/web:build builds it`,
      );
      lines.push(`  API docs       ${gateway}/api/docs (OpenAPI ${gateway}/api/docs-json)`);
    } else {
      lines.push(color.green(`Open Day platform is up (${names.join(', ')}; no gateway)`));
    }
    for (const n of names.filter((x) => x !== 'gateway')) {
      lines.push(`  ${n.padEnd(12)} http://${HOST}:${service(n).port}  (health /health/ready, metrics /metrics)`);
    }
    if (capture) lines.push(`  SMS and e-mail go to the local capture: ${capture.smsUrl}, ${capture.mailUrl} (see README)`);
    lines.push(`  NATS ${natsUrl}, PostgreSQL ${new URL(adminUrl).host} — ready in ${formatDuration(Date.now() - began)}; Ctrl-C stops everything`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  exitCode = await finished;
  return exitCode;
}

if (isMain(import.meta.url)) {
  const exit = (code) => {
    process.exitCode = code;
    // let pending output drain, but never hang on a stray handle
    setTimeout(() => process.exit(code), 2000).unref();
  };
  start().then(exit, (error) => exit(report(error)));
}
