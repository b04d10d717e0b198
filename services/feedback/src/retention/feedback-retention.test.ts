import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock, PersonalDataRetentionTask } from '@openday/platform';
import { feedbackTestDatabase, type FeedbackTestDatabase } from '../../test/feedback-database';
import { FeedbackPersonalDataEraser } from '../personal-data-requests/personal-data-erasure';
import { eraseTicketLinksPastRetention } from './ticket-link-erasure';

const RETENTION = { PERSONAL_DATA_RETENTION_DAYS: 183, PERSONAL_DATA_RETENTION_INTERVAL_MINUTES: 60 };

/** Retention and the citizen's erasure request on PostgreSQL, on a clock the test sets. */
// Real PostgreSQL on a 2-core machine shared with other suites: hooks and tests may take a while.
jest.setTimeout(60_000);

describe('feedback: tickets and opinions unlinked past retention, and on request', () => {
  let database: FeedbackTestDatabase;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-11-30T16:00:00Z')); // 1 December 00:00 in Shanghai

  beforeAll(async () => {
    database = await feedbackTestDatabase('feedback_retention', 4);
    dataSource = database.dataSource;
  });
  afterAll(() => database.stop());

  async function openDay(firstDate: string, lastDate: string): Promise<string> {
    const id = randomUUID();
    await dataSource.query(`INSERT INTO fb_open_days (id, agency_id, title, first_date, last_date) VALUES ($1, 'water', 't', $2, $3)`, [id, firstDate, lastDate]);
    return id;
  }

  /** A checked-in ticket of `account` with one rated opinion. */
  async function representative(openDayId: string, account = randomUUID()): Promise<{ ticketId: string; itemId: string }> {
    const ticketId = randomUUID();
    const personId = randomUUID();
    await dataSource.query(
      `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, applicant_user_id, issued, checked_in_at) VALUES ($1, $2, 'water', $3, $4, true, now())`,
      [ticketId, openDayId, personId, account],
    );
    const itemId = randomUUID();
    await dataSource.query(
      `INSERT INTO fb_items (id, open_day_id, agency_id, ticket_id, person_id, applicant_user_id, source, topic, text, submitted_at, status, rating, rated_at)
       VALUES ($1, $2, 'water', $3, $4, $5, 'representative', 'transparency', '建议公开检测报告', now(), 'answered', 4, now())`,
      [itemId, openDayId, ticketId, personId, account],
    );
    return { ticketId, itemId };
  }

  const linksOf = async ({ ticketId, itemId }: { ticketId: string; itemId: string }) => ({
    ticket: (await dataSource.query(`SELECT applicant_user_id FROM fb_tickets WHERE ticket_id = $1`, [ticketId]))[0].applicant_user_id,
    item: (await dataSource.query(`SELECT applicant_user_id, person_id, rating, text FROM fb_items WHERE id = $1`, [itemId]))[0],
  });

  it('unlinks the tickets and opinions of open days 183 days past their last day, keeps the opinions and ratings, and is idempotent', async () => {
    const gone = await representative(await openDay('2026-05-30', '2026-05-31'));
    const stays = await representative(await openDay('2026-05-31', '2026-06-01'));
    // A ticket whose open day's publication feedback never read: dated by its session.
    const unpublishedTicket = randomUUID();
    await dataSource.query(
      `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, applicant_user_id, session_starts_at, issued) VALUES ($1, $2, 'water', $3, $4, '2026-05-31T09:00:00+08:00', true)`,
      [unpublishedTicket, randomUUID(), randomUUID(), randomUUID()],
    );
    const task = new PersonalDataRetentionTask(dataSource, clock, RETENTION, eraseTicketLinksPastRetention);
    expect(await task.runOnce()).toBe(2);
    expect((await dataSource.query(`SELECT applicant_user_id FROM fb_tickets WHERE ticket_id = $1`, [unpublishedTicket]))[0].applicant_user_id).toBeNull();
    expect(await linksOf(gone)).toEqual({ ticket: null, item: { applicant_user_id: null, person_id: null, rating: 4, text: '建议公开检测报告' } });
    expect((await linksOf(stays)).ticket).not.toBeNull();
    expect(await task.runOnce()).toBe(0);
  });

  it('unlinks a citizen’s tickets on request, leaving an open day in progress', async () => {
    clock.set('2026-12-05T02:00:00Z');
    const account = randomUUID();
    const ended = await representative(await openDay('2026-12-01', '2026-12-01'), account);
    const today = await representative(await openDay('2026-12-05', '2026-12-05'), account);
    const eraser = new FeedbackPersonalDataEraser(dataSource, clock);
    const request = { accountId: account, applicationIds: [], personKeys: [] };
    expect(await eraser.erase(request)).toEqual({ service: 'feedback', erased: 1, kept: [] });
    expect((await linksOf(ended)).ticket).toBeNull();
    expect((await linksOf(today)).ticket).toBe(account);
    expect((await eraser.erase(request)).erased).toBe(0);
  });
});
