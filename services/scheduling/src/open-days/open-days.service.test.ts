import { DataSource } from 'typeorm';
import { OpenDayPublishedV1 } from '@openday/contracts';
import { MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { createTestDatabase, testInfrastructure, testNamespace, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { schedulingDatabase } from '../scheduling.database';
import { OpenDaysService } from './open-days.service';

describe('OpenDaysService on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: OpenDaysService;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'scheduling_open_days');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      entities: schedulingDatabase.entities,
      migrations: [MessagingTables1763900000000, ...schedulingDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    service = new OpenDaysService(dataSource, new Outbox(testNamespace()));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  async function outboxRows(): Promise<Array<{ aggregate_id: string; event_type: string; payload: { data: unknown } }>> {
    return dataSource.query('SELECT aggregate_id, event_type, payload FROM outbox ORDER BY seq');
  }

  it('stores the open day and its published event in one transaction', async () => {
    const view = await service.publish({ title: '法院开放日', agencyId: 'intermediate-court', date: '2026-12-04' });
    expect(await service.get(view.id)).toEqual(view);
    const [row] = (await outboxRows()).filter((r) => r.aggregate_id === view.id);
    expect(row.event_type).toBe(OpenDayPublishedV1.contract.type);
    expect(row.payload.data).toEqual({
      openDayId: view.id,
      title: '法院开放日',
      agencyId: 'intermediate-court',
      date: '2026-12-04',
      publishedAt: view.publishedAt,
    });
  });

  it('stores neither when the write fails', async () => {
    const before = (await outboxRows()).length;
    await expect(service.publish({ title: 'x'.repeat(300), agencyId: 'tax-bureau', date: '2026-12-04' })).rejects.toThrow();
    expect((await outboxRows()).length).toBe(before);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM open_days WHERE agency_id = 'tax-bureau'`);
    expect(n).toBe(0);
  });

  it('answers 404 as a problem for an unknown open day', async () => {
    await expect(service.get('6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41')).rejects.toMatchObject({ status: 404 });
  });
});
