import { randomUUID } from 'node:crypto';
import { ApplicationSelectedV2, ContactDetailsRecordedV1, TicketIssuedV2 } from '@openday/contracts';
import { contactOf, NotificationHarness, selectionOf, testPerson, ticketOf, waitFor } from '@openday/testing';

const SELECTED = 200;
/** Deliveries a sender claims per transaction here; the replica's 2 senders then hold at most 4 sent but unrecorded. */
const BATCH = 2;
const IN_FLIGHT = 2 * BATCH;

/**
 * Exactly once per (event, recipient, channel) across a crash: 200 selections arrive on the bus,
 * the notification process is killed (SIGKILL) in the middle and restarted. A message sent but
 * not yet recorded when the process died is sent again with the same Idempotency-Key (SMS) or
 * Message-ID (e-mail), so the provider and the mailbox recognise it as the same message.
 */
describe('notification exactly once across a SIGKILL', () => {
  const harness = new NotificationHarness();

  beforeAll(() => harness.start({ DELIVERY_BATCH_SIZE: String(BATCH) }), 180_000);
  afterAll(() => harness.stop(), 60_000);

  it('gives every selected person exactly one selection message per channel', async () => {
    const openDayId = randomUUID();
    const people = Array.from({ length: SELECTED }, () => testPerson());
    const notification = harness.platform.service('notification');

    for (const person of people) await harness.publish(ContactDetailsRecordedV1.contract, contactOf(person, openDayId));
    for (const [index, person] of people.entries()) {
      // The selection message goes out once both scheduling's ticket and vetting's selection are in.
      const ticket = ticketOf(person, openDayId);
      await harness.publish(TicketIssuedV2.contract, ticket);
      await harness.publish(ApplicationSelectedV2.contract, selectionOf(ticket));
      if (index === SELECTED / 2) {
        // Some messages are out, most are not: kill the process in the middle of the burst.
        await waitFor(() => harness.sms.messages().length >= 20, { timeoutMs: 60_000, what: 'the first selection messages' });
        expect(await notification.stop('SIGKILL')).toBeNull();
      }
    }
    expect(harness.sms.messages().length).toBeLessThan(SELECTED);
    await notification.start({ readyTimeoutMs: 45_000 });

    await waitFor(
      async () => {
        const { rows } = await harness.notificationDb.query(
          `SELECT count(*)::int AS n FROM notification_deliveries WHERE template = 'selected' AND status = 'sent'`,
        );
        return rows[0].n === SELECTED * 3;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: `${SELECTED * 3} selection deliveries` },
    );

    const { rows: deliveries } = await harness.notificationDb.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE template = 'selected'`);
    expect(deliveries[0].n).toBe(SELECTED * 3);
    const { rows: inbox } = await harness.notificationDb.query(
      `SELECT owner_id AS "ownerId", count(*)::int AS n FROM notification_inbox WHERE template = 'selected' GROUP BY owner_id`,
    );
    const inboxByOwner = new Map(inbox.map((row: { ownerId: string; n: number }) => [row.ownerId, row.n]));
    for (const person of people) {
      const sms = harness.sms.messages(person.mobile);
      expect(sms).toHaveLength(1);
      expect(sms[0].text).toContain('恭喜您入选');
      const mails = harness.smtp.distinctTo(person.email!);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('入选通知：走进自来水厂');
      expect(inboxByOwner.get(person.applicantUserId)).toBe(1);
    }
    // Resends after the crash (if any) carried the first attempt's key: never more than the senders hold (senders × batch).
    const resent = { sms: harness.sms.posts - harness.sms.messages().length, email: harness.smtp.mails.length - SELECTED };
    process.stdout.write(`[notification-exactly-once] killed after ${SELECTED / 2} of ${SELECTED}; resent after restart: ${resent.sms} SMS, ${resent.email} e-mails (same key)\n`);
    expect(resent.sms).toBeLessThanOrEqual(IN_FLIGHT);
    expect(resent.email).toBeLessThanOrEqual(IN_FLIGHT);
  }, 300_000);
});
