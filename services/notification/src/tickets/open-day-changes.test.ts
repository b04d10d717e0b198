import { randomUUID } from 'node:crypto';
import {
  ApplicationRejectedV2,
  ApplicationSelectedV2,
  ApplicationWaitlistedV2,
  OpenDayChangedV2,
  OpenDayPublishedV2,
  TicketIssuedV2,
  TicketRevokedV1,
  TicketRevokedV2,
  type CloudEvent,
  type PromotionCauseV2,
} from '@openday/contracts';
import { republish, selectionOf, testPerson, type TestPerson, ticketOf, waitFor } from '@openday/testing';
import { NotificationHarness } from '../../test/notification-harness';

const TITLE = '走进自来水厂';
const venues = [{ name: '第一水厂', address: '滨江路 1 号' }];

/** A published open day with one morning session (Sunday 29 November 2026); the service's clock is a week before it. */
function openDay() {
  const session = { sessionId: randomUUID(), date: '2026-11-29', startsAt: '09:00', endsAt: '11:30', capacity: 10 };
  const published: OpenDayPublishedV2 = {
    ...OpenDayPublishedV2.contract.definition.example,
    openDayId: randomUUID(),
    title: TITLE,
    sessions: [session],
    venues,
    assemblyPoint: '市民中心北门',
  };
  const change = (overrides: Partial<OpenDayChangedV2>): OpenDayChangedV2 => ({
    ...OpenDayChangedV2.contract.definition.example,
    openDayId: published.openDayId,
    title: TITLE,
    sessions: [session],
    venues,
    assemblyPoint: published.assemblyPoint,
    notices: ['请携带身份证原件'],
    ...overrides,
  });
  return { published, session, change };
}

/** Vetting's rejection of the person for one reason, without words from the selection group. */
function rejectionOf(ref: Pick<ApplicationRejectedV2, 'applicationId' | 'personId' | 'openDayId' | 'sessionId'>, reasonCode: string): ApplicationRejectedV2 {
  return { ...ApplicationRejectedV2.contract.definition.example, ...ref, reasonCode, reasonCodes: [reasonCode], groupReason: null };
}

/**
 * A published open day changes and everyone concerned is told, on every channel they have, in
 * their language: ticket holders and the waiting list of a new time and place, people whose
 * places were given up, people promoted with the cause; nobody twice.
 */
describe('changes and promotions told to everyone concerned (real PostgreSQL, NATS, SMTP and HTTP)', () => {
  const harness = new NotificationHarness({ database: 'notification_changes', replicas: 1, now: '2026-11-20T10:00:00+08:00' });

  beforeAll(() => harness.start(), 120_000);
  afterAll(() => harness.stop());

  async function known(openDayId: string, overrides: Partial<TestPerson> = {}): Promise<TestPerson> {
    const person = testPerson(overrides);
    await harness.contactKnown(person, openDayId);
    return person;
  }

  const channelsOf = (person: TestPerson) => (person.email ? 3 : 2);

  async function holding(openDayId: string, sessionId: string, overrides: Partial<TestPerson> = {}): Promise<{ person: TestPerson; ticket: TicketIssuedV2 }> {
    const person = await known(openDayId, overrides);
    const ticket = ticketOf(person, openDayId, { sessionId, title: TITLE, venues, assemblyPoint: '市民中心北门', notices: ['请携带身份证原件'] });
    await harness.publish(ApplicationSelectedV2.contract, selectionOf(ticket));
    await harness.publish(TicketIssuedV2.contract, ticket);
    await harness.settled('selected', person.personId, channelsOf(person));
    return { person, ticket };
  }

  async function waiting(openDayId: string, sessionId: string, overrides: Partial<TestPerson> = {}): Promise<TestPerson> {
    const person = await known(openDayId, overrides);
    await harness.publish(ApplicationWaitlistedV2.contract, {
      ...ApplicationWaitlistedV2.contract.definition.example,
      applicationId: person.applicationId,
      personId: person.personId,
      openDayId,
      sessionId,
      position: 1,
      groupReason: null,
    });
    await harness.settled('waitlisted', person.personId, channelsOf(person));
    return person;
  }

  /** Waits until the notification service has handled the event (its inbox row), so what it did not send can be checked. */
  async function handled(event: CloudEvent): Promise<void> {
    await waitFor(async () => (await harness.rows(`SELECT 1 FROM inbox WHERE event_id = $1`, [event.id])).length > 0, { what: `${event.type} handled` });
  }

  async function count(template: string, personId: string): Promise<number> {
    const [{ n }] = await harness.rows<{ n: number }>(`SELECT count(*)::int AS n FROM notification_messages WHERE template = $1 AND recipient_id = $2`, [
      template,
      personId,
    ]);
    return n;
  }

  /** The one text the person got for the template on each channel (SMS, e-mail if they have one, inbox). */
  async function texts(person: TestPerson, template: string, marker: string): Promise<string[]> {
    const sms = harness.sms.messages(person.mobile).filter((m) => m.text.includes(marker));
    const mails = person.email ? harness.smtp.distinctTo(person.email).filter((m) => m.text.includes(marker)) : [];
    const inbox = (await harness.inboxOf(person.applicantUserId)).filter((m) => m.template === template);
    expect(sms).toHaveLength(1);
    expect(inbox).toHaveLength(1);
    expect(mails).toHaveLength(person.email ? 1 : 0);
    return [sms[0].text, ...mails.map((m) => `${m.subject}\n${m.text}`), `${inbox[0].title}\n${inbox[0].body}`];
  }

  it('tells ticket holders and the waiting list of a moved date and a new assembly point, on each channel, in Chinese and English', async () => {
    const { published, session, change } = openDay();
    await harness.publish(OpenDayPublishedV2.contract, published);
    const holderZh = await holding(published.openDayId, session.sessionId);
    const holderEn = await holding(published.openDayId, session.sessionId, { language: 'en' });
    const waitingZh = await waiting(published.openDayId, session.sessionId, { email: null });
    const waitingEn = await waiting(published.openDayId, session.sessionId, { language: 'en' });

    const moved = { ...session, date: '2026-12-06', startsAt: '14:00', endsAt: '16:30' };
    await harness.publish(OpenDayChangedV2.contract, change({ changedFields: ['sessions', 'assemblyPoint'], sessions: [moved], assemblyPoint: '水厂东门', reason: '水厂检修，活动顺延一周' }));

    for (const person of [holderZh.person, waitingZh]) {
      await harness.settled('open-day-changed', person.personId, channelsOf(person));
      for (const text of await texts(person, 'open-day-changed', '有变更')) {
        for (const part of ['“走进自来水厂”的时间或地点有变更（水厂检修，活动顺延一周）', '2026年12月6日（星期日） 14:00-16:30', '原时间：2026年11月29日（星期日） 09:00-11:30', '集合地点：水厂东门', '原集合地点：市民中心北门']) {
          expect(text).toContain(part);
        }
        expect(text.includes('仍在候补名单中')).toBe(person === waitingZh);
      }
    }
    for (const person of [holderEn.person, waitingEn]) {
      await harness.settled('open-day-changed', person.personId, channelsOf(person));
      for (const text of await texts(person, 'open-day-changed', 'has changed')) {
        for (const part of ['has changed (水厂检修，活动顺延一周)', 'Time: Sunday 6 December 2026, 14:00-16:30', 'Was: Sunday 29 November 2026, 09:00-11:30', 'Assembly point was: 市民中心北门']) {
          expect(text).toContain(part);
        }
        expect(text.includes('still on the waiting list')).toBe(person === waitingEn);
      }
    }
    expect(harness.smtp.distinctTo(holderZh.person.email!).map((m) => m.subject)).toContain('活动变更：走进自来水厂');
    const [reminder] = await harness.rows<{ dueAt: Date }>(`SELECT due_at AS "dueAt" FROM notification_reminders WHERE ticket_id = $1 AND kind = 'hours-before'`, [
      holderZh.ticket.ticketId,
    ]);
    expect(reminder.dueAt.toISOString()).toBe(new Date('2026-12-06T12:00:00+08:00').toISOString());
  }, 120_000);

  it('tells ticket holders of new notices alone, and nobody of a change of eligibility alone', async () => {
    const { published, session, change } = openDay();
    await harness.publish(OpenDayPublishedV2.contract, published);
    const { person: holder } = await holding(published.openDayId, session.sessionId, { language: 'en' });
    const waiter = await waiting(published.openDayId, session.sessionId);

    await harness.publish(OpenDayChangedV2.contract, change({ changedFields: ['notices'], notices: ['Wear flat shoes'], reason: 'the site has stairs' }));
    await harness.settled('open-day-changed', holder.personId, 3);
    for (const text of await texts(holder, 'open-day-changed', 'notices')) expect(text).toContain('Please note: Wear flat shoes');
    const eligibility = await harness.publish(OpenDayChangedV2.contract, change({ changedFields: ['eligibility'], eligibility: { minAge: 20, maxAge: 60, districts: [] } }));
    await handled(eligibility);
    expect(await count('open-day-changed', holder.personId)).toBe(1);
    expect(await count('open-day-changed', waiter.personId)).toBe(0);
  }, 120_000);

  it('tells a person whose place was given up that the places were reduced, with the reason, once: the revocation that follows adds nothing', async () => {
    const { published, session, change } = openDay();
    await harness.publish(OpenDayPublishedV2.contract, published);
    const released = await holding(published.openDayId, session.sessionId);
    const releasedEn = await holding(published.openDayId, session.sessionId, { language: 'en', email: null });
    const staying = await holding(published.openDayId, session.sessionId);

    const releases = [released, releasedEn].map(({ ticket }) => ({ sessionId: ticket.sessionId, personId: ticket.personId, applicationId: ticket.applicationId }));
    await harness.publish(OpenDayChangedV2.contract, change({ changedFields: ['sessions'], sessions: [{ ...session, capacity: 1 }], releases, reason: '场地缩小' }));
    await harness.settled('ticket-revoked', released.person.personId, 3);
    await harness.settled('ticket-revoked', releasedEn.person.personId, 2);
    for (const text of await texts(released.person, 'ticket-revoked', '调减')) expect(text).toMatch(/主办单位调减了场次名额.*2026年11月29日（星期日）.*原因：场地缩小/);
    for (const text of await texts(releasedEn.person, 'ticket-revoked', 'reduced')) expect(text).toContain('reduced the places of your session');
    await harness.settled('open-day-changed', staying.person.personId, 3);

    for (const { ticket } of [released, releasedEn]) {
      const { ticketId, applicationId, personId, openDayId, sessionId, agencyId } = ticket;
      await handled(await harness.publish(TicketRevokedV2.contract, { ticketId, applicationId, personId, openDayId, sessionId, agencyId, reason: 'revoked-by-staff', revokedAt: new Date().toISOString() }));
      await handled(
        await harness.publish(ApplicationRejectedV2.contract, rejectionOf({ applicationId, personId, openDayId, sessionId }, 'place-released')),
      );
      expect(await count('ticket-revoked', personId)).toBe(1);
      expect(await count('open-day-changed', personId)).toBe(0);
      expect(await count('rejected', personId)).toBe(0);
      expect(await harness.rows(`SELECT 1 FROM notification_reminders WHERE ticket_id = $1`, [ticketId])).toHaveLength(0);
    }
  }, 120_000);

  it('tells a holder who no longer qualifies after a moved date once, by the rejection with the reason in words: the revocation (v2 and v1) adds nothing', async () => {
    const { published, session } = openDay();
    await harness.publish(OpenDayPublishedV2.contract, published);
    const { person, ticket } = await holding(published.openDayId, session.sessionId, { language: 'en' });
    const { ticketId, applicationId, personId, openDayId, sessionId, agencyId } = ticket;
    const revokedAt = new Date().toISOString();
    // Scheduling publishes both; the revocation may well arrive before vetting's rejection.
    await handled(await harness.publish(TicketRevokedV2.contract, { ticketId, applicationId, personId, openDayId, sessionId, agencyId, reason: 'application-rejected', revokedAt }));
    await harness.publish(TicketRevokedV1.contract, { ticketId, applicationId, personId, openDayId, sessionId, agencyId, reason: 'revoked-by-staff', revokedAt });
    await harness.publish(ApplicationRejectedV2.contract, rejectionOf({ applicationId, personId, openDayId, sessionId }, 'age-above-maximum'));
    await harness.settled('rejected', personId, 3);
    for (const text of await texts(person, 'rejected', 'not selected')) expect(text).toContain('above the maximum age on the day');
    expect(await count('ticket-revoked', personId)).toBe(0);
    expect(await harness.rows(`SELECT 1 FROM notification_reminders WHERE ticket_id = $1`, [ticketId])).toHaveLength(0);
  }, 120_000);

  it('tells holders of a removed session once (vetting’s session-cancelled rejection adds nothing), and the waiting list of it in words', async () => {
    const { published, session, change } = openDay();
    await harness.publish(OpenDayPublishedV2.contract, published);
    const { person: holder, ticket } = await holding(published.openDayId, session.sessionId);
    const waiter = await waiting(published.openDayId, session.sessionId, { language: 'en' });
    const afternoon = { sessionId: randomUUID(), date: '2026-11-29', startsAt: '14:00', endsAt: '16:30', capacity: 10 };
    await harness.publish(OpenDayChangedV2.contract, change({ changedFields: ['sessions'], sessions: [afternoon], removedSessionIds: [session.sessionId], reason: '上午场取消' }));
    await harness.settled('open-day-cancelled', holder.personId, 3);

    const rejection = (person: TestPerson) =>
      rejectionOf({ applicationId: person.applicationId, personId: person.personId, openDayId: published.openDayId, sessionId: ticket.sessionId }, 'session-cancelled');
    await handled(await harness.publish(ApplicationRejectedV2.contract, rejection(holder)));
    await harness.publish(ApplicationRejectedV2.contract, rejection(waiter));
    await harness.settled('rejected', waiter.personId, 3);
    expect(await count('rejected', holder.personId)).toBe(0);
    expect(await count('open-day-changed', waiter.personId)).toBe(0);
    for (const text of await texts(waiter, 'rejected', 'not selected')) expect(text).toContain('the organisers cancelled the session you applied for');
  }, 120_000);

  it.each<[PromotionCauseV2, 'zh-CN' | 'en', 'selection first' | 'ticket first', string]>([
    ['ticket-revoked', 'zh-CN', 'ticket first', '因主办单位收回了一位入选者的入场凭证，您已从候补名单递补入选'],
    ['capacity-raised', 'en', 'selection first', 'A place became free (the organisers added places): you have moved up'],
    ['capacity-raised', 'zh-CN', 'ticket first', '因主办单位增加了名额，您已从候补名单递补入选'],
    ['no-longer-eligible', 'en', 'ticket first', 'A place became free (a selected person no longer qualifies after a change to the open day)'],
    ['withdrawal', 'zh-CN', 'selection first', '因有入选者退出，您已从候补名单递补入选'],
  ])('tells someone moved up after %s (%s, %s) why, in one message on each channel', async (cause, language, order, words) => {
    const { published, session } = openDay();
    await harness.publish(OpenDayPublishedV2.contract, published);
    const person = await known(published.openDayId, { language });
    // v1 names no promotion for a raised capacity or a holder no longer eligible, so scheduling's ticket says "not promoted".
    const ticket = ticketOf(person, published.openDayId, { sessionId: session.sessionId, promoted: cause === 'withdrawal' || cause === 'ticket-revoked' });
    const selection = selectionOf(ticket, { cause, fromWaitlistPosition: 1 });
    const publishTicket = () => harness.publish(TicketIssuedV2.contract, ticket);
    const publishSelection = () => harness.publish(ApplicationSelectedV2.contract, selection);
    let ticketEvent: CloudEvent<TicketIssuedV2>;
    let selectionEvent: CloudEvent<ApplicationSelectedV2>;
    if (order === 'ticket first') {
      ticketEvent = await publishTicket();
      await handled(ticketEvent);
      selectionEvent = await publishSelection();
    } else {
      selectionEvent = await publishSelection();
      await handled(selectionEvent);
      ticketEvent = await publishTicket();
    }
    // Both delivered again: still one message.
    await republish(harness.js, harness.namespace, ApplicationSelectedV2.contract, selectionEvent);
    await republish(harness.js, harness.namespace, TicketIssuedV2.contract, ticketEvent);

    await harness.settled('promoted', person.personId, 3);
    for (const text of await texts(person, 'promoted', ticket.checkInCode)) expect(text).toContain(words);
    expect(await count('promoted', person.personId)).toBe(1);
    expect(await count('selected', person.personId)).toBe(0);
  }, 120_000);
});
