import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WorkingCalendarChangedV1, type Actor } from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { createTestDatabase, testInfrastructure, testNamespace, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { schedulingDatabase } from '../scheduling.database';
import { WorkingCalendarService } from './working-calendar.service';

const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };
const staff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'water-affairs-bureau' };

describe('WorkingCalendarService on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let calendar: WorkingCalendarService;
  // The shipped data covers 2024–2026: in mid-November 2026 the city office must add 2027.
  const clock = new ManualClock(new Date('2026-11-16T09:00:00+08:00'));

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'scheduling_calendar');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...schedulingDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    calendar = new WorkingCalendarService(dataSource, new Outbox(testNamespace()), clock);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  it('is seeded with the official 2024–2026 schedule', async () => {
    expect(await calendar.view()).toEqual(officialCalendar().toData());
    const loaded = await calendar.load();
    expect(loaded.isWorkingDay('2026-10-10')).toBe(true);
    expect(loaded.isWorkingDay('2026-10-05')).toBe(false);
    expect(await calendar.view(2026)).toMatchObject({ coveredYears: [2026], adjustedWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'] });
  });

  it('answers the last on-time filing date, and 422 for a year not covered', async () => {
    expect(await calendar.filingDeadline('2026-10-12')).toEqual({ eventDate: '2026-10-12', workingDays: 5, lastOnTimeFilingDate: '2026-09-29' });
    await expect(calendar.filingDeadline('2027-01-08')).rejects.toMatchObject({ status: 422 });
  });

  it('lets only the city office change it', async () => {
    await expect(calendar.change(staff, { coveredYears: [2027] })).rejects.toMatchObject({ status: 403 });
    expect((await calendar.view()).coveredYears).toEqual([2024, 2025, 2026]);
  });

  it('refuses an invalid change, naming each entry, and stores nothing', async () => {
    const before = await calendar.view();
    await expect(
      calendar.change(cityOffice, { holidays: ['2027-01-01'], adjustedWorkingDays: ['2026-11-25'] }),
    ).rejects.toMatchObject({
      status: 400,
      problem: {
        errors: [
          expect.objectContaining({ field: 'holidays[0]', rule: 'coveredYear' }),
          expect.objectContaining({ field: 'adjustedWorkingDays[0]', rule: 'calendarData' }),
        ],
      },
    });
    expect(await calendar.view()).toEqual(before);
  });

  it('adds a year, corrects a day, and keeps a log of who changed what', async () => {
    expect(await calendar.coverage()).toMatchObject({ today: '2026-11-16', missingYears: [2027], urgent: false, message: expect.stringContaining('2027') });
    const view = await calendar.change(cityOffice, {
      coveredYears: [2027],
      holidays: ['2027-01-01', '2027-02-15', '2027-02-16'],
      adjustedWorkingDays: ['2027-02-20'],
      note: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    expect(view.coveredYears).toEqual([2024, 2025, 2026, 2027]);
    expect(await calendar.filingDeadline('2027-01-08')).toMatchObject({ lastOnTimeFilingDate: '2026-12-31' });
    expect(await calendar.coverage()).toMatchObject({ missingYears: [], urgent: false, message: null });

    // A correction: Monday 5 October 2026 was worked after all; Saturday 28 November 2026 is worked.
    await calendar.change(cityOffice, { ordinaryDays: ['2026-10-05'], adjustedWorkingDays: ['2026-11-28'] });
    const loaded = await calendar.load();
    expect(loaded.isWorkingDay('2026-10-05')).toBe(true);
    expect(loaded.isWorkingDay('2026-11-28')).toBe(true);
    expect(loaded.isWorkingDay('2027-02-20')).toBe(true);

    // Adding a year again changes nothing.
    await calendar.change(cityOffice, { coveredYears: [2027] });
    expect((await calendar.view()).coveredYears).toEqual([2024, 2025, 2026, 2027]);

    const log = await dataSource.query('SELECT actor_user_id, note, changes FROM working_calendar_changes ORDER BY id');
    expect(log).toHaveLength(4);
    expect(log[0]).toMatchObject({ actor_user_id: null });
    expect(log[1]).toMatchObject({ actor_user_id: cityOffice.userId, note: expect.stringContaining('2027'), changes: expect.objectContaining({ coveredYears: [2027] }) });

    // Each change announces the whole calendar, in the same transaction, for the services that count working days.
    const announced = (await dataSource.query('SELECT event_type AS type, payload FROM outbox ORDER BY seq')) as Array<{ type: string; payload: { data: WorkingCalendarChangedV1 } }>;
    expect(announced.map((row) => row.type)).toEqual(Array(3).fill(WorkingCalendarChangedV1.contract.type));
    const latest = announced[2].payload.data;
    expect(latest.coveredYears).toEqual([2024, 2025, 2026, 2027]);
    expect(latest.adjustedWorkingDays).toEqual(expect.arrayContaining(['2026-11-28', '2027-02-20']));
    expect(latest.holidays).not.toContain('2026-10-05');
  });

  it('says a missing current year is urgent', async () => {
    clock.set('2028-01-03T09:00:00+08:00');
    expect(await calendar.coverage()).toMatchObject({ today: '2028-01-03', missingYears: [2028], urgent: true, message: expect.stringContaining('refused') });
    clock.set('2026-11-16T09:00:00+08:00');
  });

  it('serialises concurrent changes', async () => {
    await Promise.all([
      calendar.change(cityOffice, { holidays: ['2027-04-05'] }),
      calendar.change(cityOffice, { holidays: ['2027-05-03'] }),
      calendar.change(cityOffice, { adjustedWorkingDays: ['2027-05-08'] }),
    ]);
    const view = await calendar.view(2027);
    expect(view.holidays).toEqual(expect.arrayContaining(['2027-04-05', '2027-05-03']));
    expect(view.adjustedWorkingDays).toContain('2027-05-08');
  });
});
