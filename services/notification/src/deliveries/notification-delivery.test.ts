import { randomUUID } from 'node:crypto';
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  ApplicationRejectedV2,
  ApplicationSelectedV2,
  ApplicationSubmittedV1,
  ApplicationWaitlistedV2,
  ContactDetailsRecordedV1,
  FeedbackAnsweredV1,
  FeedbackOverdueV1,
  OpenDayCancelledV1,
  OpenDayChangedV2,
  OpenDayPublishedV2,
  SignInCodeRequestedV1,
  TicketIssuedV2,
  TicketRevokedV2,
} from '@openday/contracts';
import { contactOf, publishEvent, republish, selectionOf, type SmsCaptureServer, type SmtpCapture, testPerson, ticketOf, waitFor } from '@openday/testing';
import { NotificationHarness } from '../../test/notification-harness';

const MAX_ATTEMPTS = 3;

/** Two replicas of the service as it runs (see NotificationHarness), sharing the work. */
describe('notification delivery (two replicas, real PostgreSQL, NATS, SMTP and HTTP)', () => {
  // The contracts' examples hold a ticket for Sunday 29 November 2026: the service's clock starts a week before it.
  const harness = new NotificationHarness({ database: 'notification_delivery', replicas: 2, now: '2026-11-20T10:00:00+08:00', maxAttempts: MAX_ATTEMPTS });
  const { namespace, replicas } = harness;
  const rows = harness.rows.bind(harness);
  const settled = harness.settled.bind(harness);
  const inboxOf = harness.inboxOf.bind(harness);
  let js: JetStreamClient;
  let sms: SmsCaptureServer;
  let smtp: SmtpCapture;
  const openDayId = randomUUID();

  beforeAll(async () => {
    await harness.start();
    ({ js, sms, smtp } = harness);
    await publishEvent(js, namespace, OpenDayPublishedV2.contract, { ...OpenDayPublishedV2.contract.definition.example, openDayId, title: '走进自来水厂' });
  }, 120_000);

  afterAll(() => harness.stop());

  const contactKnown = (person: Parameters<NotificationHarness['contactKnown']>[0]) => harness.contactKnown(person, openDayId);

  /** Scheduling's ticket and, before it as in production, vetting's selection that names any promotion. */
  async function issue(ticket: TicketIssuedV2, promotion: ApplicationSelectedV2['promotion'] = null) {
    await publishEvent(js, namespace, ApplicationSelectedV2.contract, selectionOf(ticket, promotion));
    return publishEvent(js, namespace, TicketIssuedV2.contract, ticket);
  }

  it('sends each kind of message on each of the person’s channels, with its content', async () => {
    const zh = testPerson();
    const en = testPerson({ language: 'en', email: null });
    await contactKnown(zh);
    await contactKnown(en);

    await publishEvent(js, namespace, ApplicationSubmittedV1.contract, {
      ...ApplicationSubmittedV1.contract.definition.example,
      applicationId: zh.applicationId,
      personId: zh.personId,
      openDayId,
    });
    const ticket = ticketOf(zh, openDayId);
    await issue(ticket);
    const ref = { applicationId: en.applicationId, personId: en.personId, openDayId, sessionId: ticket.sessionId };
    await publishEvent(js, namespace, ApplicationRejectedV2.contract, {
      ...ApplicationRejectedV2.contract.definition.example,
      ...ref,
      reasonCode: 'rejected-by-selection-group',
      reasonCodes: ['rejected-by-selection-group'],
      groupReason: 'places go to residents near the plant',
    });
    await publishEvent(js, namespace, ApplicationWaitlistedV2.contract, { ...ApplicationWaitlistedV2.contract.definition.example, ...ref, position: 4, groupReason: null });
    await publishEvent(js, namespace, FeedbackAnsweredV1.contract, { ...FeedbackAnsweredV1.contract.definition.example, personId: zh.personId });
    await publishEvent(js, namespace, FeedbackOverdueV1.contract, { ...FeedbackOverdueV1.contract.definition.example, departmentId: 'tax-bureau', chaseNumber: 2 });
    await publishEvent(js, namespace, SignInCodeRequestedV1.contract, { ...SignInCodeRequestedV1.contract.definition.example, mobile: '13700001111', code: '654321' });

    expect(await settled('application-received', zh.personId, 3)).toMatchObject({ sms: { status: 'sent' }, email: { status: 'sent' }, 'in-app': { status: 'sent' } });
    expect(await settled('selected', zh.personId, 3)).toMatchObject({ sms: { status: 'sent' }, email: { status: 'sent' }, 'in-app': { status: 'sent' } });
    expect(Object.keys(await settled('rejected', en.personId, 2)).sort()).toEqual(['in-app', 'sms']);
    await settled('waitlisted', en.personId, 2);
    await settled('feedback-answered', zh.personId, 3);
    expect(await settled('feedback-chase', 'tax-bureau', 1)).toMatchObject({ 'in-app': { status: 'sent' } });
    await waitFor(() => sms.messages('13700001111').length === 1, { what: 'the sign-in code SMS' });

    const selectedSms = sms.messages(zh.mobile).find((m) => m.text.includes('入选通知') || m.text.includes('恭喜您入选'))!;
    for (const part of ['恭喜您入选“走进自来水厂”', '2026年11月29日（星期日） 09:00-11:30', '第一水厂（滨江路 1 号）', '集合地点：市民中心北门', 'K7Q2M9XD']) {
      expect(selectedSms.text).toContain(part);
    }
    expect(selectedSms.idempotencyKey).toBe(selectedSms.messageId);
    const mails = smtp.distinctTo(zh.email!);
    expect(mails.map((m) => m.subject).sort()).toEqual(['入选通知：走进自来水厂', '报名已收到', '您的意见建议已有答复'].sort());
    const selectedMail = mails.find((m) => m.subject.startsWith('入选通知'))!;
    expect(selectedMail.text).toContain('2026年11月29日（星期日） 09:00-11:30');
    expect(selectedMail.text).toContain('集合地点：市民中心北门');
    expect(selectedMail.text).toContain('交通：统一乘坐大巴，8:40 在集合地点发车');
    expect(selectedMail.messageId).toMatch(/^<[0-9a-f-]{36}@notification\.openday>$/);
    expect((await inboxOf(zh.applicantUserId)).map((m) => m.template)).toEqual(
      expect.arrayContaining(['application-received', 'selected', 'feedback-answered']),
    );
    const answered = (await inboxOf(zh.applicantUserId)).find((m) => m.template === 'feedback-answered')!;
    expect(answered.body).toContain('将于 2027-03-31 前解决');
    expect(answered.body).toContain('1-5 分');

    const enSms = sms.messages(en.mobile).map((m) => m.text);
    expect(enSms).toEqual(
      expect.arrayContaining([expect.stringContaining('the selection group did not choose you. Thank you for your interest.\nReason: places go to residents near the plant'), expect.stringContaining('at position 4')]),
    );
    expect(enSms.find((text) => text.includes('at position 4'))).not.toContain('Reason:');
    expect((await inboxOf(en.applicantUserId)).find((m) => m.template === 'rejected')!.body).toContain('Reason: places go to residents near the plant');
    expect(smtp.mails.filter((m) => m.text.includes('position 4'))).toHaveLength(0);
    expect((await inboxOf('tax-bureau'))[0].title).toContain('第 2 次催办');
    expect(sms.messages('13700001111')[0].text).toContain('654321');
    // What a message says (sign-in and check-in codes, answers) is encrypted at rest, like the addresses.
    const stored = JSON.stringify(await rows(`SELECT m.params, d.address FROM notification_messages m JOIN notification_deliveries d ON d.message_id = m.id`));
    for (const clear of ['654321', '13700001111', zh.mobile, ticket.checkInCode]) expect(stored).not.toContain(clear);

    // Change of time and place: the ticket holder hears it; then staff revoke the ticket; then the day is cancelled for everyone who applied.
    const change: OpenDayChangedV2 = {
      ...OpenDayChangedV2.contract.definition.example,
      openDayId,
      title: '走进自来水厂',
      sessions: [{ sessionId: ticket.sessionId, date: '2026-11-29', startsAt: '14:00', endsAt: '16:30', capacity: 20 }],
      assemblyPoint: '水厂东门',
    };
    await publishEvent(js, namespace, OpenDayChangedV2.contract, change);
    await settled('open-day-changed', zh.personId, 3);
    expect(sms.messages(zh.mobile).find((m) => m.text.includes('有变更'))!.text).toContain('14:00-16:30');
    const [reminder] = await rows<{ dueAt: Date }>(`SELECT due_at AS "dueAt" FROM notification_reminders WHERE ticket_id = $1 AND kind = 'hours-before'`, [ticket.ticketId]);
    expect(reminder.dueAt.toISOString()).toBe(new Date('2026-11-29T12:00:00+08:00').toISOString());

    await publishEvent(js, namespace, TicketRevokedV2.contract, { ...TicketRevokedV2.contract.definition.example, ...ticketRef(ticket), reason: 'revoked-by-staff' });
    await settled('ticket-revoked', zh.personId, 3);
    expect(await rows(`SELECT 1 FROM notification_reminders WHERE ticket_id = $1`, [ticket.ticketId])).toHaveLength(0);

    await publishEvent(js, namespace, OpenDayCancelledV1.contract, { ...OpenDayCancelledV1.contract.definition.example, openDayId, reason: '受台风影响' });
    await settled('open-day-cancelled', zh.personId, 3);
    await settled('open-day-cancelled', en.personId, 2);
    expect(sms.messages(en.mobile).find((m) => m.text.includes('cancelled'))!.text).toContain('Reason: 受台风影响');
  }, 90_000);

  it('tells a ticket holder whose session a change dropped that it is cancelled for them, and stops their reminders', async () => {
    const otherDay = randomUUID();
    const holder = testPerson();
    await publishEvent(js, namespace, ContactDetailsRecordedV1.contract, contactOf(holder, otherDay));
    const ticket = ticketOf(holder, otherDay);
    await issue(ticket);
    await settled('selected', holder.personId, 3);
    expect(await rows(`SELECT kind FROM notification_reminders WHERE ticket_id = $1`, [ticket.ticketId])).toHaveLength(2);

    const afternoon = { sessionId: randomUUID(), date: ticket.date, startsAt: '14:00', endsAt: '16:30', capacity: 10 };
    await publishEvent(js, namespace, OpenDayChangedV2.contract, {
      ...OpenDayChangedV2.contract.definition.example,
      openDayId: otherDay,
      title: '走进污水处理厂',
      sessions: [afternoon],
      reason: '上午场因设备检修取消',
    });
    await settled('open-day-cancelled', holder.personId, 3);
    expect(sms.messages(holder.mobile).find((m) => m.text.includes('已取消'))!.text).toContain('上午场因设备检修取消');
    expect(await rows(`SELECT 1 FROM notification_reminders WHERE ticket_id = $1`, [ticket.ticketId])).toHaveLength(0);
    expect(await rows(`SELECT 1 FROM notification_deliveries WHERE template = 'open-day-changed' AND recipient_id = $1`, [holder.personId])).toHaveLength(0);
  });

  it('makes exactly one message per (event, recipient, channel) under redelivery, with two replicas sharing the work', async () => {
    const people = Array.from({ length: 30 }, () => testPerson());
    for (const person of people) await publishEvent(js, namespace, ContactDetailsRecordedV1.contract, contactOf(person, openDayId));
    for (const person of people) {
      const event = await issue(ticketOf(person, openDayId));
      await republish(js, namespace, TicketIssuedV2.contract, event);
    }
    await waitFor(
      async () => {
        const [{ n }] = await rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification_deliveries WHERE template = 'selected' AND status = 'sent' AND recipient_id = ANY($1)`,
          [people.map((p) => p.personId)],
        );
        return n === people.length * 3;
      },
      { timeoutMs: 60_000, what: '90 selection deliveries' },
    );
    for (const person of people) {
      expect(sms.messages(person.mobile)).toHaveLength(1);
      expect(smtp.mails.filter((m) => m.to === person.email)).toHaveLength(1);
      expect(await inboxOf(person.applicantUserId)).toHaveLength(1);
    }
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM notification_deliveries WHERE template = 'selected' AND recipient_id = ANY($1)`, [
      people.map((p) => p.personId),
    ]);
    expect(n).toBe(people.length * 3);
    expect(replicas.every((replica) => replica.exitCode === undefined)).toBe(true);
  }, 90_000);

  it('retries a provider answering 500 with back-off, then fails with the reason and a notification-failed event; e-mail and in-app still deliver', async () => {
    const person = testPerson();
    await contactKnown(person);
    sms.fail = true;
    try {
      await issue(ticketOf(person, openDayId));
      const deliveries = await settled('selected', person.personId, 3);
      expect(deliveries.sms).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
      expect(deliveries.sms.lastAnswer).toMatch(/^SMS provider answered 500 Internal Server Error: .*failing on purpose/);
      expect(deliveries.email.status).toBe('sent');
      expect(deliveries['in-app'].status).toBe('sent');
    } finally {
      sms.fail = false;
    }
    const failed = await waitFor(async () => {
      const [event] = await rows<{ payload: { data: { reason: string; attempts: number; channel: string } } }>(
        `SELECT payload FROM outbox WHERE event_type = $1 AND payload->'data'->>'recipientId' = $2`,
        ['gov.openday.notification.notification-failed.v1', person.personId],
      );
      return event;
    });
    expect(failed.payload.data).toMatchObject({ channel: 'sms', attempts: MAX_ATTEMPTS, reason: expect.stringContaining('500') });
    const [timing] = await rows<{ spanMs: number }>(
      `SELECT extract(epoch FROM (updated_at - created_at)) * 1000 AS "spanMs" FROM notification_deliveries WHERE template = 'selected' AND recipient_id = $1 AND channel = 'sms'`,
      [person.personId],
    );
    // Back-off of 100 ms then 200 ms between the three attempts: at least 300 ms from first to last.
    expect(Number(timing.spanMs)).toBeGreaterThanOrEqual(300);
    expect(sms.messages(person.mobile)).toHaveLength(0);
  }, 60_000);

  it('keeps a message waiting for contact details that have not arrived, and sends it when they do', async () => {
    const person = testPerson();
    await issue(ticketOf(person, openDayId, { promoted: true }), { cause: 'withdrawal', fromWaitlistPosition: 1 });
    await waitFor(async () => (await rows(`SELECT 1 FROM notification_messages WHERE recipient_id = $1 AND status = 'waiting-for-contact'`, [person.personId])).length === 1, {
      what: 'the message to wait',
    });
    expect(await rows(`SELECT 1 FROM notification_deliveries WHERE recipient_id = $1`, [person.personId])).toHaveLength(0);
    await publishEvent(js, namespace, ContactDetailsRecordedV1.contract, contactOf(person, openDayId));
    expect(await settled('promoted', person.personId, 3)).toMatchObject({ sms: { status: 'sent' } });
    expect(sms.messages(person.mobile)[0].text).toContain('候补名单递补入选');
  }, 60_000);
});

function ticketRef(ticket: TicketIssuedV2) {
  const { ticketId, applicationId, personId, openDayId, sessionId, agencyId } = ticket;
  return { ticketId, applicationId, personId, openDayId, sessionId, agencyId };
}
