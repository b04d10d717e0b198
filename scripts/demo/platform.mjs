// The whole platform for the demo, as the end-to-end harness runs it
// (libs/testing/src/platform/platform-harness.ts, notification-harness.ts): every deployable its
// own process from its dist/main.js, each with a fresh database, all in a fresh
// bus namespace; the SMS provider and the mail server are the local captures,
// in this process; the demo city is seeded with the gateway's seed command.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connectNats } from '@openday/messaging';
import {
  createTestDatabase,
  deleteNamespaceStreams,
  freePort,
  ServiceProcess,
  SmsCaptureServer,
  SmtpCapture,
  testInfrastructure,
  testNamespace,
} from '@openday/testing';
import { ROOT, SERVICE_NAMES } from '../lib/services.mjs';

const run = promisify(execFile);
const READY_TIMEOUT_MS = 90_000;

/** Which service's clock each *_TEST_NOW variable shifts (honoured with NODE_ENV=test only). */
export const CLOCKS = { scheduling: 'SCHEDULING_TEST_NOW', notification: 'NOTIFICATION_TEST_NOW', feedback: 'FEEDBACK_TEST_NOW' };

export class DemoPlatform {
  namespace = testNamespace();
  sms = new SmsCaptureServer({ port: 0 });
  smtp = new SmtpCapture();
  processes = new Map();
  databases = [];

  /**
   * `infrastructure` ({ adminDatabaseUrl, natsUrl }): servers to use instead of the environment's (not stopped here);
   * `env` ({ gateway: { … } }): variables over each service's defaults.
   */
  constructor({ infrastructure, env = {} } = {}) {
    this.givenInfrastructure = infrastructure;
    this.envOverrides = env;
  }

  /** Starts the captures and the six services (together: readiness is per process), then seeds the demo city. */
  async start() {
    this.infra = this.givenInfrastructure ? { ...this.givenInfrastructure, stop: async () => {} } : await testInfrastructure();
    this.connection = await connectNats(this.infra.natsUrl, 'demo-cycle');
    await this.sms.start();
    await this.smtp.start();
    for (const service of SERVICE_NAMES) {
      const database = await createTestDatabase(this.infra.adminDatabaseUrl, `demo_${service}`);
      this.databases.push(database);
      const env = { DATABASE_URL: database.url, NATS_URL: this.infra.natsUrl, BUS_NAMESPACE: this.namespace.root, LOG_LEVEL: 'warn', ...this.extraEnv(service), ...this.envOverrides[service] };
      this.processes.set(service, new ServiceProcess({ service, port: await freePort(), env }));
    }
    await Promise.all([...this.processes.values()].map((p) => p.start({ readyTimeoutMs: READY_TIMEOUT_MS })));
    const gateway = this.processes.get('gateway').options.env;
    const { stdout } = await run(process.execPath, [join(ROOT, 'services/gateway/dist/seed/seed.js')], {
      env: { ...process.env, DATABASE_URL: gateway.DATABASE_URL, NATS_URL: gateway.NATS_URL, BUS_NAMESPACE: gateway.BUS_NAMESPACE, LOG_LEVEL: 'warn' },
    });
    return stdout;
  }

  extraEnv(service) {
    switch (service) {
      case 'gateway':
        // One client address signs in 20 citizens; tokens outlive the run.
        return { RPC_TIMEOUT_MS: '30000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', ACCESS_TOKEN_TTL_SECONDS: '3600' };
      case 'notification':
        return { NODE_ENV: 'test', SMS_PROVIDER_URL: this.sms.url, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(this.smtp.port), DELIVERY_POLL_MS: '100' };
      case 'vetting':
        return { TIMER_POLL_MS: '200' };
      default:
        return {};
    }
  }

  get gatewayUrl() {
    return this.processes.get('gateway').url;
  }

  /** Restarts services together, each with its clock set to the given instant: `{ scheduling: '2026-12-07T08:40:00+08:00', … }`. */
  async restartAt(instants) {
    const restarting = Object.entries(instants).map(async ([service, instant]) => {
      const serviceProcess = this.processes.get(service);
      await serviceProcess.stop();
      Object.assign(serviceProcess.options.env, { NODE_ENV: 'test', [CLOCKS[service]]: instant });
      await serviceProcess.start({ readyTimeoutMs: READY_TIMEOUT_MS });
    });
    await Promise.all(restarting);
  }

  /** The last lines of every service's output, for a failure report. */
  logTails(chars = 1500) {
    return [...this.processes].map(([service, p]) => `--- ${service} (exit ${p.exitCode ?? 'running'}) ---\n${p.logs.slice(-chars)}`).join('\n');
  }

  /** How to reach a kept platform. */
  describe() {
    return [
      `gateway        ${this.gatewayUrl}   (API docs ${this.gatewayUrl}/api/docs)`,
      `SMS capture    ${this.sms.url}?to=<mobile>   e-mail: ${this.sms.url.replace(/\/sms$/, '/mail')}?to=<address>   (SMTP 127.0.0.1:${this.smtp.port})`,
      `bus namespace  ${this.namespace.root}`,
      ...[...this.processes].map(([service, p], i) => `${service.padEnd(14)} ${p.url}   database ${this.databases[i].name}`),
    ].join('\n');
  }

  /** Stops every process, deletes the namespace's streams and drops the databases; safe to call twice. */
  async stop() {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      await Promise.all([...this.processes.values()].map((p) => p.stop()));
      if (this.connection) {
        await deleteNamespaceStreams(this.connection, this.namespace).catch(() => undefined);
        await this.connection.drain().catch(() => undefined);
      }
      for (const database of this.databases) await database.drop().catch(() => undefined);
      await this.infra?.stop();
      await this.sms.stop();
      await this.smtp.stop().catch(() => undefined);
    })();
    return this.stopping;
  }
}
