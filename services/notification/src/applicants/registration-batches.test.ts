import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { ApplicationSubmittedV1, ContactDetailsRecordedV1, OpenDayPublishedV2, type CloudEvent } from '@openday/contracts';
import { DeadLetterHeaders } from '@openday/messaging';
import { contactOf, republish, testPerson, waitFor, type TestPerson } from '@openday/testing';
import { NotificationHarness } from '../../test/notification-harness';

/**
 * Registration's contact and application-submitted events arrive many at a time, a person's
 * contact beside their application, and are applied a batch per transaction (set-based): a
 * batch holding the same event twice still makes one message, and an event that fails is
 * tried alone and dead-lettered while the rest of its batch is applied.
 */
describe('registration events taken a batch at a time (real PostgreSQL and NATS)', () => {
  const harness = new NotificationHarness({ database: 'notification_batches', replicas: 1, now: '2026-11-20T10:00:00+08:00' });
  const openDayId = randomUUID();

  beforeAll(async () => {
    await harness.start();
    await harness.publish(OpenDayPublishedV2.contract, { ...OpenDayPublishedV2.contract.definition.example, openDayId, title: '走进自来水厂' });
  }, 120_000);

  afterAll(() => harness.stop());

  const submittedBy = (person: TestPerson) => ({
    ...ApplicationSubmittedV1.contract.definition.example,
    applicationId: person.applicationId,
    personId: person.personId,
    openDayId,
  });

  /** Every person's contact and application at once, as registration's relay sends them. */
  async function applyAll(people: TestPerson[]) {
    const events = await Promise.all(
      people.flatMap((person) => [harness.publish(ContactDetailsRecordedV1.contract, contactOf(person, openDayId)), harness.publish(ApplicationSubmittedV1.contract, submittedBy(person))]),
    );
    return { contacts: events.filter((_, i) => i % 2 === 0) as Array<CloudEvent<ContactDetailsRecordedV1>>, submitted: events.filter((_, i) => i % 2 === 1) as Array<CloudEvent<ApplicationSubmittedV1>> };
  }

  const receivedMessages = async (people: TestPerson[]) =>
    harness.rows<{ recipientId: string; status: string; deliveries: number }>(
      `SELECT m.recipient_id AS "recipientId", m.status, (SELECT count(*)::int FROM notification_deliveries d WHERE d.message_id = m.id) AS deliveries
         FROM notification_messages m WHERE m.template = 'application-received' AND m.recipient_id = ANY($1::text[])`,
      [people.map((p) => p.personId)],
    );

  it('makes one message per application, with a delivery per channel, when a batch holds an event twice', async () => {
    const people = Array.from({ length: 30 }, () => testPerson());
    const { contacts, submitted } = await applyAll(people);
    await Promise.all([
      ...contacts.slice(0, 5).map((event) => republish(harness.js, harness.namespace, ContactDetailsRecordedV1.contract, event)),
      ...submitted.slice(0, 5).map((event) => republish(harness.js, harness.namespace, ApplicationSubmittedV1.contract, event)),
    ]);

    await waitFor(async () => people.every((p) => harness.sms.messages(p.mobile).length >= 1), { timeoutMs: 30_000, what: 'a received text to everyone' });
    // The duplicates may come after the last text: wait until the consumer has taken everything.
    const jsm = await jetstreamManager(harness.nats);
    const stream = harness.namespace.eventStream('registration', 'internal');
    const consumer = harness.namespace.consumerName('notification', 'applicant-contacts');
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(stream, consumer);
        return info.num_pending + info.num_ack_pending === 0;
      },
      { what: 'the consumer to take every event' },
    );
    await waitFor(async () => (await harness.rows(`SELECT 1 FROM notification_deliveries WHERE status = 'pending'`)).length === 0, { what: 'every delivery made' });
    const messages = await receivedMessages(people);
    expect(messages).toHaveLength(people.length);
    expect(messages.every((m) => m.status === 'dispatched' && m.deliveries === 3)).toBe(true);
    expect(people.map((p) => harness.sms.messages(p.mobile).length)).toEqual(people.map(() => 1));
    expect(await harness.rows(`SELECT 1 FROM notification_contacts WHERE person_id = ANY($1::uuid[])`, [people.map((p) => p.personId)])).toHaveLength(people.length);
  }, 60_000);

  it('dead-letters the one event whose statement fails and applies the rest of its batch', async () => {
    const people = Array.from({ length: 20 }, () => testPerson());
    const poisoned = people[7];
    // A fault no schema catches: the contact of one person cannot be stored.
    await harness.rows(`
      CREATE FUNCTION refuse_poisoned_contact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.person_id = '${poisoned.personId}' THEN RAISE EXCEPTION 'contact refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await harness.rows(`CREATE TRIGGER refuse_poisoned_contact BEFORE INSERT ON notification_contacts FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_contact()`);
    try {
      const { contacts } = await applyAll(people);
      const others = people.filter((p) => p !== poisoned);

      await waitFor(async () => others.every((p) => harness.sms.messages(p.mobile).length === 1), { timeoutMs: 30_000, what: 'a received text to everyone else' });
      const jsm = await jetstreamManager(harness.nats);
      const consumer = harness.namespace.consumerName('notification', 'applicant-contacts');
      const deadLetter = await waitFor(
        async () =>
          (await jsm.streams.getMessage(harness.namespace.deadLetterStream, { last_by_subj: harness.namespace.deadLetterSubject(consumer) }).catch(() => null)) ?? undefined,
        { timeoutMs: 45_000, what: 'the poisoned contact in the dead-letter stream' },
      );
      expect(JSON.parse(deadLetter!.string()).id).toBe(contacts[7].id);
      expect(deadLetter!.header.get(DeadLetterHeaders.reason)).toContain('contact refused for the test');

      const messages = await receivedMessages(people);
      expect(messages.filter((m) => m.status === 'dispatched' && m.deliveries === 3).map((m) => m.recipientId).sort()).toEqual(others.map((p) => p.personId).sort());
      // Its application waits for contact details that did not come.
      expect(messages.find((m) => m.recipientId === poisoned.personId)).toMatchObject({ status: 'waiting-for-contact', deliveries: 0 });
      expect(harness.sms.messages(poisoned.mobile)).toHaveLength(0);
    } finally {
      await harness.rows(`DROP TRIGGER refuse_poisoned_contact ON notification_contacts`);
    }
  }, 90_000);
});
