import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory, type NestApplicationContext } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { HealthModule } from './health.module';
import { NATS_CONNECTION } from './nats-connection.token';
import { startThrowawayPostgres, waitFor } from '@openday/testing';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

async function start(nats: NatsConnection, drainDelayMs = 0, databaseUrl = DATABASE_URL): Promise<{ app: INestApplication; baseUrl: string }> {
  // Stands in for the messaging module, which provides the service's connection globally.
  @Global()
  @Module({ providers: [{ provide: NATS_CONNECTION, useValue: nats }], exports: [NATS_CONNECTION] })
  class NatsStubModule {}

  @Module({
    imports: [
      TypeOrmModule.forRoot({ type: 'postgres', url: databaseUrl, synchronize: false, entities: [] }),
      NatsStubModule,
      HealthModule.forRoot({ drainDelayMs }),
    ],
  })
  class ProbeModule {}

  const app = await NestFactory.create(ProbeModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: await app.getUrl() };
}

interface HealthBody {
  status: string;
  details: Record<string, { status: string; message?: string }>;
}

async function get(url: string): Promise<{ status: number; body: HealthBody }> {
  const response = await fetch(url);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, body: (await response.json()) as HealthBody };
}

describe('health', () => {
  it('is ready with PostgreSQL and NATS up, and not ready once the NATS connection is closed', async () => {
    const nats = await connect({ servers: NATS_URL });
    const { app, baseUrl } = await start(nats);
    try {
      const ready = await get(`${baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, nats: { status: 'up' } } });

      await nats.close();
      const notReady = await get(`${baseUrl}/health/ready`);
      expect(notReady.status).toBe(503);
      expect(notReady.body).toMatchObject({
        status: 'error',
        details: { database: { status: 'up' }, nats: { status: 'down', message: 'connection closed' } },
      });

      // Liveness does not depend on NATS: a broker outage must not restart every pod.
      expect((await get(`${baseUrl}/health/live`)).status).toBe(200);
    } finally {
      await app.close();
      if (!nats.isClosed()) await nats.close();
    }
  });

  it('is not ready when the database stops answering', async () => {
    const nats = await connect({ servers: NATS_URL });
    const { app, baseUrl } = await start(nats);
    try {
      await app.get(DataSource).destroy();
      const notReady = await get(`${baseUrl}/health/ready`);
      expect(notReady.status).toBe(503);
      expect(notReady.body.details).toMatchObject({ database: { status: 'down' }, nats: { status: 'up' } });
    } finally {
      await app.close();
      await nats.close();
    }
  });

  it('is not ready while PostgreSQL restarts, ready again once it answers, and alive throughout', async () => {
    const pg = await startThrowawayPostgres();
    const nats = await connect({ servers: NATS_URL });
    const { app, baseUrl } = await start(nats, 0, pg.url);
    try {
      expect((await get(`${baseUrl}/health/ready`)).status).toBe(200);
      const restarted = pg.restart({ downtimeMs: 1_500 });
      const down = await waitFor(async () => {
        const ready = await get(`${baseUrl}/health/ready`);
        return ready.status === 503 && ready;
      }, { what: 'readiness to turn 503' });
      expect(down.body.details).toMatchObject({ database: { status: 'down' }, nats: { status: 'up' } });
      expect((await get(`${baseUrl}/health/live`)).status).toBe(200);
      await restarted;
      await waitFor(async () => (await get(`${baseUrl}/health/ready`)).status === 200, { what: 'readiness to turn 200 again' });
    } finally {
      await app.close();
      await nats.close();
      await pg.stop();
    }
  }, 30_000);

  it('turns both probes to 503 as soon as shutdown begins, while the server still answers', async () => {
    const nats = await connect({ servers: NATS_URL });
    // A drain delay long enough that a loaded machine still finds the server answering.
    const { app, baseUrl } = await start(nats, 3_000);
    try {
      expect((await get(`${baseUrl}/health/ready`)).status).toBe(200);
      // What enableShutdownHooks() does on SIGTERM; INestApplication's type leaves the signal out.
      const closing = (app as unknown as NestApplicationContext).close('SIGTERM');
      const ready = await waitFor(async () => {
        const answer = await get(`${baseUrl}/health/ready`);
        return answer.status === 503 && answer;
      }, { intervalMs: 20, timeoutMs: 2_500, what: 'readiness to turn 503 once shutdown begins' });
      expect(ready.body.status).toBe('shutting_down');
      expect((await get(`${baseUrl}/health/live`)).status).toBe(503);
      await closing;
    } finally {
      await nats.close();
    }
  });
});
