import { Client } from 'pg';
import type { ApplicationView, FeedbackItemView, StatisticsView, TicketPage } from '@openday/contracts';
import { addDays, maskResidentId, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { type CycleStaff, DEMO_ACCOUNTS, expectJson, NotificationHarness, type ServiceName, testApplicant, testResidentId, waitFor } from '@openday/testing';

/**
 * After a whole cycle with distinctive personal values (apply, select, ticket, reminder, check-in,
 * messages on SMS, e-mail and in-app, opinion, survey, answer, rating), every row of every table
 * of every service's database, each cast to text, holds none of them in the clear: not the name,
 * not the resident ID (upper- or lower-case check character, or its first 17 digits), not the
 * mobile (bare or +86), not the e-mail address, nor a staff member's name. Masked forms
 * (司*霁, 350102********506X) may stay.
 */
const TODAY = toCalendarDate(shanghaiDateOf(new Date()));
const EVENT_DATE = addDays(TODAY, 14);

const PERSON = {
  name: '司徒雪霁',
  // Born 1988-07-19, serial 506: the check character is X, so the lower-case form is a form too.
  idNumber: testResidentId('1988-07-19', '506', '350102'),
  mobile: '13798765432',
  email: 'situ.xueji.7e2f@example.cn',
};

function forbiddenForms(): Array<{ label: string; value: string }> {
  return [
    { label: 'name', value: PERSON.name },
    { label: 'ID number', value: PERSON.idNumber },
    { label: 'ID number (lower case)', value: PERSON.idNumber.toLowerCase() },
    { label: 'ID number (first 17)', value: PERSON.idNumber.slice(0, 17) },
    { label: 'mobile', value: PERSON.mobile },
    { label: 'mobile (+86)', value: `+86${PERSON.mobile}` },
    { label: 'e-mail', value: PERSON.email },
    // Staff names are personal data too (the demo city's accounts, seeded by the harness).
    ...DEMO_ACCOUNTS.map((account) => ({ label: `staff name of ${account.username}`, value: account.displayName })),
  ];
}

interface Finding {
  database: string;
  table: string;
  form: string;
}

/** Every table of the database's public schema, each row as text, searched for every form. */
async function findValuesIn(databaseName: string, url: string, forms: Array<{ label: string; value: string }>): Promise<Finding[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const findings: Finding[] = [];
    for (const { table_name: table } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
      for (const form of forms) {
        if (rows.some((r) => r.row.toLowerCase().includes(form.value.toLowerCase()))) findings.push({ database: databaseName, table, form: form.label });
      }
    }
    return findings;
  } finally {
    await client.end();
  }
}

describe('personal data at rest after a whole cycle', () => {
  const harness = new NotificationHarness();
  const call = harness.call.bind(harness);
  let staff: CycleStaff;

  beforeAll(async () => {
    staff = await harness.startWholeCycle(EVENT_DATE);
  }, 180_000);
  afterAll(() => harness.stop(), 60_000);

  const json = expectJson;

  const sms = (pattern: RegExp) =>
    waitFor(() => harness.sms.messages(PERSON.mobile).find((m) => pattern.test(m.text))?.text, { timeoutMs: 30_000, what: `an SMS matching ${pattern}` });
  const mail = (pattern: RegExp) =>
    waitFor(() => harness.smtp.messages(PERSON.email).find((m) => pattern.test(m.text)), { timeoutMs: 30_000, what: `an e-mail matching ${pattern}` });

  async function restart(service: ServiceName, variable: string, instant: string): Promise<void> {
    const process = harness.platform.service(service);
    await process.stop();
    process.options.env.NODE_ENV = 'test';
    process.options.env[variable] = instant;
    await process.start({ readyTimeoutMs: 45_000 });
  }

  it('leaves no name, ID number, mobile or e-mail in the clear in any table of any service, and erases them past retention', async () => {
    // Plan, filing, publication.
    const publishAt = new Date(Date.now() + 2_000).toISOString();
    const closesAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const plan = await json<{ id: string }>(
      await call(
        'POST',
        '/api/v1/plans',
        {
          title: '走进档案馆',
          theme: '看档案如何保存城市记忆',
          forms: ['site-visit', 'forum'],
          sessions: [{ date: EVENT_DATE, startsAt: '09:00', endsAt: '09:10', capacity: 5, agenda: [{ startsAt: '09:00', endsAt: '09:10', activity: '参观库房', venue: '市档案馆' }] }],
          venues: [{ name: '市档案馆', address: '湖东路 1 号' }, { name: '档案修复中心', address: '湖东路 3 号' }],
          assemblyPoint: '档案馆南门',
          transport: '自行前往',
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
        },
        staff.water,
      ),
      201,
    );
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

    // Sign-in by texted code (given as +86 with spaces), application with the lower-case x.
    const token = await harness.client.citizenSignIn(`+86 ${PERSON.mobile}`, harness.texts);
    // With an Idempotency-Key, as the portal sends it: the gateway keeps the answer, which names the person.
    await json(
      await harness.client.call(
        'POST',
        `/api/v1/open-days/${openDayId}/applications`,
        { channel: 'self', applicant: testApplicant({ ...PERSON, idNumber: PERSON.idNumber.toLowerCase(), language: 'zh-CN' }) },
        token,
        { 'idempotency-key': `apply-${openDayId}` },
      ),
      201,
    );
    await sms(/申请已收到/);
    await mail(/申请已收到/);
    await sms(/恭喜您入选/);
    await mail(/恭喜您入选/);

    // Staff read the applicants and the roster (reads may be audited: the audit holds no clear value either).
    await json(await call('GET', `/api/v1/open-days/${openDayId}/applicants`, undefined, staff.water));
    const ticket = await waitFor(
      async () => (await json<TicketPage>(await call('GET', '/api/v1/my/tickets', undefined, token))).items[0],
      { what: 'the ticket' },
    );

    // The reminder the evening before, check-in on the day (real-name check with the last 4).
    await restart('notification', 'NOTIFICATION_TEST_NOW', `${addDays(EVENT_DATE, -1)}T18:00:05+08:00`);
    await sms(/提醒：/);
    await restart('scheduling', 'SCHEDULING_TEST_NOW', `${EVENT_DATE}T09:09:00+08:00`);
    await json(await call('POST', `/api/v1/open-days/${openDayId}/check-ins`, { code: ticket.checkInCode, idLast4: PERSON.idNumber.slice(-4) }, staff.water));
    await json(await call('GET', `/api/v1/open-days/${openDayId}/sessions/${sessionId}/roster`, undefined, staff.water));

    // Opinion, survey, assignment, answer on every channel, rating.
    const opinion = { text: '建议开放日增加档案修复体验环节。', topic: 'transparency' };
    const item = await waitFor(
      async () => {
        const res = await call('POST', `/api/v1/open-days/${openDayId}/feedback`, opinion, token);
        return res.status === 201 ? ((await res.json()) as FeedbackItemView) : undefined;
      },
      { what: 'feedback learning of the check-in' },
    );
    await json(await call('POST', `/api/v1/open-days/${openDayId}/survey/responses`, { answers: [{ questionId: 'overall', value: 5 }] }, token), 201);
    await json(await call('POST', `/api/v1/feedback/${item.id}/assignment`, { departmentId: 'tax-bureau' }, staff.water));
    await waitFor(
      async () => (await json<{ items: FeedbackItemView[] }>(await call('GET', '/api/v1/department/feedback', undefined, staff.handler))).items.some((i) => i.id === item.id),
      { what: 'the item in the department’s list' },
    );
    await json(await call('POST', `/api/v1/feedback/${item.id}/answer`, { outcome: 'solved', answer: '已安排修复体验。' }, staff.handler));
    await sms(/已有答复/);
    await mail(/已有答复/);
    await json(await call('POST', `/api/v1/my/feedback/${item.id}/rating`, { rating: 5 }, token));

    // Let the last outbox rows, inboxes and deliveries settle, then read everything.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const findings: Finding[] = [];
    const masked: Finding[] = [];
    for (const database of harness.platform.databases) {
      findings.push(...(await findValuesIn(database.name, database.url, forbiddenForms())));
      masked.push(...(await findValuesIn(database.name, database.url, [{ label: 'masked ID number', value: maskResidentId(PERSON.idNumber) }])));
    }
    expect(findings).toEqual([]);
    // The search does see the person's rows: the masked ID number, which may stay, is found.
    expect(masked.map((finding) => finding.table)).toEqual(expect.arrayContaining(['vetting_applicants', 'tickets']));

    // 184 days after the day (retention: 183 after its end), each service erases on its own clock.
    const later = `${addDays(EVENT_DATE, 184)}T00:30:00+08:00`;
    for (const service of ['registration', 'vetting', 'scheduling', 'notification', 'feedback'] as const) {
      await restart(service, `${service.toUpperCase()}_TEST_NOW`, later);
    }
    const still: Record<string, string> = {
      registration: `SELECT count(*)::int AS n FROM application_people WHERE personal_data_erased_at IS NULL`,
      vetting: `SELECT count(*)::int AS n FROM vetting_applicants WHERE personal_data_erased_at IS NULL`,
      scheduling: `SELECT count(*)::int AS n FROM tickets WHERE personal_data_erased_at IS NULL`,
      notification: `SELECT count(*)::int AS n FROM notification_contacts`,
      feedback: `SELECT count(*)::int AS n FROM fb_tickets WHERE personal_data_erased_at IS NULL`,
    };
    for (const [service, query] of Object.entries(still)) {
      const database = harness.platform.databases.find((d) => d.name.startsWith(`t_${service}_`))!;
      await waitFor(
        async () => {
          const client = new Client({ connectionString: database.url });
          await client.connect();
          try {
            return (await client.query<{ n: number }>(query)).rows[0].n === 0;
          } finally {
            await client.end();
          }
        },
        { timeoutMs: 30_000, what: `${service} erasing the applicant's data past retention` },
      );
    }
    const mine = await json<{ items: ApplicationView[] }>(await call('GET', '/api/v1/me/applications', undefined, token));
    expect(mine.items[0].people[0]).toMatchObject({ name: '***', maskedIdNumber: '***', maskedMobile: '***', maskedEmail: null });
    const figures = await json<StatisticsView>(await call('GET', `/api/v1/statistics/open-days/${openDayId}`, undefined, staff.water));
    expect(figures.figures).toMatchObject({ collected: 1, answered: 1, rating: { average: 5, count: 1 } });
  }, 600_000);
});
