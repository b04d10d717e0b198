import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { registrationState, type RegistrationState } from '@openday/domain';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { schedulingDatabase } from '../scheduling.database';
import { listingConditions } from './listing-query';

/**
 * The listing filters "open now" in SQL (so the database pages it) while every other place asks
 * the domain's registrationState: on the same instants, PostgreSQL must agree with the domain.
 */
describe("'open now' in SQL agrees with registrationState", () => {
  const OPENS_AT = new Date('2026-10-01T09:00:00+08:00');
  const CLOSES_AT = new Date('2026-10-08T17:00:00+08:00');
  const MS = 1;
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'scheduling_open_now');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...schedulingDatabase.migrations],
      migrationsRun: true,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  async function openDay(status: 'published' | 'cancelled', opensAt: Date | null, closesAt: Date | null): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO open_days (id, title, agency_id, date, published_at, status, registration_opens_at, registration_closes_at)
       VALUES ($1, 'Open day', 'water-affairs-bureau', '2026-10-12', '2026-09-28T09:00:00+08:00', $2, $3, $4)`,
      [id, status, opensAt, closesAt],
    );
    return id;
  }

  async function listedAsOpen(id: string, now: Date): Promise<boolean> {
    const { where, params } = listingConditions({ openNow: true }, now, [id]);
    const rows = (await dataSource.query(`SELECT d.id FROM open_days d WHERE d.id = $1 AND ${where}`, params)) as unknown[];
    return rows.length === 1;
  }

  it.each<{ instant: string; now: Date; cancelled?: boolean; window?: false; state: RegistrationState }>([
    { instant: 'a week before it opens', now: new Date(OPENS_AT.getTime() - 7 * 86_400_000), state: 'upcoming' },
    { instant: 'a millisecond before it opens', now: new Date(OPENS_AT.getTime() - MS), state: 'upcoming' },
    { instant: 'the instant it opens', now: OPENS_AT, state: 'open' },
    { instant: 'a millisecond after it opens', now: new Date(OPENS_AT.getTime() + MS), state: 'open' },
    { instant: 'midway', now: new Date('2026-10-05T12:00:00+08:00'), state: 'open' },
    { instant: 'a millisecond before it closes', now: new Date(CLOSES_AT.getTime() - MS), state: 'open' },
    { instant: 'the instant it closes', now: CLOSES_AT, state: 'closed' },
    { instant: 'a day after it closed', now: new Date(CLOSES_AT.getTime() + 86_400_000), state: 'closed' },
    { instant: 'midway, the open day cancelled', now: new Date('2026-10-05T12:00:00+08:00'), cancelled: true, state: 'cancelled' },
    { instant: 'midway, no registration window', now: new Date('2026-10-05T12:00:00+08:00'), window: false, state: 'none' },
  ])('$instant: $state', async ({ now, cancelled = false, window = true, state }) => {
    const opensAt = window ? OPENS_AT : null;
    const closesAt = window ? CLOSES_AT : null;
    const id = await openDay(cancelled ? 'cancelled' : 'published', opensAt, closesAt);
    const domainState = registrationState({ opensAt, closesAt, cancelled }, now);
    expect(domainState).toBe(state);
    expect(await listedAsOpen(id, now)).toBe(domainState === 'open');
  });
});
