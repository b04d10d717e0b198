import { randomUUID } from 'node:crypto';
import { OpenDayPublishedV2, TicketIssuedV1, type OpenDayReport, type StatisticsView } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { SelectionHarness } from './selection-harness';

/**
 * Next year on the clock: the open days lie ahead whatever day the suite runs (one already over
 * would be ended by scheduling, with its own figures, while the test reads).
 */
const YEAR = new Date().getUTCFullYear() + 1;

/**
 * The statistics boards over HTTP, every deployable its own process: an open day of the water
 * bureau in September next year (a ticket issued, an opinion recorded by staff) and one of Gulou
 * district in November, counted per open day, per agency by month, city-wide by month and by
 * agency, and the open days behind a bar, each for the roles that may see it.
 */
describe('statistics boards: by month and by agency, and the open days behind a bar', () => {
  const harness = new SelectionHarness();
  const call = harness.call.bind(harness);
  const water = { openDayId: randomUUID(), sessionId: randomUUID() };
  const gulou = { openDayId: randomUUID(), sessionId: randomUUID() };
  const token: Record<string, string> = {};

  async function json<T>(response: Response, status = 200): Promise<T> {
    const text = await response.text();
    expect({ status: response.status, text }).toMatchObject({ status });
    return JSON.parse(text) as T;
  }

  beforeAll(async () => {
    await harness.start();
    for (const user of ['water-staff', 'water-admin', 'water-reviewer', 'gulou-staff', 'city-office']) token[user] = await harness.staffSignIn(user);
    for (const [openDay, agencyId, title, date] of [
      [water, 'water-affairs-bureau', '走进自来水厂', `${YEAR}-09-24`],
      [gulou, 'gulou-district', '鼓楼区政务服务中心开放日', `${YEAR}-11-20`],
    ] as const) {
      await harness.publish({
        ...OpenDayPublishedV2.contract.definition.example,
        openDayId: openDay.openDayId,
        agencyId,
        title,
        sessions: [{ sessionId: openDay.sessionId, date, startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
      });
    }
    const ticket: TicketIssuedV1 = {
      ...TicketIssuedV1.contract.definition.example,
      ticketId: randomUUID(),
      applicationId: randomUUID(),
      personId: randomUUID(),
      openDayId: water.openDayId,
      sessionId: water.sessionId,
      agencyId: 'water-affairs-bureau',
      applicantUserId: randomUUID(),
      date: `${YEAR}-09-24`,
      startsAtInstant: `${YEAR}-09-24T01:00:00.000Z`,
    };
    const event = TicketIssuedV1.contract.create(ticket, { subject: ticket.ticketId });
    await harness.platform.js.publish(TicketIssuedV1.contract.subjectIn(harness.platform.namespace), JSON.stringify(event), { msgID: event.id });
    await waitFor(
      async () =>
        (await call('POST', `/api/v1/open-days/${water.openDayId}/feedback/recorded`, { text: '座谈会：建议公布水质检测结果', topic: 'transparency' }, token['water-staff'])).status === 201,
      { what: 'feedback to learn of the open day', timeoutMs: 30_000 },
    );
    await waitFor(
      async () => {
        const view = await json<StatisticsView>(await call('GET', `/api/v1/statistics/city?year=${YEAR}`, undefined, token['city-office']));
        return view.openDays === 2 && view.participation.ticketsIssued === 1;
      },
      { what: 'both open days and the ticket counted', timeoutMs: 30_000 },
    );
  }, 180_000);
  afterAll(async () => {
    await harness.stop();
  }, 60_000);

  it('gives one open day’s board to its agency and the city office', async () => {
    const view = await json<StatisticsView>(await call('GET', `/api/v1/statistics/open-days/${water.openDayId}`, undefined, token['water-staff']));
    expect(view).toMatchObject({
      scope: 'open-day',
      agencyId: 'water-affairs-bureau',
      openDay: { title: '走进自来水厂', firstDate: `${YEAR}-09-24`, ended: false },
      participation: { ticketsIssued: 1, checkedIn: 0, noShows: 0, ended: 0 },
      figures: { collected: 1, answered: 0 },
    });
    expect((await call('GET', `/api/v1/statistics/open-days/${water.openDayId}`, undefined, token['city-office'])).status).toBe(200);
    expect((await call('GET', `/api/v1/statistics/open-days/${water.openDayId}`, undefined, token['gulou-staff'])).status).toBe(404);
  });

  it('counts an agency’s year month by month, for its own staff', async () => {
    const view = await json<StatisticsView>(await call('GET', `/api/v1/statistics/agencies/water-affairs-bureau?year=${YEAR}`, undefined, token['water-admin']));
    expect(view).toMatchObject({ scope: 'agency', agencyId: 'water-affairs-bureau', year: YEAR, openDays: 1 });
    expect(view.byMonth.map((g) => g.key)).toEqual(Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`));
    expect(view.byMonth.find((g) => g.key === `${YEAR}-09`)).toMatchObject({ openDays: 1, participation: { ticketsIssued: 1 }, figures: { collected: 1 } });
    expect((await json<StatisticsView>(await call('GET', `/api/v1/statistics/agencies/water-affairs-bureau?year=${YEAR + 1}`, undefined, token['water-staff']))).openDays).toBe(0);
    expect((await call('GET', '/api/v1/statistics/agencies/water-affairs-bureau', undefined, token['gulou-staff'])).status).toBe(404);
    const wrong = await json<{ errors: Array<{ field: string }> }>(await call('GET', '/api/v1/statistics/agencies/water-affairs-bureau?year=26', undefined, token['water-staff']), 400);
    expect(wrong.errors).toEqual([expect.objectContaining({ field: 'year' })]);
  });

  it('counts the city by month and by agency, for the city office only', async () => {
    const view = await json<StatisticsView>(await call('GET', `/api/v1/statistics/city?year=${YEAR}`, undefined, token['city-office']));
    expect(view).toMatchObject({ scope: 'city', year: YEAR, openDays: 2, figures: { collected: 1 } });
    expect(view.byAgency.map((g) => [g.key, g.openDays, g.figures.collected])).toEqual([
      ['gulou-district', 1, 0],
      ['water-affairs-bureau', 1, 1],
    ]);
    expect(view.byMonth.filter((g) => g.openDays > 0).map((g) => g.key)).toEqual([`${YEAR}-09`, `${YEAR}-11`]);
    expect((await call('GET', '/api/v1/statistics/city', undefined, token['water-admin'])).status).toBe(403);
  });

  it('lists the open days behind a bar: an agency its own, the city office any', async () => {
    const own = await json<OpenDayReport>(await call('GET', `/api/v1/statistics/open-days?agencyId=water-affairs-bureau&month=${YEAR}-09`, undefined, token['water-staff']));
    expect(own.rows).toEqual([expect.objectContaining({ openDayId: water.openDayId, title: '走进自来水厂', ticketsIssued: 1, collected: 1, noShows: null })]);
    const november = await json<OpenDayReport>(await call('GET', `/api/v1/statistics/open-days?month=${YEAR}-11`, undefined, token['city-office']));
    expect(november.rows.map((r) => r.openDayId)).toEqual([gulou.openDayId]);
    const gulouYear = await json<OpenDayReport>(await call('GET', `/api/v1/statistics/open-days?agencyId=gulou-district&year=${YEAR}`, undefined, token['city-office']));
    expect(gulouYear.rows.map((r) => r.openDayId)).toEqual([gulou.openDayId]);
    expect((await call('GET', '/api/v1/statistics/open-days?agencyId=water-affairs-bureau', undefined, token['gulou-staff'])).status).toBe(404);
    expect((await call('GET', '/api/v1/statistics/open-days', undefined, token['water-staff'])).status).toBe(404);
    expect((await call('GET', '/api/v1/statistics/open-days?agencyId=water-affairs-bureau', undefined, token['water-reviewer'])).status).toBe(403);
    expect((await call('GET', `/api/v1/statistics/open-days?year=${YEAR}-01`, undefined, token['city-office'])).status).toBe(400);
  });
});
