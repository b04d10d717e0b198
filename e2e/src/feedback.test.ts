import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  AttendeeCheckedInV1,
  OpenDayEndedV1,
  OpenDayPublishedV2,
  TicketIssuedV1,
  type CloudEvent,
  type EventContract,
  type FeedbackItemPage,
  type FeedbackItemView,
  type FeedbackOverdueV1,
  type OpenDayReport,
  type OpenDaySummaryView,
  type StatisticsView,
} from '@openday/contracts';
import { PlatformHarness, waitFor } from '@openday/testing';
import { SelectionHarness } from './selection-harness';

/**
 * Feedback and accountability over HTTP, every deployable its own process. Checked-in
 * representatives are put on the bus directly (ticket issued, checked in), for citizens signed
 * in through the real one-time-code flow. Feedback's clock starts on 24 September 2026, the
 * day of the open day, 15 working days before a due date that spans National Day; the service
 * is then restarted with its clock just before the end of that due date, so the overdue timer
 * marks and chases on the working-day calendar.
 */
const OPEN_DAY_DATE = '2026-09-24';
const DAY_OF_EVENT = '2026-09-24T10:00:00+08:00';
const END_OF_DUE_DATE = '2026-10-22T23:59:57+08:00';

/** Feedback's clock is shifted; its timer polls often. */
class FeedbackPlatform extends PlatformHarness {
  override start(extra: Parameters<PlatformHarness['start']>[0] = {}): Promise<this> {
    return super.start({ ...extra, feedback: { FEEDBACK_TEST_NOW: DAY_OF_EVENT, FEEDBACK_TIMER_POLL_MS: '200', LOG_LEVEL: 'warn' } });
  }
}

function userIdOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;
}

describe('feedback: assignment, answer, rating, overdue on the working-day calendar, counts and the city-wide table', () => {
  const harness = new SelectionHarness();
  (harness as { platform: PlatformHarness }).platform = new FeedbackPlatform();
  const call = harness.call.bind(harness);
  const feedbackEvents: CloudEvent[] = [];
  let stopEvents: () => void;

  const openDayId = randomUUID();
  const sessionId = randomUUID();
  let representative: string;
  let absent: string;
  let tickets: TicketIssuedV1[];
  const token: Record<string, string> = {};

  async function publishEvent<T>(contract: EventContract<T>, data: T, subject: string): Promise<void> {
    const event = contract.create(data, { subject });
    await harness.platform.js.publish(contract.subjectIn(harness.platform.namespace), JSON.stringify(event), { msgID: event.id });
  }

  /** Everything feedback publishes, read from its public stream as a subscriber system would. */
  async function collectFeedbackEvents(): Promise<() => void> {
    const { platform } = harness;
    const stream = platform.namespace.eventStream('feedback', 'public');
    await waitFor(() => platform.jsm.streams.info(stream).then(() => true, () => false), { what: 'the feedback stream' });
    const messages = await (await platform.js.consumers.get(stream)).consume();
    void (async () => {
      for await (const message of messages) feedbackEvents.push(message.json<CloudEvent>());
    })();
    return () => void messages.close();
  }

  function ticketFor(userId: string): TicketIssuedV1 {
    return {
      ...TicketIssuedV1.contract.definition.example,
      ticketId: randomUUID(),
      applicationId: randomUUID(),
      personId: randomUUID(),
      openDayId,
      sessionId,
      agencyId: 'water-affairs-bureau',
      applicantUserId: userId,
      title: '走进自来水厂',
      date: OPEN_DAY_DATE,
      startsAtInstant: '2026-09-24T01:00:00.000Z',
    };
  }

  async function json<T>(response: Response, status: number): Promise<T> {
    const text = await response.text();
    expect({ status: response.status, text }).toMatchObject({ status });
    return JSON.parse(text) as T;
  }

  beforeAll(async () => {
    await harness.start();
    stopEvents = await collectFeedbackEvents();
    for (const user of ['water-staff', 'water-admin', 'gulou-staff', 'tax-handler', 'city-office']) token[user] = await harness.staffSignIn(user);
    token.representative = await harness.citizenSignIn('13912340001');
    token.absent = await harness.citizenSignIn('13912340002');
    representative = userIdOf(token.representative);
    absent = userIdOf(token.absent);
    await harness.publish({
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId,
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂',
      sessions: [{ sessionId, date: OPEN_DAY_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
    });
    tickets = [ticketFor(representative), ticketFor(absent)];
    for (const ticket of tickets) await publishEvent(TicketIssuedV1.contract, ticket, ticket.ticketId);
    const { ticketId, applicationId, personId, agencyId } = tickets[0];
    await publishEvent(
      AttendeeCheckedInV1.contract,
      { ticketId, applicationId, personId, openDayId, sessionId, agencyId, method: 'qr', checkedInAt: '2026-09-24T00:50:00.000Z' },
      ticketId,
    );
  }, 180_000);
  afterAll(async () => {
    stopEvents?.();
    await harness.stop();
  }, 60_000);

  const opinion = { text: '建议在水厂门口增设公交站', topic: 'infrastructure', attachment: 'https://files.example/bus-stop.jpg' };
  let item: FeedbackItemView;
  let recorded: FeedbackItemView;

  it('takes an opinion from the checked-in representative only, and refuses bad input naming the field', async () => {
    const bad = await json<{ errors: Array<{ field: string; rule: string }> }>(
      await call('POST', `/api/v1/open-days/${openDayId}/feedback`, { text: '', topic: 'weather', attachment: 'javascript:alert(1)' }, token.representative),
      400,
    );
    expect([...new Set(bad.errors.map((e) => e.field))].sort()).toEqual(['attachment', 'text', 'topic']);
    item = await waitFor(
      async () => {
        const response = await call('POST', `/api/v1/open-days/${openDayId}/feedback`, opinion, token.representative);
        return response.status === 201 ? ((await response.json()) as FeedbackItemView) : undefined;
      },
      { what: 'feedback to learn of the ticket and the check-in', timeoutMs: 30_000 },
    );
    expect(item).toMatchObject({ status: 'collected', source: 'representative', personId: tickets[0].personId, ...opinion });
    await waitFor(async () => (await call('GET', `/api/v1/open-days/${openDayId}/survey`, undefined, token.absent)).status === 200, { what: 'the second ticket' });
    const notThere = await call('POST', `/api/v1/open-days/${openDayId}/feedback`, opinion, token.absent);
    expect(notThere.status).toBe(409);
    expect(notThere.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await call('POST', `/api/v1/open-days/${openDayId}/feedback`, opinion, token['water-staff'])).status).toBe(403);
  });

  it('lets staff record what a representative said, and keeps other agencies out', async () => {
    recorded = await json<FeedbackItemView>(
      await call('POST', `/api/v1/open-days/${openDayId}/feedback/recorded`, { text: '座谈会：希望公开水质检测报告', topic: 'transparency', ticketId: tickets[1].ticketId }, token['water-staff']),
      201,
    );
    expect(recorded).toMatchObject({ source: 'recorded-by-staff', personId: tickets[1].personId });
    const list = await json<FeedbackItemPage>(await call('GET', `/api/v1/open-days/${openDayId}/feedback?status=collected`, undefined, token['water-staff']), 200);
    expect(list.items.map((i) => i.id).sort()).toEqual([item.id, recorded.id].sort());
    expect((await call('GET', `/api/v1/open-days/${openDayId}/feedback`, undefined, token['gulou-staff'])).status).toBe(404);
    expect((await call('POST', `/api/v1/feedback/${item.id}/assignment`, { departmentId: 'tax-bureau' }, token['gulou-staff'])).status).toBe(404);
  });

  it('assigns to a department of the directory, due 15 working days later across National Day', async () => {
    const unknown = await json<{ errors: Array<{ field: string; rule: string }> }>(
      await call('POST', `/api/v1/feedback/${item.id}/assignment`, { departmentId: 'no-such-bureau' }, token['water-staff']),
      422,
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'departmentId', rule: 'knownAgency' })]);
    const assigned = await json<FeedbackItemView>(await call('POST', `/api/v1/feedback/${item.id}/assignment`, { departmentId: 'tax-bureau' }, token['water-staff']), 200);
    expect(assigned).toMatchObject({ status: 'assigned', departmentId: 'tax-bureau', dueDate: '2026-10-22', overdue: false });
    // Due on Mid-autumn day: by 22 October it is 15 working days late (1-7 October do not count, 10 October does).
    await json(await call('POST', `/api/v1/feedback/${recorded.id}/assignment`, { departmentId: 'tax-bureau', dueDate: '2026-09-25' }, token['water-admin']), 200);
    const mine = await json<FeedbackItemPage>(await call('GET', '/api/v1/department/feedback', undefined, token['tax-handler']), 200);
    expect(mine.items.map((i) => i.id).sort()).toEqual([item.id, recorded.id].sort());
  });

  it('marks items overdue after the end of their due date and chases the department', async () => {
    const feedback = harness.platform.service('feedback');
    await feedback.stop();
    feedback.options.env.FEEDBACK_TEST_NOW = END_OF_DUE_DATE;
    await feedback.start({ readyTimeoutMs: 45_000 });

    const chased = (id: string) =>
      feedbackEvents.filter((e) => e.type === 'gov.openday.feedback.feedback-overdue.v1' && (e.data as FeedbackOverdueV1).feedbackId === id).map((e) => e.data as FeedbackOverdueV1);
    await waitFor(() => chased(recorded.id).length > 0 && chased(item.id).length > 0, { what: 'both items chased', timeoutMs: 60_000 });
    expect(chased(recorded.id)[0]).toMatchObject({ dueDate: '2026-09-25', workingDaysOverdue: 15, chaseNumber: 1, departmentId: 'tax-bureau' });
    expect(chased(item.id)[0]).toMatchObject({ dueDate: '2026-10-22', workingDaysOverdue: 1, chaseNumber: 1 });
    expect(chased(item.id)[0].chasedAt >= '2026-10-22T16:00:00.000Z').toBe(true);
    const overdue = await json<FeedbackItemPage>(await call('GET', '/api/v1/department/feedback?overdue=true', undefined, token['tax-handler']), 200);
    expect(overdue.items.map((i) => i.id).sort()).toEqual([item.id, recorded.id].sort());
    expect(overdue.items.every((i) => i.overdue && i.everOverdue && i.chaseCount === 1)).toBe(true);
  });

  it('takes the department’s answer (late), shows it to the representative, who rates it once', async () => {
    const missing = await json<{ errors: Array<{ field: string }> }>(
      await call('POST', `/api/v1/feedback/${item.id}/answer`, { outcome: 'will-be-solved', answer: '明年建成' }, token['tax-handler']),
      400,
    );
    expect(new Set(missing.errors.map((e) => e.field))).toEqual(new Set(['promisedBy']));
    expect((await call('POST', `/api/v1/feedback/${item.id}/answer`, { outcome: 'solved', answer: 'x' }, token['water-staff'])).status).toBe(403);
    const answered = await json<FeedbackItemView>(
      await call('POST', `/api/v1/feedback/${item.id}/answer`, { outcome: 'solved', answer: '公交公司已在水厂门口增设站点。' }, token['tax-handler']),
      200,
    );
    expect(answered).toMatchObject({ status: 'answered', overdue: false, answer: { outcome: 'solved', late: true } });
    expect((await call('POST', `/api/v1/feedback/${item.id}/answer`, { outcome: 'solved', answer: 'again' }, token['tax-handler'])).status).toBe(409);

    const mine = await json<FeedbackItemPage>(await call('GET', '/api/v1/my/feedback', undefined, token.representative), 200);
    expect(mine.items).toEqual([expect.objectContaining({ id: item.id, answer: expect.objectContaining({ answer: '公交公司已在水厂门口增设站点。' }) })]);
    expect((await call('POST', `/api/v1/my/feedback/${item.id}/rating`, { rating: 6 }, token.representative)).status).toBe(400);
    expect((await call('POST', `/api/v1/my/feedback/${item.id}/rating`, { rating: 5 }, token.absent)).status).toBe(404);
    expect(await json<FeedbackItemView>(await call('POST', `/api/v1/my/feedback/${item.id}/rating`, { rating: 5 }, token.representative), 200)).toMatchObject({ rating: 5 });
    expect((await call('POST', `/api/v1/my/feedback/${item.id}/rating`, { rating: 4 }, token.representative)).status).toBe(409);
    await waitFor(() => feedbackEvents.some((e) => e.type === 'gov.openday.feedback.feedback-rated.v1'), { what: 'the rating event' });
  });

  it('counts per open day, agency and city, with the survey’s satisfaction', async () => {
    const wrong = await json<{ errors: Array<{ field: string; rule: string }> }>(
      await call('POST', `/api/v1/open-days/${openDayId}/survey/responses`, { answers: [{ questionId: 'overall', value: 9 }] }, token.representative),
      400,
    );
    expect(wrong.errors).toEqual([expect.objectContaining({ field: 'answers.overall', rule: 'rating' })]);
    await json(await call('POST', `/api/v1/open-days/${openDayId}/survey/responses`, { answers: [{ questionId: 'overall', value: 4 }] }, token.representative), 201);
    expect((await call('PUT', `/api/v1/open-days/${openDayId}/survey/questions`, { questions: [] }, token['water-admin'])).status).toBe(409);

    const expected = {
      collected: 2, assigned: 2, answered: 1, solved: 1, overdueNow: 1, overdueEver: 2, answeredLate: 1,
      satisfaction: { average: 4, count: 1 }, rating: { average: 5, count: 1 },
    };
    const openDay = await json<StatisticsView>(await call('GET', `/api/v1/statistics/open-days/${openDayId}`, undefined, token['water-staff']), 200);
    expect(openDay.figures).toEqual(expected);
    const agency = await json<StatisticsView>(await call('GET', '/api/v1/statistics/agencies/water-affairs-bureau', undefined, token['water-admin']), 200);
    expect(agency.figures).toEqual(expected);
    expect((await call('GET', '/api/v1/statistics/agencies/water-affairs-bureau', undefined, token['gulou-staff'])).status).toBe(404);
    const city = await json<StatisticsView>(await call('GET', '/api/v1/statistics/city', undefined, token['city-office']), 200);
    expect(city.figures).toEqual(expected);
  });

  it('files the summary once the day ended, and exports the city-wide table as CSV and XLSX', async () => {
    await publishEvent(
      OpenDayEndedV1.contract,
      {
        openDayId, agencyId: 'water-affairs-bureau', title: '走进自来水厂', firstDate: OPEN_DAY_DATE, lastDate: OPEN_DAY_DATE,
        attendance: { ticketsIssued: 2, ticketsRevoked: 0, checkedIn: 1, noShows: 1 }, endedAt: '2026-09-24T03:45:00.000Z',
      },
      openDayId,
    );
    const summary = await waitFor(
      async () => {
        const response = await call('PUT', `/api/v1/open-days/${openDayId}/summary`, { text: '活动顺利，收集意见 2 条。' }, token['water-admin']);
        return response.status === 200 ? ((await response.json()) as OpenDaySummaryView) : undefined;
      },
      { what: 'the open day to end', timeoutMs: 30_000 },
    );
    expect(summary).toMatchObject({ revision: 1, figures: { collected: 2, solved: 1 }, attendance: { checkedIn: 1, noShows: 1, final: true } });

    const report = await json<OpenDayReport>(await call('GET', '/api/v1/reports/open-days?month=2026-09&agencyId=water-affairs-bureau', undefined, token['city-office']), 200);
    expect(report.rows).toEqual([
      expect.objectContaining({ openDayId, title: '走进自来水厂', ticketsIssued: 2, checkedIn: 1, noShows: 1, collected: 2, answered: 1, solved: 1, overdueNow: 1, satisfaction: 4, rating: 5, summaryFiled: true }),
    ]);
    expect((await call('GET', '/api/v1/reports/open-days?month=2026-13', undefined, token['city-office'])).status).toBe(400);
    expect((await call('GET', '/api/v1/reports/open-days', undefined, token['water-admin'])).status).toBe(403);

    const csv = await call('GET', '/api/v1/reports/open-days.csv?month=2026-09', undefined, token['city-office']);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="open-days-2026-09.csv"');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\n').map((line) => line.split(','));
    expect(lines[0].slice(0, 3)).toEqual(['Open day 开放日', 'Agency 主办单位', 'First date 首场日期']);
    const row = Object.fromEntries(lines[0].map((header, i) => [header, lines[1][i]]));
    expect(row).toMatchObject({ 'Open day 开放日': '走进自来水厂', 'Checked in 签到': '1', 'Collected 收集意见': '2', 'Overdue 逾期': '1', 'Summary filed 已报总结': 'yes' });

    const xlsx = await call('GET', '/api/v1/reports/open-days.xlsx?month=2026-09', undefined, token['city-office']);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="open-days-2026-09.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Open days')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Open day 开放日');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(2);
    const cell = (header: string) => {
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      return sheet.getRow(2).getCell(headers.indexOf(header) + 1);
    };
    expect(cell('Satisfaction 满意度 (1-5)').value).toBe(4);
    expect(cell('Satisfaction 满意度 (1-5)').numFmt).toBe('0.00');
    expect(cell('Collected 收集意见').value).toBe(2);
    expect((cell('First date 首场日期').value as Date).toISOString()).toBe('2026-09-24T00:00:00.000Z');
  });

  it('counts due dates on the calendar the city office keeps: 2027, added through the API, reaches feedback', async () => {
    const feedback = harness.platform.service('feedback');
    await feedback.stop();
    feedback.options.env.FEEDBACK_TEST_NOW = '2026-12-28T10:00:00+08:00';
    await feedback.start({ readyTimeoutMs: 45_000 });
    const late = await json<FeedbackItemView>(
      await call('POST', `/api/v1/open-days/${openDayId}/feedback/recorded`, { text: '座谈会：建议延长周末开放时间', topic: 'public-service' }, token['water-staff']),
      201,
    );
    const uncovered = await json<{ errors: Array<{ field: string; rule: string }> }>(
      await call('POST', `/api/v1/feedback/${late.id}/assignment`, { departmentId: 'tax-bureau' }, token['water-staff']),
      422,
    );
    expect(uncovered.errors).toEqual([expect.objectContaining({ field: 'dueDate', rule: 'calendarCovers' })]);

    const change = { coveredYears: [2027], holidays: ['2027-01-01'], note: '国务院办公厅关于2027年部分节假日安排的通知' };
    expect((await call('POST', '/api/v1/working-calendar/changes', change, token['city-office'])).status).toBe(200);
    // Scheduling announces the calendar; feedback's copy (read at most seconds old) then covers 2027, New Year's Day off.
    const assigned = await waitFor(
      async () => {
        const res = await call('POST', `/api/v1/feedback/${late.id}/assignment`, { departmentId: 'tax-bureau' }, token['water-staff']);
        return res.status === 200 ? ((await res.json()) as FeedbackItemView) : undefined;
      },
      { what: 'feedback following the calendar change', timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(assigned.dueDate).toBe('2027-01-19');
  });
});
