import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { BusNamespace, CalendarOperations, WorkingCalendarChangedV1 } from '@openday/contracts';
import { connectNats, DeadLetterStore, provisionReplayStream } from '@openday/messaging';
import { createTestDatabase, freePort, type ServiceName, ServiceProcess, SERVICES, type TestDatabase, testInfrastructure, waitFor } from '@openday/testing';

/**
 * The platform under the project's NATS accounts (deploy/nats/nats-server.conf),
 * on a nats-server of its own: every service runs as its own user in the
 * production namespace, a subscriber system connects to its separate account.
 */
const REPO_ROOT = path.resolve(__dirname, '../..');
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server');
const USERS = [...SERVICES, 'deadletters', 'subscriber', 'subscribers-admin', 'system'] as const;
type NatsUser = (typeof USERS)[number];
const namespace = new BusNamespace('openday');
const passwordVariable = (user: NatsUser) => `NATS_${user.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
// nats-server reads a variable's value as a config token: a password must start with a letter (deploy/README.md).
const passwords = Object.fromEntries(USERS.map((user) => [user, `p${randomBytes(24).toString('hex')}`])) as Record<NatsUser, string>;

const CITY_OFFICE = { userId: randomUUID(), role: 'city-office' };

let server: ChildProcess;
let serverLog = '';
let storeDir: string;
let natsUrl: string;
const databases = new Map<ServiceName, TestDatabase>();
const processes = new Map<ServiceName, ServiceProcess>();
const connections: NatsConnection[] = [];

async function connectAs(user: NatsUser): Promise<NatsConnection> {
  // A subscriber system is no platform client: plain NATS, its default inbox.
  const connection =
    user === 'subscriber'
      ? await connect({ servers: natsUrl, user, pass: passwords[user] })
      : await connectNats(natsUrl, `test-${user}`, { user, password: passwords[user] });
  connections.push(connection);
  return connection;
}

/** A request as Nest's NATS transport frames it; resolves with the reply, rejects with the client's error. */
async function rpc(connection: NatsConnection, operation: string, data: unknown): Promise<unknown> {
  const subject = namespace.rpcSubject('scheduling', operation);
  const reply = await connection.request(subject, JSON.stringify({ pattern: subject, data, id: randomUUID() }), { timeout: 5000 });
  const body = reply.json<{ response?: unknown; err?: unknown }>();
  if (body.err) throw new Error(`rpc error: ${JSON.stringify(body.err)}`);
  return body.response;
}

async function rpcCount(operation: string): Promise<number> {
  const metrics = await (await fetch(`${processes.get('scheduling')!.url}/metrics`)).text();
  const pattern = namespace.rpcSubject('scheduling', operation);
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('rpc_') && line.includes(`"${pattern}"`) && /_count\{|_total\{/.test(line))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function calendarCopy(service: ServiceName): Promise<{ holidays: string[] } | undefined> {
  const client = new Client({ connectionString: databases.get(service)!.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ calendar: { holidays: string[] } }>('SELECT calendar FROM working_calendar_copy WHERE id = 1');
    return rows[0]?.calendar;
  } finally {
    await client.end();
  }
}

function permissionError(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'allowed',
    (err: Error) => (/permissions violation/i.test(err.message) ? 'refused' : `failed otherwise: ${err.message}`),
  );
}

/** Refused: the server ends the subscription with a permission error; allowed: it stays open. */
async function subscriptionOutcome(connection: NatsConnection, subject: string): Promise<string> {
  const subscription = connection.subscribe(subject);
  const ended = (async () => {
    for await (const _ of subscription) void _;
  })();
  const open = new Promise<void>((resolve) => setTimeout(resolve, 1500));
  const outcome = await permissionError(Promise.race([ended, open]));
  subscription.unsubscribe();
  return outcome;
}

beforeAll(async () => {
  const port = await freePort();
  let monitorPort = await freePort();
  while (monitorPort === port) monitorPort = await freePort();
  natsUrl = `nats://127.0.0.1:${port}`;
  storeDir = mkdtempSync(path.join(tmpdir(), 'openday-nats-'));
  const env = { ...process.env, ...Object.fromEntries(USERS.map((user) => [passwordVariable(user), passwords[user]])) };
  server = spawn(
    NATS_SERVER,
    ['-c', path.join(REPO_ROOT, 'deploy/nats/nats-server.conf'), '-p', String(port), '-m', String(monitorPort), '-sd', storeDir],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${monitorPort}/healthz?js-enabled-only=true`).catch(() => undefined))?.ok ?? false, {
    timeoutMs: 10_000,
    intervalMs: 100,
    what: 'nats-server with deploy/nats/nats-server.conf',
  }).catch((err: Error) => {
    throw new Error(`${err.message}\n${serverLog}`);
  });

  const infra = await testInfrastructure();
  for (const service of SERVICES) {
    databases.set(service, await createTestDatabase(infra.adminDatabaseUrl, `nats_${service}`));
    processes.set(
      service,
      new ServiceProcess({
        service,
        port: await freePort(),
        env: {
          DATABASE_URL: databases.get(service)!.url,
          NATS_URL: natsUrl,
          NATS_USER: service,
          NATS_PASSWORD: passwords[service],
          BUS_NAMESPACE: namespace.root,
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
        },
      }),
    );
  }
  // Every service provisions its streams and creates all its consumers with its own user, or it never gets ready.
  await Promise.all([...processes.values()].map((p) => p.start({ readyTimeoutMs: 60_000 })));
}, 120_000);

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
  await Promise.all([...processes.values()].map((p) => p.stop()));
  server?.kill('SIGTERM');
  for (const database of databases.values()) await database.drop();
  rmSync(storeDir, { recursive: true, force: true });
}, 60_000);

it('is generated from the table of consumed streams (scripts/nats-accounts.mjs)', () => {
  expect(() => execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/nats-accounts.mjs'), '--check'])).not.toThrow();
});

it('refuses a connection without a user or with a wrong password', async () => {
  await expect(connectNats(natsUrl, 'anonymous')).rejects.toThrow(/authorization/i);
  await expect(connectNats(natsUrl, 'wrong', { user: 'vetting', password: 'guess' })).rejects.toThrow(/authorization/i);
});

it("answers the gateway's request, carries the event to its consumers and the subscribers, and never runs a request another user forged", async () => {
  const admin = await connectAs('subscribers-admin');
  const replayStream = await provisionReplayStream(await jetstreamManager(admin), namespace);
  const subscriber = await connectAs('subscriber');
  const live = subscriber.subscribe(`${namespace.root}.>`);
  await subscriber.flush();

  const forger = await connectAs('vetting');
  // A year no other test plans in, taken from the clock the services read.
  const futureYear = new Date().getUTCFullYear() + 5;
  const forgedBefore = await rpcCount(CalendarOperations.change);
  const forged = rpc(forger, CalendarOperations.change, { actor: CITY_OFFICE, change: { coveredYears: [futureYear], holidays: [`${futureYear}-01-03`] } });
  expect(await permissionError(forged)).toBe('refused');

  const gateway = await connectAs('gateway');
  const view = (await rpc(gateway, CalendarOperations.change, {
    actor: CITY_OFFICE,
    change: { coveredYears: [futureYear], holidays: [`${futureYear}-01-02`] },
  })) as { holidays: string[] };
  expect(view.holidays).toContain(`${futureYear}-01-02`);
  expect(view.holidays).not.toContain(`${futureYear}-01-03`);
  // The forged request never reached the handler: one change counted, the gateway's.
  expect(await rpcCount(CalendarOperations.change)).toBe(forgedBefore + 1);

  // scheduling's public event reached vetting's and feedback's durable consumers, each under its own user...
  for (const service of ['vetting', 'feedback'] as const) {
    await waitFor(async () => (await calendarCopy(service))?.holidays.includes(`${futureYear}-01-02`) ?? false, {
      timeoutMs: 20_000,
      what: `${service}'s copy of the working calendar`,
    });
  }
  // ...and the subscriber account, live and in its replay stream.
  const subject = WorkingCalendarChangedV1.contract.subjectIn(namespace);
  for await (const message of live) {
    if (message.subject === subject) break;
  }
  const replay = await jetstream(subscriber).consumers.get(replayStream);
  const replayed = await replay.next({ expires: 5000 });
  expect(replayed?.subject).toBe(subject);
});

it("keeps the subscriber account to the public events, read-only", async () => {
  const subscriber = await connectAs('subscriber');
  for (const subject of [`${namespace.root}_internal.>`, namespace.deadLetterWildcard, 'rpc.>', 'rpc.scheduling.working-calendar.change']) {
    expect(await subscriptionOutcome(subscriber, subject)).toBe('refused');
  }
  expect(await permissionError(jetstream(subscriber).publish(`${namespace.root}.scheduling.plan-approved.v1`, '{}'))).toBe('refused');
  expect(await permissionError(rpc(subscriber, CalendarOperations.get, {}))).toBe('refused');
  // The platform's streams are not even visible from that account.
  await expect((await jetstreamManager(subscriber)).streams.info(namespace.eventStream('registration', 'internal'))).rejects.toThrow();
});

it('keeps public events 90 days, internal ones (personal data) 7 and dead letters 14', async () => {
  const jsm = await jetstreamManager(await connectAs('scheduling'));
  const maxAgeDays = async (stream: string) => (await jsm.streams.info(stream)).config.max_age / 1e9 / 86_400;
  expect(await maxAgeDays(namespace.eventStream('scheduling'))).toBe(90);
  expect(await maxAgeDays(namespace.eventStream('scheduling', 'internal'))).toBe(7);
  expect(await maxAgeDays(namespace.deadLetterStream)).toBe(14);
});

it("lets the operators' deadletters user read the dead letters, which no service may", async () => {
  const operator = await connectAs('deadletters');
  const store = new DeadLetterStore(jetstream(operator), await jetstreamManager(operator), namespace);
  await expect(store.list(10)).resolves.toEqual([]);
  const vetting = await connectAs('vetting');
  const jsm = await jetstreamManager(vetting);
  expect(await permissionError(jsm.streams.getMessage(namespace.deadLetterStream, { seq: 1 }))).toBe('refused');
});

it("lets a service publish only its own events and read only the streams it consumes", async () => {
  const vetting = await connectAs('vetting');
  const js = jetstream(vetting);
  const jsm = await jetstreamManager(vetting);
  const forgedEvent = JSON.stringify({ forged: true });
  for (const subject of [
    namespace.eventSubject('scheduling', 'open-day-published', 2),
    namespace.eventSubject('registration', 'application-submitted', 1, 'internal'),
    namespace.eventSubject('gateway', 'sign-in-code-requested', 1, 'internal'),
  ]) {
    expect(await permissionError(js.publish(subject, forgedEvent))).toBe('refused');
  }
  const before = await jsm.streams.info(namespace.eventStream('scheduling'));
  expect(await permissionError(js.publish(namespace.eventSubject('scheduling', 'plan-approved', 1), forgedEvent))).toBe('refused');
  expect((await jsm.streams.info(namespace.eventStream('scheduling'))).state.last_seq).toBe(before.state.last_seq);

  // Its own subjects go through; another's inbox and a stream it does not consume do not.
  expect(await permissionError(js.publish(namespace.eventSubject('vetting', 'permission-check', 1), forgedEvent))).toBe('allowed');
  expect(await permissionError(jsm.streams.info(namespace.eventStream('gateway', 'internal')))).toBe('refused');
  expect(await permissionError(jsm.streams.delete(namespace.eventStream('scheduling')))).toBe('refused');
  expect(await subscriptionOutcome(vetting, '_INBOX_gateway.>')).toBe('refused');
  expect(await subscriptionOutcome(vetting, 'rpc.scheduling.>')).toBe('refused');
  expect(await subscriptionOutcome(vetting, 'rpc.vetting.>')).toBe('allowed');
});
