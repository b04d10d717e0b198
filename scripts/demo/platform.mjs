// The whole platform as the benchmarks drive it (scripts/bench): @openday/testing's
// NotificationHarness, the one the e2e tests, the demo cycle and the chaos run start (every
// deployable its own process, fresh databases and bus namespace, the local SMS and mail captures,
// the demo city seeded), under the names the benchmarks read, with each service's settings from
// extraEnv, which BenchPlatform overrides.
import { NotificationHarness, SERVICES } from '@openday/testing';

export class DemoPlatform {
  /**
   * `infrastructure` ({ adminDatabaseUrl, natsUrl }): servers to use instead of the environment's (not stopped here);
   * `env` ({ gateway: { … } }): variables over each service's defaults.
   */
  constructor({ infrastructure, env = {} } = {}) {
    this.harness = new NotificationHarness(infrastructure);
    this.envOverrides = env;
  }

  /** Starts the captures and the six services (with the services' own pool size: the harness keeps test pools small), then seeds the demo city. */
  async start() {
    const env = Object.fromEntries(SERVICES.map((service) => [service, { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10', ...this.extraEnv(service), ...this.envOverrides[service] }]));
    await this.harness.start(env.notification, env);
  }

  extraEnv(service) {
    switch (service) {
      case 'gateway':
        // One client address signs many citizens in; tokens outlive the run.
        return { RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', ACCESS_TOKEN_TTL_SECONDS: '3600' };
      case 'vetting':
        return { TIMER_POLL_MS: '200' };
      default:
        return {};
    }
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

  /** The last lines of every service's output, for a failure report. */
  logTails(chars) {
    return this.harness.platform.logTails(chars);
  }

  /** Stops every process, deletes the namespace's streams and drops the databases; safe to call twice. */
  stop() {
    return (this.stopping ??= this.harness.stop());
  }
}
