import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { OpenDayPublishedV2, OpenDayPublishedV3, type EventContract } from '@openday/contracts';
import { connectNats } from '@openday/messaging';
import { BusSignInCodes } from '../client/sign-in-codes';
import { GatewayClient } from '../client/gateway-client';
import { freePort } from '../free-port';
import { testInfrastructure, type TestInfrastructure } from '../infrastructure';
import { ServiceProcess } from '../service-process';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { deleteNamespaceStreams, testNamespace } from '../test-namespace';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '../../../..');

export const SERVICES = ['scheduling', 'registration', 'vetting', 'notification', 'feedback', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Which service's clock each *_TEST_NOW variable shifts (honoured with NODE_ENV=test only). */
export const TEST_CLOCKS = { scheduling: 'SCHEDULING_TEST_NOW', notification: 'NOTIFICATION_TEST_NOW', feedback: 'FEEDBACK_TEST_NOW' } as const;

/** PostgreSQL and NATS to run on instead of the environment's; whoever started them stops them. */
export interface PlatformServers {
  adminDatabaseUrl: string;
  natsUrl: string;
}

/** The whole platform, every deployable its own process, in a namespace and databases of its own. */
export class PlatformHarness {
  readonly namespace = testNamespace();
  infra: TestInfrastructure;
  processes = new Map<ServiceName, ServiceProcess>();
  databases: TestDatabase[] = [];
  connection: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  private gatewayClient?: GatewayClient;
  private busCodes?: Promise<BusSignInCodes>;

  constructor(private readonly servers?: PlatformServers) {}

  async start(extraEnv: Partial<Record<ServiceName, Record<string, string>>> = {}): Promise<this> {
    this.infra = this.servers ? { ...this.servers, stop: async () => undefined } : await testInfrastructure();
    this.connection = await connectNats(this.infra.natsUrl, 'e2e');
    this.js = jetstream(this.connection);
    this.jsm = await jetstreamManager(this.connection);
    // Created at once: CREATE DATABASE waits on PostgreSQL's disk (a copy of template1 through the WAL), not on this process.
    const created = await Promise.allSettled(SERVICES.map((service) => createTestDatabase(this.infra.adminDatabaseUrl, service)));
    this.databases = created.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = created.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    for (const [index, service] of SERVICES.entries()) {
      const database = this.databases[index];
      const serviceProcess = new ServiceProcess({
        service,
        port: await freePort(),
        env: {
          DATABASE_URL: database.url,
          NATS_URL: this.infra.natsUrl,
          BUS_NAMESPACE: this.namespace.root,
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
          // Two platforms run side by side in npm test (e2e and the browser tests), each with six
          // services: small pools keep them within PostgreSQL's 100 connections under load.
          DATABASE_POOL_SIZE: '4',
          ...extraEnv[service],
        },
      });
      this.processes.set(service, serviceProcess);
    }
    // Started together: readiness is checked per process, and the machine has 2 cores, not 6.
    await Promise.all([...this.processes.values()].map((p) => p.start({ readyTimeoutMs: 90_000 })));
    return this;
  }

  /** Puts an event straight onto the bus, as a producer's outbox relay would. */
  async publish<T>(contract: EventContract<T>, data: T, subject: string): Promise<void> {
    const event = contract.create(data, { subject });
    await this.js.publish(contract.subjectIn(this.namespace), JSON.stringify(event), { msgID: event.id });
  }

  /** A publication as scheduling makes it: v2 (registration, notification, feedback) and v3 (vetting), each session with `mediaPlaces` media on top of its places. */
  async publishOpenDay(data: OpenDayPublishedV2, mediaPlaces = 5): Promise<void> {
    await this.publish(OpenDayPublishedV2.contract, data, data.openDayId);
    const v3: OpenDayPublishedV3 = { ...data, sessions: data.sessions.map((session) => ({ ...session, mediaPlaces })) };
    await this.publish(OpenDayPublishedV3.contract, v3, data.openDayId);
  }

  service(name: ServiceName): ServiceProcess {
    return this.processes.get(name)!;
  }

  get gateway(): string {
    return this.service('gateway').url;
  }

  /** The shared API client, on the gateway. */
  get client(): GatewayClient {
    return (this.gatewayClient ??= new GatewayClient(this.gateway));
  }

  /** The citizens' sign-in codes, read from the gateway's internal stream (started on first use). */
  signInCodes(): Promise<BusSignInCodes> {
    return (this.busCodes ??= BusSignInCodes.start(this.connection, this.namespace));
  }

  /** Restarts services together, each with its clock set to the given instant: `{ scheduling: '2026-12-07T08:40:00+08:00', … }`. */
  async restartAt(instants: Partial<Record<keyof typeof TEST_CLOCKS, string>>): Promise<void> {
    const restarting = Object.entries(instants).map(async ([service, instant]) => {
      const serviceProcess = this.service(service as keyof typeof TEST_CLOCKS);
      await serviceProcess.stop();
      Object.assign(serviceProcess.options.env, { NODE_ENV: 'test', [TEST_CLOCKS[service as keyof typeof TEST_CLOCKS]]: instant });
      await serviceProcess.start({ readyTimeoutMs: 90_000 });
    });
    await Promise.all(restarting);
  }

  /** The last characters of every service's output, for a failure report. */
  logTails(chars = 1500): string {
    return [...this.processes].map(([service, p]) => `--- ${service} (exit ${p.exitCode ?? 'running'}) ---\n${p.logs.slice(-chars)}`).join('\n');
  }

  /** Creates the demo city (agencies, staff accounts: see demo-city.ts) with the gateway's own seed command; answers what it printed. */
  async seedDemoCity(): Promise<string> {
    const gateway = this.service('gateway').options.env;
    const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'services/gateway/dist/seed/seed.js')], {
      env: { ...process.env, DATABASE_URL: gateway.DATABASE_URL, NATS_URL: gateway.NATS_URL, BUS_NAMESPACE: gateway.BUS_NAMESPACE, LOG_LEVEL: 'warn' },
    });
    return stdout;
  }

  async stop(): Promise<void> {
    if (this.busCodes) (await this.busCodes.catch(() => undefined))?.close();
    await Promise.all([...this.processes.values()].map((p) => p.stop()));
    await deleteNamespaceStreams(this.connection, this.namespace).catch(() => undefined);
    await this.connection.drain();
    // Dropped at once: PostgreSQL 15 checkpoints for each DROP DATABASE, and drops waiting together share one.
    await Promise.all(this.databases.map((database) => database.drop()));
    await this.infra.stop();
  }
}
