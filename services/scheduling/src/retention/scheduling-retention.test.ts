import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock, PersonalDataRetentionTask } from '@openday/platform';
import { SchedulingTestDatabase } from '../../test/scheduling-database';
import { SchedulingPersonalDataEraser } from '../personal-data-requests/personal-data-erasure';
import { eraseAdmissionsPastRetention } from './admission-erasure';

const RETENTION = { PERSONAL_DATA_RETENTION_DAYS: 183, PERSONAL_DATA_RETENTION_INTERVAL_MINUTES: 60 };

/** Retention and the citizen's erasure request on PostgreSQL, on a clock the test sets. */
// Real PostgreSQL on a 2-core machine shared with other suites: hooks and tests may take a while.
jest.setTimeout(60_000);

describe('scheduling: admissions and tickets past retention, and erased on request', () => {
  const database = new SchedulingTestDatabase();
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-11-30T16:00:00Z')); // 1 December 00:00 in Shanghai

  beforeAll(async () => {
    dataSource = await database.start('scheduling_retention');
  });
  afterAll(() => database.stop());

  async function openDay(dates: string[]): Promise<{ openDayId: string; sessionIds: string[] }> {
    const openDayId = randomUUID();
    await dataSource.query(
      `INSERT INTO admission_open_days (id, agency_id, title, venues, assembly_point, notices, status) VALUES ($1, 'water', 't', '[]', '南门', '[]', 'published')`,
      [openDayId],
    );
    const sessionIds: string[] = [];
    for (const date of dates) {
      const id = randomUUID();
      sessionIds.push(id);
      await dataSource.query(`INSERT INTO admission_sessions (id, open_day_id, date, starts_at, ends_at, agenda) VALUES ($1, $2, $3, '09:00', '11:00', '[]')`, [id, openDayId, date]);
    }
    return { openDayId, sessionIds };
  }

  /** One admitted person with a checked-in ticket; returns the application and person ids. */
  async function admit(day: { openDayId: string; sessionIds: string[] }, sessionIndex = 0): Promise<{ applicationId: string; personId: string }> {
    const applicationId = randomUUID();
    const personId = randomUUID();
    const sessionId = day.sessionIds[sessionIndex];
    await dataSource.query(
      `INSERT INTO admission_people (person_id, application_id, open_day_id, session_id, masked_name, masked_id_number) VALUES ($1, $2, $3, $4, '司*霁', '350102********506X')`,
      [personId, applicationId, day.openDayId, sessionId],
    );
    await dataSource.query(
      `INSERT INTO tickets (id, person_id, application_id, open_day_id, session_id, agency_id, applicant_user_id, masked_name, masked_id_number, check_in_code, promoted, status, issued_at, checked_in_at)
       VALUES ($1, $2, $3, $4, $5, 'water', $6, '司*霁', '350102********506X', $7, false, 'checked-in', now(), now())`,
      [randomUUID(), personId, applicationId, day.openDayId, sessionId, randomUUID(), randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()],
    );
    return { applicationId, personId };
  }

  const ticketOf = async (personId: string) =>
    (await dataSource.query(`SELECT masked_name, masked_id_number, status, personal_data_erased_at FROM tickets WHERE person_id = $1`, [personId]))[0];
  const admissionOf = async (personId: string) =>
    (await dataSource.query(`SELECT masked_name, masked_id_number FROM admission_people WHERE person_id = $1`, [personId]))[0];

  it('erases the people of open days 183 days past their last day, keeps the attendance, and is idempotent', async () => {
    const past = await openDay(['2026-05-30', '2026-05-31']);
    const recent = await openDay(['2026-05-31', '2026-06-01']);
    const gone = [await admit(past, 0), await admit(past, 1)];
    const stays = await admit(recent);

    const task = new PersonalDataRetentionTask(dataSource, clock, RETENTION, eraseAdmissionsPastRetention);
    expect(await task.runOnce()).toBe(2);
    for (const { personId } of gone) {
      expect(await ticketOf(personId)).toMatchObject({ masked_name: '*', masked_id_number: '*', status: 'checked-in' });
      expect(await admissionOf(personId)).toEqual({ masked_name: null, masked_id_number: null });
    }
    expect(await ticketOf(stays.personId)).toMatchObject({ masked_name: '司*霁', personal_data_erased_at: null });
    expect(await task.runOnce()).toBe(0);
  });

  it('erases a citizen’s admissions on request, keeping an open day in progress', async () => {
    clock.set('2026-12-05T02:00:00Z');
    const ended = await admit(await openDay(['2026-12-01']));
    const today = await admit(await openDay(['2026-12-05']));
    const eraser = new SchedulingPersonalDataEraser(dataSource, clock);
    const request = { accountId: randomUUID(), applicationIds: [ended.applicationId, today.applicationId], personKeys: [] };
    expect(await eraser.erase(request)).toEqual({ service: 'scheduling', erased: 1, kept: [{ applicationId: today.applicationId, reason: 'open-day-in-progress' }] });
    expect((await ticketOf(ended.personId)).masked_name).toBe('*');
    expect((await ticketOf(today.personId)).masked_name).toBe('司*霁');
    expect((await eraser.erase(request)).erased).toBe(0);
  });
});
