import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { FieldCipher, ManualClock } from '@openday/platform';
import { contactOf, createTestDatabase, type TestDatabase, testInfrastructure, type TestInfrastructure, testNamespace, testPerson, ticketOf } from '@openday/testing';
import { ContactDirectory } from '../contacts/contact-directory';
import { Dispatcher } from '../deliveries/dispatcher';
import type { NotificationSettings } from '../deliveries/notification-settings';
import { notificationDatabase } from '../notification.database';
import { TicketMessagesService } from '../tickets/ticket-messages.service';
import { parseQuietHours } from './quiet-hours';
import { ReminderService } from './reminder.service';

const SETTINGS: NotificationSettings = {
  maxAttempts: 3,
  retryBaseMs: 100,
  contactWaitMinutes: 60,
  quietHours: parseQuietHours('22:00-08:00'),
  reminders: { dayBeforeAt: '18:00', hoursBefore: 2 },
};
const at = (local: string) => new Date(`${local}+08:00`);

/** Reminder timers and waiting messages on PostgreSQL, on a clock the test moves. */
describe('reminders and waiting messages', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let clock: ManualClock;
  let contacts: ContactDirectory;
  let dispatcher: Dispatcher;
  let tickets: TicketMessagesService;
  let replicas: ReminderService[];
  const openDayId = randomUUID();

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'notification_reminders');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...notificationDatabase.migrations],
      migrationsRun: true,
      extra: { max: 10 },
    }).initialize();
    clock = new ManualClock(at('2026-11-25T10:00:00'));
    const cipher = FieldCipher.withKey(randomBytes(32));
    const outbox = new Outbox(testNamespace());
    contacts = new ContactDirectory(cipher);
    dispatcher = new Dispatcher(dataSource, contacts, outbox, clock, cipher, SETTINGS);
    replicas = [new ReminderService(dataSource, dispatcher, clock, SETTINGS), new ReminderService(dataSource, new Dispatcher(dataSource, contacts, outbox, clock, cipher, SETTINGS), clock, SETTINGS)];
    tickets = new TicketMessagesService(dataSource, dispatcher, replicas[0], contacts, clock, SETTINGS);
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await infra?.stop();
  });

  async function reminderDue(ticketId: string): Promise<Record<string, string>> {
    const rows = (await dataSource.query(`SELECT kind, due_at AS "dueAt" FROM notification_reminders WHERE ticket_id = $1`, [ticketId])) as Array<{
      kind: string;
      dueAt: Date;
    }>;
    return Object.fromEntries(rows.map((row) => [row.kind, row.dueAt.toISOString()]));
  }

  async function reminderMessages(personId: string): Promise<number> {
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM notification_messages WHERE template = 'reminder' AND recipient_id = $1`, [
      personId,
    ])) as Array<{ n: number }>;
    return n;
  }

  async function issue(startsAt: string) {
    const person = testPerson();
    await dataSource.transaction((m) => contacts.record(m, contactOf(person, openDayId)));
    const ticket = ticketOf(person, openDayId, { date: '2026-11-29', startsAt, startsAtInstant: at(`2026-11-29T${startsAt}:00`).toISOString() });
    await dataSource.transaction((m) => tickets.ticketIssued(m, randomUUID(), ticket));
    return { person, ticket };
  }

  it('schedules the day-before and the second reminder, deferring one due in the quiet hours to their end', async () => {
    clock.set(at('2026-11-25T10:00:00'));
    const { ticket } = await issue('09:00');
    expect(await reminderDue(ticket.ticketId)).toEqual({
      'day-before': at('2026-11-28T18:00:00').toISOString(),
      // 2 h before 09:00 is 07:00, inside 22:00-08:00: deferred to 08:00.
      'hours-before': at('2026-11-29T08:00:00').toISOString(),
    });
  });

  it('brings a reminder forward to before the quiet hours when their end would be too late', async () => {
    clock.set(at('2026-11-25T10:00:00'));
    const { ticket } = await issue('08:00');
    expect((await reminderDue(ticket.ticketId))['hours-before']).toBe(at('2026-11-28T21:59:00').toISOString());
  });

  it('fires each reminder once across two replicas, only when due, and never in the quiet hours', async () => {
    clock.set(at('2026-11-25T10:00:00'));
    const { person, ticket } = await issue('09:00');

    clock.set(at('2026-11-28T17:59:00'));
    await Promise.all(replicas.map((replica) => replica.fireDue()));
    expect(await reminderMessages(person.personId)).toBe(0);

    clock.set(at('2026-11-28T18:00:00'));
    await Promise.all(replicas.map((replica) => replica.fireDue()));
    await Promise.all(replicas.map((replica) => replica.fireDue()));
    expect(await reminderMessages(person.personId)).toBe(1);
    expect(Object.keys(await reminderDue(ticket.ticketId))).toEqual(['hours-before']);

    // A replica down past the due time comes back at 23:30: the reminder waits for the end of the quiet hours.
    await dataSource.query(`UPDATE notification_reminders SET due_at = $2 WHERE ticket_id = $1`, [ticket.ticketId, at('2026-11-28T23:00:00')]);
    clock.set(at('2026-11-28T23:30:00'));
    await Promise.all(replicas.map((replica) => replica.fireDue()));
    expect(await reminderMessages(person.personId)).toBe(1);
    expect(await reminderDue(ticket.ticketId)).toEqual({ 'hours-before': at('2026-11-29T08:00:00').toISOString() });

    clock.set(at('2026-11-29T08:00:00'));
    await Promise.all(replicas.map((replica) => replica.fireDue()));
    expect(await reminderMessages(person.personId)).toBe(2);
    const [{ n }] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE template = 'reminder' AND recipient_id = $1`,
      [person.personId],
    )) as Array<{ n: number }>;
    expect(n).toBe(2 * 3);
    expect(await reminderDue(ticket.ticketId)).toEqual({});
  });

  it('cancels reminders when the ticket is revoked', async () => {
    clock.set(at('2026-11-25T10:00:00'));
    const { ticket } = await issue('09:00');
    const { ticketId, applicationId, personId, sessionId, agencyId } = ticket;
    await dataSource.transaction((m) =>
      tickets.ticketRevoked(m, { ticketId, applicationId, personId, openDayId, sessionId, agencyId, reason: 'application-withdrawn', revokedAt: clock.now().toISOString() }),
    );
    expect(await reminderDue(ticketId)).toEqual({});
  });

  it('announces a ticket whose selection never comes once the contact wait has passed, as the ticket says, once across replicas', async () => {
    clock.set(at('2026-11-25T10:00:00'));
    const { person } = await issue('09:00');
    const messages = async () =>
      (await dataSource.query(`SELECT template FROM notification_messages WHERE recipient_id = $1 AND template IN ('selected', 'promoted')`, [person.personId])) as Array<{
        template: string;
      }>;
    clock.set(at('2026-11-25T10:59:00'));
    await tickets.announceUnmatched();
    expect(await messages()).toEqual([]);
    clock.set(at('2026-11-25T11:00:00'));
    const other = new TicketMessagesService(dataSource, dispatcher, replicas[1], contacts, clock, SETTINGS);
    await Promise.all([tickets.announceUnmatched(), other.announceUnmatched()]);
    await tickets.announceUnmatched();
    expect(await messages()).toEqual([{ template: 'selected' }]);
  });

  it('fails a message whose contact details never arrive, with the reason and a notification-failed event', async () => {
    clock.set(at('2026-11-25T10:00:00'));
    const personId = randomUUID();
    const causeEventId = randomUUID();
    await dataSource.transaction((m) =>
      dispatcher.dispatch(m, { causeEventId, recipient: { kind: 'person', personId }, content: { template: 'waitlisted', params: { title: null, position: 1 } } }),
    );
    clock.set(at('2026-11-25T10:59:00'));
    expect(await dispatcher.expireWaiting()).toBe(0);
    clock.set(at('2026-11-25T11:00:00'));
    expect(await dispatcher.expireWaiting()).toBe(1);
    const [message] = (await dataSource.query(`SELECT status, reason FROM notification_messages WHERE cause_event_id = $1`, [causeEventId])) as Array<{
      status: string;
      reason: string;
    }>;
    expect(message).toEqual({ status: 'failed', reason: 'no contact details arrived within 60 minutes' });
    const events = (await dataSource.query(`SELECT payload FROM outbox WHERE payload->'data'->>'causeEventId' = $1`, [causeEventId])) as Array<{
      payload: { type: string; data: { reason: string } };
    }>;
    expect(events.map((e) => e.payload.type)).toEqual(['gov.openday.notification.notification-failed.v1']);
  });
});
