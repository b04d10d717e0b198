// The throw-away platform of the e2e tests and the demo (@openday/testing's NotificationHarness:
// every service its own process, fresh databases and bus namespace, the local SMS and mail
// captures, the demo city seeded) set up for load: sign-in and public rate limits raised
// (thousands of citizens sign in from this one address), each service's pool sized,
// optionally a second replica of every service (same database and bus namespace, own port),
// and the backlog of the whole platform (JetStream consumers' pending messages, unsent outbox
// rows, pending deliveries).
import { jetstreamManager } from '@nats-io/jetstream';
import { freePort, NotificationHarness, SERVICES, ServiceProcess } from '@openday/testing';
import pg from 'pg';

const READY_TIMEOUT_MS = 90_000;

export class BenchPlatform {
  /** @param {{ replicas?: number, poolSize?: number }} options */
  constructor({ replicas = 1, poolSize = 10 } = {}) {
    this.harness = new NotificationHarness();
    this.replicaCount = replicas;
    this.poolSize = poolSize;
    /** service → its extra replicas (the first instance is in `processes`). */
    this.replicas = new Map();
    this.databasePools = new Map();
  }

  extraEnv(service) {
    const env = { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: String(this.poolSize) };
    if (service === 'gateway') Object.assign(env, { RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', ACCESS_TOKEN_TTL_SECONDS: '3600' });
    if (service === 'vetting') Object.assign(env, { TIMER_POLL_MS: '200' });
    return env;
  }

  /** Starts the captures and the services (and their replicas), then seeds the demo city. */
  async start() {
    const env = Object.fromEntries(SERVICES.map((service) => [service, this.extraEnv(service)]));
    await this.harness.start(env.notification, env);
    const extra = [];
    for (const [service, first] of this.processes) {
      const more = [];
      for (let i = 1; i < this.replicaCount; i++) more.push(new ServiceProcess({ service, port: await freePort(), env: { ...first.options.env } }));
      this.replicas.set(service, more);
      extra.push(...more);
    }
    await Promise.all(extra.map((p) => p.start({ readyTimeoutMs: READY_TIMEOUT_MS })));
  }

  get processes() {
    return this.harness.platform.processes;
  }

  get namespace() {
    return this.harness.platform.namespace;
  }

  get connection() {
    return this.harness.platform.connection;
  }

  get sms() {
    return this.harness.sms;
  }

  get smtp() {
    return this.harness.smtp;
  }

  get gatewayUrl() {
    return this.harness.platform.gateway;
  }

  /** The PostgreSQL and NATS the platform runs on. */
  get infra() {
    return this.harness.platform.infra;
  }

  /** Every running instance of a service, the first one first. */
  instances(service) {
    return [this.processes.get(service), ...(this.replicas.get(service) ?? [])];
  }

  get gatewayUrls() {
    return this.instances('gateway').map((p) => p.url);
  }

  databaseUrl(service) {
    return this.processes.get(service).options.env.DATABASE_URL;
  }

  /** A one-connection pool on a service's database, for the bench's own reads. */
  database(service) {
    if (!this.databasePools.has(service)) this.databasePools.set(service, new pg.Pool({ connectionString: this.databaseUrl(service), max: 1 }));
    return this.databasePools.get(service);
  }

  /** Stops every instance of these services (their consumers stop taking messages; the bus keeps them). */
  async pause(services) {
    await Promise.all(services.flatMap((s) => this.instances(s)).map((p) => p.stop()));
  }

  async resume(services) {
    await Promise.all(services.flatMap((s) => this.instances(s)).map((p) => p.start({ readyTimeoutMs: READY_TIMEOUT_MS })));
  }

  /**
   * What is still on its way: messages the namespace's JetStream consumers have not
   * had acknowledged (pending + ack-pending), outbox rows not yet relayed in any
   * service, and notification deliveries not yet made.
   */
  async backlog() {
    this.jsm ??= await jetstreamManager(this.connection);
    const prefix = `${this.namespace.root.toUpperCase()}_`;
    let consumers = 0;
    for await (const stream of this.jsm.streams.list()) {
      if (!stream.config.name.startsWith(prefix)) continue;
      for await (const consumer of this.jsm.consumers.list(stream.config.name)) consumers += consumer.num_pending + consumer.num_ack_pending;
    }
    let outbox = 0;
    for (const service of this.processes.keys()) {
      outbox += (await this.database(service).query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`)).rows[0].n;
    }
    const deliveries = (await this.database('notification').query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE status = 'pending'`)).rows[0].n;
    return { consumers, outbox, deliveries, total: consumers + outbox + deliveries };
  }

  /** Polls the backlog until it is empty twice in a row; answers when it first was. */
  async drained({ intervalMs = 250, timeoutMs = 600_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let emptySince;
    for (;;) {
      const checkedAt = Date.now();
      const { total } = await this.backlog();
      if (total === 0) {
        if (emptySince !== undefined) return emptySince;
        emptySince = checkedAt;
      } else {
        emptySince = undefined;
      }
      if (Date.now() > deadline) throw new Error(`the backlog did not drain within ${timeoutMs / 1000} s: ${JSON.stringify(await this.backlog())}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** Stops every instance, deletes the namespace's streams and drops the databases; safe to call twice. */
  stop() {
    return (this.stopping ??= (async () => {
      await Promise.all([...this.replicas.values()].flat().map((p) => p.stop()));
      for (const pool of this.databasePools.values()) await pool.end().catch(() => undefined);
      await this.harness.stop();
    })());
  }
}
