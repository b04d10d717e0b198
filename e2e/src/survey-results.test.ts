import { randomUUID } from 'node:crypto';
import { AttendeeCheckedInV1, OpenDayPublishedV2, TicketIssuedV1, type EventContract, type SurveyResultsView } from '@openday/contracts';
import { PlatformHarness, waitFor } from '@openday/testing';
import { SelectionHarness } from './selection-harness';

/**
 * The survey's results over HTTP: the agency's own questions set, two checked-in representatives
 * answer, and the counts are read by the organising agency and the city office only. The
 * representatives are put on the bus directly (ticket issued, checked in); feedback's clock is
 * on the day of the open day.
 */
const OPEN_DAY_DATE = '2026-09-24';

class FeedbackOnTheDay extends PlatformHarness {
  override start(extra: Parameters<PlatformHarness['start']>[0] = {}): Promise<this> {
    return super.start({ ...extra, feedback: { FEEDBACK_TEST_NOW: '2026-09-24T10:00:00+08:00', LOG_LEVEL: 'warn' } });
  }
}

function userIdOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;
}

describe('survey results: counted answers for the agency of the open day and the city office', () => {
  const harness = new SelectionHarness();
  (harness as { platform: PlatformHarness }).platform = new FeedbackOnTheDay();
  const call = harness.call.bind(harness);
  const openDayId = randomUUID();
  const sessionId = randomUUID();
  const token: Record<string, string> = {};

  async function publishEvent<T>(contract: EventContract<T>, data: T, subject: string): Promise<void> {
    const event = contract.create(data, { subject });
    await harness.platform.js.publish(contract.subjectIn(harness.platform.namespace), JSON.stringify(event), { msgID: event.id });
  }

  async function checkedInRepresentative(mobile: string): Promise<string> {
    const citizen = await harness.citizenSignIn(mobile);
    const ticket: TicketIssuedV1 = {
      ...TicketIssuedV1.contract.definition.example,
      ticketId: randomUUID(),
      applicationId: randomUUID(),
      personId: randomUUID(),
      openDayId,
      sessionId,
      agencyId: 'water-affairs-bureau',
      applicantUserId: userIdOf(citizen),
      title: '走进自来水厂',
      date: OPEN_DAY_DATE,
      startsAtInstant: '2026-09-24T01:00:00.000Z',
    };
    await publishEvent(TicketIssuedV1.contract, ticket, ticket.ticketId);
    const { ticketId, applicationId, personId, agencyId } = ticket;
    await publishEvent(
      AttendeeCheckedInV1.contract,
      { ticketId, applicationId, personId, openDayId, sessionId, agencyId, method: 'code', checkedInAt: '2026-09-24T00:55:00.000Z' },
      ticketId,
    );
    return citizen;
  }

  beforeAll(async () => {
    await harness.start();
    for (const user of ['water-staff', 'water-admin', 'gulou-staff', 'tax-handler', 'city-office']) token[user] = await harness.staffSignIn(user);
    await harness.publish({
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId,
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂',
      sessions: [{ sessionId, date: OPEN_DAY_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
    });
    token.first = await checkedInRepresentative('13912340011');
    token.second = await checkedInRepresentative('13912340012');
  }, 180_000);
  afterAll(async () => {
    await harness.stop();
  }, 60_000);

  const results = (user: string) => call('GET', `/api/v1/open-days/${openDayId}/survey/results`, undefined, token[user]);

  it('counts each option and rating with the means, naming nobody', async () => {
    const questions = [
      { id: 'transport', kind: 'single-choice', prompt: '您是怎么来的？', required: true, options: ['公交', '地铁'] },
      { id: 'liked', kind: 'multiple-choice', prompt: '您喜欢哪些环节？', required: false, options: ['参观', '座谈'] },
      { id: 'say', kind: 'text', prompt: '还有什么想说的？', required: false },
    ];
    await waitFor(async () => (await call('PUT', `/api/v1/open-days/${openDayId}/survey/questions`, { questions }, token['water-staff'])).status === 200, {
      what: 'feedback to learn of the open day',
      timeoutMs: 30_000,
    });
    const answers = (overall: number, transport: string, liked: string[], say?: string) => ({
      answers: [
        { questionId: 'overall', value: overall },
        { questionId: 'transport', value: transport },
        { questionId: 'liked', value: liked },
        ...(say ? [{ questionId: 'say', value: say }] : []),
      ],
    });
    for (const [citizen, body] of [
      ['first', answers(5, '地铁', ['参观', '座谈'], '我是王五，希望多办几次')],
      ['second', answers(4, '地铁', ['座谈'])],
    ] as const) {
      await waitFor(async () => (await call('POST', `/api/v1/open-days/${openDayId}/survey/responses`, body, token[citizen])).status === 201, {
        what: `feedback to learn of the ${citizen} representative’s check-in`,
        timeoutMs: 30_000,
      });
    }

    const response = await results('water-staff');
    expect(response.status).toBe(200);
    const view = (await response.json()) as SurveyResultsView;
    expect(view).toMatchObject({ openDayId, responses: 2 });
    expect(view.questions.map((q) => [q.id, q.answered, q.mean])).toEqual([['overall', 2, 4.5], ['transport', 2, null], ['liked', 2, null], ['say', 1, null]]);
    expect(view.questions[0].ratings).toEqual([1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating >= 4 ? 1 : 0 })));
    expect(view.questions[1].options).toEqual([{ option: '公交', count: 0 }, { option: '地铁', count: 2 }]);
    expect(view.questions[2].options).toEqual([{ option: '参观', count: 1 }, { option: '座谈', count: 2 }]);
    expect(view.questions[3]).toMatchObject({ kind: 'text', options: null, ratings: null });
    expect(JSON.stringify(view)).not.toContain('王五');

    for (const user of ['water-admin', 'city-office']) {
      const other = await results(user);
      expect(other.status).toBe(200);
      expect(await other.json()).toEqual(view);
    }
  });

  it('keeps other agencies out (404), refuses departments and citizens (403), and names a bad id', async () => {
    const otherAgency = await results('gulou-staff');
    expect(otherAgency.status).toBe(404);
    expect(otherAgency.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    for (const user of ['tax-handler', 'first']) expect((await results(user)).status).toBe(403);
    expect((await call('GET', `/api/v1/open-days/${openDayId}/survey/results`)).status).toBe(401);
    const bad = await call('GET', '/api/v1/open-days/not-a-uuid/survey/results', undefined, token['water-staff']);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['id']);
  });
});
