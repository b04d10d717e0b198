import { reachable } from './reachable';

/** Where the integration tests find PostgreSQL (as a superuser) and NATS. */
export interface TestInfrastructure {
  adminDatabaseUrl: string;
  natsUrl: string;
  stop(): Promise<void>;
}

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

function hostPort(url: string, defaultPort: number): [string, number] {
  const parsed = new URL(url);
  return [parsed.hostname, Number(parsed.port || defaultPort)];
}

/**
 * Uses the PostgreSQL and NATS given by the environment when they answer;
 * only otherwise starts containers (testcontainers is loaded lazily, because
 * without a Docker engine it cannot work and costs start-up time).
 */
export async function testInfrastructure(): Promise<TestInfrastructure> {
  const adminDatabaseUrl = process.env.DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const natsUrl = process.env.NATS_URL ?? DEFAULT_NATS_URL;
  const [pgUp, natsUp] = await Promise.all([
    reachable(...hostPort(adminDatabaseUrl, 5432)),
    reachable(...hostPort(natsUrl, 4222)),
  ]);
  const stops: Array<() => Promise<unknown>> = [];
  const result: TestInfrastructure = {
    adminDatabaseUrl,
    natsUrl,
    stop: async () => {
      for (const stop of stops) await stop();
    },
  };
  if (!pgUp || !natsUp) {
    const containers = await import('./containers.js');
    if (!pgUp) {
      const pg = await containers.startPostgres();
      result.adminDatabaseUrl = pg.url;
      stops.push(pg.stop);
    }
    if (!natsUp) {
      const nats = await containers.startNats();
      result.natsUrl = nats.url;
      stops.push(nats.stop);
    }
  }
  return result;
}
