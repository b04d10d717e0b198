import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { ProblemFilter } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { gatewayDatabase } from '../gateway.database';
import { Access } from './access.decorator';
import { RateLimitGuard } from './rate-limit.guard';
import { PostgresThrottlerStorage } from './rate-limit-store';

const LIMIT = 5;

@Controller('api/v1')
class PingController {
  @Get('ping')
  @Access.public()
  ping(): { ok: boolean } {
    return { ok: true };
  }
}

/** A gateway replica as far as rate limits go: the production guard over its own connection pool to the shared database. */
async function startReplica(url: string): Promise<{ app: INestApplication; base: string; dataSource: DataSource }> {
  const dataSource = await new DataSource({ type: 'postgres', url, extra: { max: 4 } }).initialize();
  @Module({
    imports: [
      ThrottlerModule.forRoot({
        storage: new PostgresThrottlerStorage(dataSource),
        throttlers: [{ name: 'public', ttl: 60_000, limit: LIMIT, blockDuration: 0 }],
        setHeaders: false,
      }),
    ],
    controllers: [PingController],
    providers: [
      { provide: APP_GUARD, useClass: RateLimitGuard },
      { provide: APP_FILTER, useClass: ProblemFilter },
    ],
  })
  class ReplicaModule {}
  const app = await NestFactory.create(ReplicaModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, dataSource };
}

describe('rate limits shared by gateway replicas in PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let replicas: Array<Awaited<ReturnType<typeof startReplica>>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'gateway_rate_limits');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...gatewayDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    replicas = [await startReplica(database.url), await startReplica(database.url)];
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) {
      await replica.app.close();
      await replica.dataSource.destroy();
    }
    await dataSource?.destroy();
    await database?.drop();
    await infra?.stop();
  });

  beforeEach(() => dataSource.query('DELETE FROM rate_limit_counters'));

  it('counts one client’s requests on both replicas together: the sixth is refused on either', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await fetch(`${replicas[i % 2].base}/api/v1/ping`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await fetch(`${replicas[0].base}/api/v1/ping`);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('lets exactly the limit through when many requests arrive on both replicas at once', async () => {
    const statuses = await Promise.all(Array.from({ length: 24 }, (_, i) => fetch(`${replicas[i % 2].base}/api/v1/ping`).then((res) => res.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(24 - LIMIT);
  });

  it('starts a new window when the last has ended, and prunes ended windows', async () => {
    const store = new PostgresThrottlerStorage(dataSource);
    expect(await store.increment('k', 1_000, 1, 0, 'short')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await store.increment('k', 1_000, 1, 0, 'short')).toMatchObject({ totalHits: 2, isBlocked: true, timeToBlockExpire: 1 });
    expect(await store.increment('k', 1_000, 1, 0, 'other')).toMatchObject({ totalHits: 1, isBlocked: false });
    await new Promise((done) => setTimeout(done, 1_100));
    expect(await store.prune()).toBe(2);
    expect(await store.increment('k', 1_000, 1, 0, 'short')).toMatchObject({ totalHits: 1, isBlocked: false });
    store.onApplicationShutdown();
  });

  it('lets a request through when the database does not answer', async () => {
    const closed = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await closed.destroy();
    const store = new PostgresThrottlerStorage(closed);
    expect(await store.increment('k', 60_000, 1, 0, 'public')).toMatchObject({ isBlocked: false });
    store.onApplicationShutdown();
  });
});
