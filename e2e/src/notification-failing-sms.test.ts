import { randomUUID } from 'node:crypto';
import { ApplicationSelectedV2, ContactDetailsRecordedV1, TicketIssuedV2, type DeliveryPage, type DeliveryView } from '@openday/contracts';
import { contactOf, NotificationHarness, selectionOf, testPerson, ticketOf, waitFor } from '@openday/testing';

/** The SMS provider answers 500: retries with back-off, then failed with the reason; e-mail and in-app still deliver. */
describe('notification with a failing SMS provider', () => {
  const harness = new NotificationHarness();
  let cityOffice: string;

  beforeAll(async () => {
    harness.sms.fail = true;
    await harness.start({ DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_RETRY_BASE_MS: '200' });
    cityOffice = await harness.staffSignIn('city-office');
  }, 180_000);
  afterAll(() => harness.stop(), 60_000);

  async function log(query: string, token = cityOffice): Promise<DeliveryView[]> {
    const res = await harness.call('GET', `/api/v1/notifications/deliveries?template=selected&${query}`, undefined, token);
    expect(res.status).toBe(200);
    return ((await res.json()) as DeliveryPage).items;
  }

  it('retries, then records the failure with the provider’s answer, while the other channels deliver', async () => {
    const person = testPerson();
    const openDayId = randomUUID();
    await harness.publish(ContactDetailsRecordedV1.contract, contactOf(person, openDayId));
    // The selection message goes out once both scheduling's ticket and vetting's selection are in.
    const ticket = ticketOf(person, openDayId);
    await harness.publish(TicketIssuedV2.contract, ticket);
    await harness.publish(ApplicationSelectedV2.contract, selectionOf(ticket));

    const [sms] = await waitFor(async () => {
      const items = await log('channel=sms&status=failed');
      return items.length === 1 && items;
    }, { timeoutMs: 60_000, intervalMs: 200, what: 'the SMS delivery to fail' });
    expect(sms).toMatchObject({ recipientKind: 'person', recipientId: person.personId, status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(sms.lastAnswer).toMatch(/^SMS provider answered 500 Internal Server Error/);
    expect(sms.address).toBe(`${person.mobile.slice(0, 3)}****${person.mobile.slice(-4)}`);
    expect(harness.sms.messages(person.mobile)).toHaveLength(0);

    const [email] = await log('channel=email&status=sent');
    expect(email).toMatchObject({ recipientId: person.personId, attempts: 1 });
    expect(email.address).toMatch(/^p\*\*\*@example\.cn$/);
    const [inApp] = await log('channel=in-app&status=sent');
    expect(inApp).toMatchObject({ recipientId: person.personId, attempts: 1, address: person.applicantUserId });
    await waitFor(() => harness.smtp.distinctTo(person.email!).length === 1, { what: 'the e-mail' });
    expect(harness.smtp.distinctTo(person.email!)[0].text).toContain('集合地点：市民中心北门');
  }, 120_000);

  it('shows the delivery log only to the city office, and refuses bad filters', async () => {
    const staff = await harness.staffSignIn('water-staff');
    const forbidden = await harness.call('GET', '/api/v1/notifications/deliveries', undefined, staff);
    expect(forbidden.status).toBe(403);
    const bad = await harness.call('GET', '/api/v1/notifications/deliveries?channel=pigeon', undefined, cityOffice);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await bad.json())).toContain('channel');
  });
});
