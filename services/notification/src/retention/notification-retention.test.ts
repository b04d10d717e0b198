import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { ManualClock, PersonalDataRetentionTask } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { notificationDatabase } from '../notification.database';
import { NotificationPersonalDataEraser } from '../personal-data-requests/personal-data-erasure';
import { eraseContactsPastRetention } from './contact-erasure';

const RETENTION = { PERSONAL_DATA_RETENTION_DAYS: 183, PERSONAL_DATA_RETENTION_INTERVAL_MINUTES: 60 };

/** Retention and the citizen's erasure request on PostgreSQL, on a clock the test sets. */
// Real PostgreSQL on a 2-core machine shared with other suites: hooks and tests may take a while.
jest.setTimeout(60_000);

describe('notification: contact details and messages past retention, and erased on request', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-11-30T16:00:00Z')); // 1 December 00:00 in Shanghai

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'notification_retention');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...notificationDatabase.migrations],
      migrationsRun: true,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  async function openDay(dates: string[]): Promise<string> {
    const id = randomUUID();
    const facts = { sessions: dates.map((date) => ({ sessionId: randomUUID(), date, startsAt: '09:00', endsAt: '11:00' })), venues: [], assemblyPoint: '南门' };
    await dataSource.query(`INSERT INTO notification_open_days (id, title, facts) VALUES ($1, 't', $2)`, [id, JSON.stringify(facts)]);
    return id;
  }

  /** A person with contact details and one sent SMS plus one in-app message; `pending` adds an e-mail still to send. */
  async function person(openDayId: string, pending = false): Promise<{ applicationId: string; personId: string }> {
    const applicationId = randomUUID();
    const personId = randomUUID();
    const user = randomUUID();
    await dataSource.query(
      `INSERT INTO notification_contacts (person_id, application_id, open_day_id, applicant_user_id, name, mobile, email, language, recorded_at)
       VALUES ($1, $2, $3, $4, 'v1:a:b:c', 'v1:a:b:c', 'v1:a:b:c', 'zh-CN', now())`,
      [personId, applicationId, openDayId, user],
    );
    const messageId = randomUUID();
    await dataSource.query(
      `INSERT INTO notification_messages (id, cause_event_id, template, recipient_kind, recipient_id, params, status, created_at, updated_at)
       VALUES ($1, $2, 'selected', 'person', $3, '"v1:sealed"', 'dispatched', now(), now())`,
      [messageId, randomUUID(), personId],
    );
    const channels: Array<[string, string]> = [['sms', 'sent'], ['in-app', 'sent'], ...(pending ? ([['email', 'pending']] as Array<[string, string]>) : [])];
    for (const [channel, status] of channels) {
      const deliveryId = randomUUID();
      await dataSource.query(
        `INSERT INTO notification_deliveries (id, message_id, cause_event_id, template, recipient_kind, recipient_id, channel, address, language, status, created_at, updated_at)
         VALUES ($1, $2, 'e', 'selected', 'person', $3, $4, 'v1:a:b:c', 'zh-CN', $5, now(), now())`,
        [deliveryId, messageId, personId, channel, status],
      );
      if (channel === 'in-app') {
        await dataSource.query(`INSERT INTO notification_inbox (id, owner_kind, owner_id, template, title, body, received_at) VALUES ($1, 'user', $2, 'selected', 't', 'b', now())`, [deliveryId, user]);
      }
    }
    return { applicationId, personId };
  }

  const heldAbout = async (personId: string) => ({
    contacts: (await dataSource.query(`SELECT count(*)::int AS n FROM notification_contacts WHERE person_id = $1`, [personId]))[0].n,
    addresses: (await dataSource.query(`SELECT count(address)::int AS n FROM notification_deliveries WHERE recipient_id = $1`, [personId]))[0].n,
    deliveries: (await dataSource.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE recipient_id = $1`, [personId]))[0].n,
    inbox: (await dataSource.query(`SELECT count(*)::int AS n FROM notification_inbox i JOIN notification_deliveries d ON d.id = i.id WHERE d.recipient_id = $1`, [personId]))[0].n,
    params: (await dataSource.query(`SELECT params::text FROM notification_messages WHERE recipient_id = $1`, [personId]))[0].params,
  });

  it('erases contact details, addresses, message contents and inbox copies 183 days after the last day, keeps the delivery rows, and is idempotent', async () => {
    const gone = await person(await openDay(['2026-05-30', '2026-05-31']));
    const stays = await person(await openDay(['2026-05-31', '2026-06-01']));
    // An open day stored before notification kept its sessions: its tickets' dates say when it was.
    const olderOpenDay = randomUUID();
    await dataSource.query(`INSERT INTO notification_open_days (id, title) VALUES ($1, 't')`, [olderOpenDay]);
    const older = await person(olderOpenDay);
    await dataSource.query(`INSERT INTO notification_tickets (ticket_id, person_id, open_day_id, session_id, facts) VALUES ($1, $2, $3, $4, $5)`, [
      randomUUID(),
      older.personId,
      olderOpenDay,
      randomUUID(),
      JSON.stringify({ title: 't', date: '2026-05-20', startsAt: '09:00' }),
    ]);
    const task = new PersonalDataRetentionTask(dataSource, clock, RETENTION, eraseContactsPastRetention);
    expect(await task.runOnce()).toBe(2);
    expect(await heldAbout(gone.personId)).toEqual({ contacts: 0, addresses: 0, deliveries: 2, inbox: 0, params: '{}' });
    expect((await heldAbout(older.personId)).contacts).toBe(0);
    expect(await heldAbout(stays.personId)).toEqual({ contacts: 1, addresses: 2, deliveries: 2, inbox: 1, params: '"v1:sealed"' });
    expect(await task.runOnce()).toBe(0);
  });

  it('erases the mobile a sign-in code was texted to 183 days after it was sent', async () => {
    clock.set('2026-11-30T16:00:00Z');
    const sent = async (at: string) => {
      const messageId = randomUUID();
      await dataSource.query(
        `INSERT INTO notification_messages (id, cause_event_id, template, recipient_kind, recipient_id, params, status, created_at, updated_at)
         VALUES ($1, $2, 'sign-in-code', 'sign-in', NULL, '"v1:sealed"', 'dispatched', $3, $3)`,
        [messageId, randomUUID(), at],
      );
      await dataSource.query(
        `INSERT INTO notification_deliveries (id, message_id, cause_event_id, template, recipient_kind, channel, address, language, status, created_at, updated_at)
         VALUES ($1, $2, $4, 'sign-in-code', 'sign-in', 'sms', 'v1:a:b:c', 'zh-CN', 'sent', $3, $3)`,
        [randomUUID(), messageId, at, randomUUID()],
      );
      return messageId;
    };
    const old = await sent('2026-05-31T23:59:00+08:00');
    const recent = await sent('2026-06-01T00:01:00+08:00');
    const task = new PersonalDataRetentionTask(dataSource, clock, RETENTION, eraseContactsPastRetention);
    expect(await task.runOnce()).toBe(1);
    const state = async (messageId: string) =>
      (await dataSource.query(`SELECT d.address, m.params::text FROM notification_deliveries d JOIN notification_messages m ON m.id = d.message_id WHERE m.id = $1`, [messageId]))[0];
    expect(await state(old)).toEqual({ address: null, params: '{}' });
    expect(await state(recent)).toEqual({ address: 'v1:a:b:c', params: '"v1:sealed"' });
    expect(await task.runOnce()).toBe(0);
  });

  it('erases a citizen’s contact details on request, keeping an open day in progress, and gives up a delivery still pending', async () => {
    clock.set('2026-12-05T02:00:00Z');
    const ended = await person(await openDay(['2026-12-01']), true);
    const today = await person(await openDay(['2026-12-05']));
    const eraser = new NotificationPersonalDataEraser(dataSource, clock);
    const request = { accountId: randomUUID(), applicationIds: [ended.applicationId, today.applicationId], personKeys: [] };
    expect(await eraser.erase(request)).toEqual({ service: 'notification', erased: 1, kept: [{ applicationId: today.applicationId, reason: 'open-day-in-progress' }] });
    expect(await heldAbout(ended.personId)).toMatchObject({ contacts: 0, addresses: 0, deliveries: 3 });
    expect(await dataSource.query(`SELECT status, last_answer FROM notification_deliveries WHERE recipient_id = $1 AND channel = 'email'`, [ended.personId])).toEqual([
      { status: 'failed', last_answer: 'personal data erased' },
    ]);
    expect((await heldAbout(today.personId)).contacts).toBe(1);
    expect((await eraser.erase(request)).erased).toBe(0);
  });
});
