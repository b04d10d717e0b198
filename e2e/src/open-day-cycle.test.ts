import ExcelJS from 'exceljs';
import type { FeedbackItemView, InboxMessageView, OpenDayReportRow, StatisticsView, TicketPage } from '@openday/contracts';
import { addDays, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { claimsOf, type CycleStaff, expectJson, NotificationHarness, testResidentId, waitFor } from '@openday/testing';

/**
 * The whole cycle of one open day over HTTP, every deployable its own process, on the real
 * PostgreSQL, NATS, an SMTP server and an HTTP SMS provider (both in this process): a plan is
 * filed and approved, published; two citizens sign in with the code texted to them and apply;
 * first-come selection gives both a ticket; the day before they are reminded; on the day one is
 * checked in (after a refused wrong real-name check) and the other becomes a no-show; the
 * representative's opinion is assigned to a department, answered, the answer reaches them on
 * every channel and they rate it; the agency files its summary and the city office exports the
 * city-wide table. Every message the first citizen receives is checked on every channel.
 *
 * Clocks: registration and vetting run on the real clock (the window is open now); the event is
 * two weeks ahead. Notification is restarted on the evening before the day (its reminder falls
 * due), scheduling on the day a minute before the session ends (check-in, then no-shows), and
 * feedback runs on the day from the start.
 */
const TODAY = toCalendarDate(shanghaiDateOf(new Date()));
const EVENT_DATE = addDays(TODAY, 14);
const TITLE = '走进自来水厂：从源头到龙头';
const ASSEMBLY_POINT = '市民中心北门';
const VENUE = '第一水厂';

interface Citizen {
  name: string;
  mobile: string;
  idNumber: string;
  email: string;
  language: 'zh-CN' | 'en';
  token: string;
  userId: string;
}

const residentId = (birth: string, serial: string) => testResidentId(birth, serial, '350102');

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function englishDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[month - 1]} ${year}`;
}

function planBody(publishAt: string, closesAt: string) {
  return {
    title: TITLE,
    theme: '了解城市供水全过程，座谈水价与水质',
    forms: ['site-visit', 'forum'],
    sessions: [
      {
        date: EVENT_DATE,
        startsAt: '09:00',
        endsAt: '09:10',
        capacity: 5,
        agenda: [{ startsAt: '09:00', endsAt: '09:10', activity: '参观水厂中控室', venue: VENUE }],
      },
    ],
    venues: [
      { name: VENUE, address: '滨江路 1 号' },
      { name: '水质监测中心', address: '滨江路 9 号' },
    ],
    assemblyPoint: ASSEMBLY_POINT,
    transport: '统一乘坐大巴',
    quotas: [{ category: 'ordinary-citizen', places: 5 }],
    minOrdinaryShare: 0.34,
    mediaOutsideQuota: true,
    eligibility: { minAge: 18, maxAge: null, districts: ['gulou'] },
    registrationOpensAt: publishAt,
    registrationClosesAt: closesAt,
    selectionMode: 'first-come',
    coSigningDepartments: [],
    notices: ['请携带本人身份证原件'],
    publishAt,
  };
}

describe('the whole cycle of one open day, from plan to a rated answer', () => {
  const harness = new NotificationHarness();
  const { sms, smtp } = harness;
  const call = harness.call.bind(harness);
  let staff: CycleStaff;

  beforeAll(async () => {
    staff = await harness.startWholeCycle(EVENT_DATE);
  }, 180_000);
  afterAll(() => harness.stop(), 60_000);

  const json = expectJson;

  function smsTo(mobile: string, pattern: RegExp): Promise<string> {
    return waitFor(() => sms.messages(mobile).find((m) => pattern.test(m.text))?.text, { timeoutMs: 30_000, what: `an SMS to ${mobile} matching ${pattern}` });
  }

  function mailTo(address: string, pattern: RegExp): Promise<{ subject: string; text: string }> {
    return waitFor(() => smtp.messages(address).find((m) => pattern.test(m.text)), { timeoutMs: 30_000, what: `an e-mail to ${address} matching ${pattern}` });
  }

  function inboxOf(citizen: Citizen, template: string): Promise<InboxMessageView> {
    return waitFor(
      async () => {
        const page = await json<{ items: InboxMessageView[] }>(await call('GET', '/api/v1/my/inbox?limit=50', undefined, citizen.token));
        return page.items.find((m) => m.template === template);
      },
      { timeoutMs: 30_000, what: `the ${template} message in the in-app inbox` },
    );
  }

  async function signIn(person: Omit<Citizen, 'token' | 'userId'>): Promise<Citizen> {
    const token = await harness.citizenSignIn(person.mobile);
    return { ...person, token, userId: claimsOf(token).sub };
  }

  async function restart(service: 'scheduling' | 'notification', variable: string, instant: string): Promise<void> {
    const process = harness.platform.service(service);
    await process.stop();
    process.options.env.NODE_ENV = 'test';
    process.options.env[variable] = instant;
    await process.start({ readyTimeoutMs: 45_000 });
  }

  it('runs from plan to a rated answer, telling the citizen at every step on every channel', async () => {
    // 1. Plan, filing, publication.
    const publishAt = new Date(Date.now() + 2_000).toISOString();
    const closesAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const plan = await json<{ id: string }>(await call('POST', '/api/v1/plans', planBody(publishAt, closesAt), staff.water), 201);
    await json(await call('POST', `/api/v1/plans/${plan.id}/submit`, undefined, staff.water));
    await json(await call('POST', `/api/v1/plans/${plan.id}/approve`, { comments: '同意备案' }, staff.city));
    const published = await waitFor(
      async () => {
        const view = await json<{ status: string; openDayId: string | null; sessions: Array<{ id: string }> }>(await call('GET', `/api/v1/plans/${plan.id}`, undefined, staff.water));
        return view.status === 'published' ? view : undefined;
      },
      { timeoutMs: 20_000, what: 'publication' },
    );
    const openDayId = published.openDayId!;
    const sessionId = published.sessions[0].id;
    await waitFor(async () => (await call('GET', `/api/v1/open-days/${openDayId}`)).status === 200, { what: 'registration’s copy' });

    // 2. Two citizens sign in with the code texted to them, and apply.
    const zhang = await signIn({ name: '张三', mobile: '13700000001', idNumber: residentId('1980-05-17', '123'), email: 'zhangsan@example.cn', language: 'zh-CN' });
    const li = await signIn({ name: 'Li Si', mobile: '13700000002', idNumber: residentId('1991-11-02', '456'), email: 'lisi@example.cn', language: 'en' });
    expect(await smsTo(zhang.mobile, /\b\d{6}\b/)).toMatch(/登录验证码/);
    for (const citizen of [zhang, li]) {
      const { token, userId: _userId, ...applicant } = citizen;
      await json(await call('POST', `/api/v1/open-days/${openDayId}/applications`, { channel: 'self', applicant: { ...applicant, category: 'ordinary-citizen', district: 'gulou', privacyConsent: true } }, token), 201);
    }

    // 3. Received, then selected (first come): the selection message says date, time, place and assembly point itself.
    expect(await smsTo(zhang.mobile, /申请已收到/)).toContain(TITLE);
    await mailTo(zhang.email, /申请已收到/);
    await inboxOf(zhang, 'application-received');

    const selectedSms = await smsTo(zhang.mobile, /恭喜您入选/);
    const selectedMail = await mailTo(zhang.email, /恭喜您入选/);
    const selectedInApp = await inboxOf(zhang, 'selected');
    for (const text of [selectedSms, selectedMail.text, selectedInApp.body]) {
      expect(text).toContain(chineseDate(EVENT_DATE));
      expect(text).toContain('09:00');
      expect(text).toContain(VENUE);
      expect(text).toContain(ASSEMBLY_POINT);
    }
    const englishSelected = await smsTo(li.mobile, /You have been selected/);
    expect(englishSelected).toContain(englishDate(EVENT_DATE));
    expect(englishSelected).toContain(ASSEMBLY_POINT);

    // 4. The ticket, with its check-in code (the one in the message) and QR code.
    const tickets = await waitFor(
      async () => {
        const page = await json<TicketPage>(await call('GET', '/api/v1/my/tickets', undefined, zhang.token));
        return page.items.length ? page.items : undefined;
      },
      { what: 'Zhang’s ticket' },
    );
    const ticket = tickets[0];
    expect(ticket).toMatchObject({ date: EVENT_DATE, startsAt: '09:00', assemblyPoint: ASSEMBLY_POINT, status: 'issued', notices: ['请携带本人身份证原件'] });
    expect(selectedSms).toContain(ticket.checkInCode);
    const qr = await call('GET', `/api/v1/my/tickets/${ticket.ticketId}/qr?format=svg`, undefined, zhang.token);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toContain('<svg');

    // 5. The evening before: the reminder falls due (a timer row that survived the restart).
    await restart('notification', 'NOTIFICATION_TEST_NOW', `${addDays(EVENT_DATE, -1)}T18:00:05+08:00`);
    const reminder = await smsTo(zhang.mobile, /提醒：/);
    expect(reminder).toContain(ASSEMBLY_POINT);
    await mailTo(zhang.email, /提醒：/);
    await inboxOf(zhang, 'reminder');

    // 6. The day, a minute before the end: a wrong real-name check is refused, the right one admits.
    await restart('scheduling', 'SCHEDULING_TEST_NOW', `${EVENT_DATE}T09:09:00+08:00`);
    const wrong = await call('POST', `/api/v1/open-days/${openDayId}/check-ins`, { code: ticket.checkInCode, idLast4: '0000' }, staff.water);
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    await json(await call('POST', `/api/v1/open-days/${openDayId}/check-ins`, { code: ticket.checkInCode, idLast4: zhang.idNumber.slice(-4) }, staff.water));

    // 7. After the end: Li, never checked in, is a no-show on the roster.
    const roster = await waitFor(
      async () => {
        const page = await json<{ items: Array<{ status: string }> }>(await call('GET', `/api/v1/open-days/${openDayId}/sessions/${sessionId}/roster`, undefined, staff.water));
        const statuses = page.items.map((entry) => entry.status).sort();
        return statuses.includes('no-show') ? statuses : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1_000, what: 'no-shows after the session ended' },
    );
    expect(roster).toEqual(['checked-in', 'no-show']);

    // 8. Zhang's opinion and survey; Li (not checked in) may not give feedback.
    const opinion = { text: '建议在水厂增设公众开放的水质实时公示屏，并公开检测报告。', topic: 'transparency' };
    const refused = await call('POST', `/api/v1/open-days/${openDayId}/feedback`, opinion, li.token);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const item = await waitFor(
      async () => {
        const res = await call('POST', `/api/v1/open-days/${openDayId}/feedback`, opinion, zhang.token);
        return res.status === 201 ? ((await res.json()) as FeedbackItemView) : undefined;
      },
      { what: 'feedback learning Zhang was checked in' },
    );
    await json(await call('POST', `/api/v1/open-days/${openDayId}/survey/responses`, { answers: [{ questionId: 'overall', value: 5 }] }, zhang.token), 201);

    // 9. Assigned to the tax bureau (due in 15 working days), answered, told, rated.
    const assigned = await json<FeedbackItemView>(await call('POST', `/api/v1/feedback/${item.id}/assignment`, { departmentId: 'tax-bureau' }, staff.water));
    expect(assigned).toMatchObject({ status: 'assigned', departmentId: 'tax-bureau' });
    expect(assigned.dueDate! > EVENT_DATE).toBe(true);
    const answerText = '已列入明年一季度计划：水厂门口将设置水质公示屏，检测报告每月公开。';
    await waitFor(async () => {
      const page = await json<{ items: FeedbackItemView[] }>(await call('GET', '/api/v1/department/feedback', undefined, staff.handler));
      return page.items.some((i) => i.id === item.id);
    }, { what: 'the item in the department’s list' });
    const answered = await json<FeedbackItemView>(
      await call('POST', `/api/v1/feedback/${item.id}/answer`, { outcome: 'will-be-solved', promisedBy: addDays(EVENT_DATE, 120), answer: answerText }, staff.handler),
    );
    expect(answered.status).toBe('answered');
    for (const text of [await smsTo(zhang.mobile, /已有答复/), (await mailTo(zhang.email, /已有答复/)).text, (await inboxOf(zhang, 'feedback-answered')).body]) {
      expect(text).toContain(answerText);
    }
    await json(await call('POST', `/api/v1/my/feedback/${item.id}/rating`, { rating: 4 }, zhang.token));

    // 10. Figures, the agency's summary, the city-wide table and its exports.
    const stats = await waitFor(
      async () => {
        const view = await json<StatisticsView>(await call('GET', `/api/v1/statistics/open-days/${openDayId}`, undefined, staff.water));
        return view.figures.rating.count === 1 ? view : undefined;
      },
      { what: 'the open day’s figures' },
    );
    expect(stats.figures).toMatchObject({ collected: 1, assigned: 1, answered: 1, solved: 0, overdueNow: 0, satisfaction: { average: 5, count: 1 }, rating: { average: 4, count: 1 } });
    const summary = await waitFor(
      async () => {
        const res = await call('PUT', `/api/v1/open-days/${openDayId}/summary`, { text: '本次开放日共 2 人入选，1 人到场，收集意见 1 条，已交办并答复。' }, staff.waterAdmin);
        return res.status === 200 || res.status === 201 ? ((await res.json()) as { attendance: { checkedIn: number; noShows: number } }) : undefined;
      },
      { what: 'the summary, once the open day has ended' },
    );
    expect(summary.attendance).toMatchObject({ checkedIn: 1, noShows: 1 });

    const report = await json<{ rows: OpenDayReportRow[] }>(await call('GET', '/api/v1/reports/open-days', undefined, staff.city));
    const row = report.rows.find((r) => r.openDayId === openDayId)!;
    expect(row).toMatchObject({ title: TITLE, applications: 2, selected: 2, checkedIn: 1, noShows: 1, collected: 1, answered: 1, summaryFiled: true });
    const csv = await call('GET', '/api/v1/reports/open-days.csv', undefined, staff.city);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain(TITLE);
    const xlsx = await call('GET', '/api/v1/reports/open-days.xlsx', undefined, staff.city);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain(TITLE);

    // Exactly one message per step and channel reached Zhang.
    const selectedTexts = sms.messages(zhang.mobile).filter((m) => /恭喜您入选/.test(m.text));
    expect(selectedTexts).toHaveLength(1);
    expect(smtp.distinctTo(zhang.email).filter((m) => /恭喜您入选/.test(m.text))).toHaveLength(1);
  }, 420_000);
});
