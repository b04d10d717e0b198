import { OpenDayChangedV1, OpenDayChangedV2, OpenDayPublishedV2, PlanReturnedV1, type CloudEvent, type OpenDayChangeView } from '@openday/contracts';
import { examplePlan } from '@openday/domain';
import { PlatformHarness, waitFor } from '@openday/testing';

/**
 * Plans and filing over HTTP with every deployable as its own process.
 *
 * Dates: the 5-working-day rule depends on the day of the submission, so
 * scheduling runs on a shifted clock: SCHEDULING_TEST_NOW starts its clock at
 * a given instant (it then runs on at the real pace, so the publication timer
 * still falls due), honoured only with NODE_ENV=test. First "today" is
 * Tuesday 29 September 2026, just before National Day; later scheduling is
 * restarted on Friday 4 December 2026 for the ordinary-weekend cases. Nothing
 * here depends on the real date.
 *
 * Callers sign in with the demo accounts the gateway's seed creates (the
 * access guard needs a real bearer token); water-affairs-bureau is the
 * organising agency, gulou-district another agency.
 */
const NATIONAL_DAY_NOW = '2026-09-29T09:00:00+08:00';
const DECEMBER_NOW = '2026-12-04T10:00:00+08:00';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; rule: string; message: string }>;
}

interface PlanView {
  id: string;
  status: string;
  agencyId: string;
  submissions: number;
  openDayId: string | null;
  lastOnTimeFilingDate: string | null;
  sessions: Array<{ id: string; date: string; startsAt: string; endsAt: string }>;
}

interface PublicOpenDay {
  id: string;
  title: string;
  status: string;
  openForApplications: boolean;
  sessions: Array<{ startsAt: string }>;
}

/** A complete plan as an agency's browser would send it: libs/domain's example plan on this event date and window. */
function planBody(eventDate: string, window: { publishAt: string; closesAt: string }, title = '走进自来水厂：从源头到龙头') {
  return {
    ...examplePlan(eventDate),
    title,
    // as a form sends a share: four decimals, not 1/3
    minOrdinaryShare: 0.3334,
    registrationOpensAt: window.publishAt,
    registrationClosesAt: window.closesAt,
    publishAt: window.publishAt,
  };
}

describe('plans and filing: HTTP → gateway → scheduling → outbox → JetStream → registration', () => {
  const platform = new PlatformHarness();
  const tokens: Record<'waterStaff' | 'waterAdmin' | 'gulouStaff' | 'cityOffice' | 'reviewer', string> = {
    waterStaff: '',
    waterAdmin: '',
    gulouStaff: '',
    cityOffice: '',
    reviewer: '',
  };

  beforeAll(async () => {
    await platform.start({
      scheduling: { NODE_ENV: 'test', SCHEDULING_TEST_NOW: NATIONAL_DAY_NOW },
      gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
    await platform.seedDemoCity();
    const logins = { waterStaff: 'water-staff', waterAdmin: 'water-admin', gulouStaff: 'gulou-staff', cityOffice: 'city-office', reviewer: 'water-reviewer' };
    for (const [key, username] of Object.entries(logins) as Array<[keyof typeof tokens, string]>) tokens[key] = await platform.client.staffSignIn(username);
  }, 180_000);
  afterAll(() => platform.stop(), 60_000);

  function call(method: string, url: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    return platform.client.call(method, url, options.body, options.token, options.headers);
  }

  async function expectProblem(res: Response, status: number): Promise<Problem> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return (await res.json()) as Problem;
  }

  async function createPlan(body: unknown, token = tokens.waterStaff): Promise<PlanView> {
    const res = await call('POST', '/api/v1/plans', { body, token });
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as PlanView;
  }

  /** The last event on a subject of scheduling's stream once it satisfies `ready` (the relay publishes a moment after the commit). */
  function lastEvent<T>(subject: string, ready: (event: CloudEvent<T>) => boolean): Promise<CloudEvent<T>> {
    return waitFor(
      async () => {
        const message = await platform.jsm.streams.getMessage(platform.namespace.eventStream('scheduling'), { last_by_subj: subject }).catch(() => null);
        const event = message?.json<CloudEvent<T>>();
        return event && ready(event) ? event : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 100, what: `an event on ${subject}` },
    );
  }

  async function planCount(token = tokens.waterStaff): Promise<number> {
    const page = (await (await call('GET', '/api/v1/plans?limit=100', { token })).json()) as { items: unknown[] };
    return page.items.length;
  }

  it('takes a plan from draft through return, resubmission and approval to publication, in the listing and in registration’s copy', async () => {
    const body = planBody('2026-10-12', { publishAt: NATIONAL_DAY_NOW, closesAt: '2026-10-09T16:00:00+08:00' });
    const created = await call('POST', '/api/v1/plans', { body, token: tokens.waterStaff, headers: { 'x-correlation-id': 'e2e-plan-1' } });
    expect(created.status).toBe(201);
    const plan = (await created.json()) as PlanView;
    expect(created.headers.get('location')).toBe(`/api/v1/plans/${plan.id}`);
    expect(plan).toMatchObject({ status: 'draft', agencyId: 'water-affairs-bureau', lastOnTimeFilingDate: '2026-09-29' });

    // Who may see and do what.
    await expectProblem(await call('GET', `/api/v1/plans/${plan.id}`), 401);
    await expectProblem(await call('GET', `/api/v1/plans/${plan.id}`, { token: tokens.gulouStaff }), 404);
    await expectProblem(await call('PUT', `/api/v1/plans/${plan.id}`, { token: tokens.gulouStaff, body }), 404);
    await expectProblem(await call('POST', `/api/v1/plans/${plan.id}/submit`, { token: tokens.gulouStaff }), 404);
    await expectProblem(await call('GET', `/api/v1/plans/${plan.id}`, { token: tokens.reviewer }), 403);
    expect((await call('GET', `/api/v1/plans/${plan.id}`, { token: tokens.cityOffice })).status).toBe(200);
    const gulouList = (await (await call('GET', '/api/v1/plans', { token: tokens.gulouStaff })).json()) as { items: PlanView[] };
    expect(gulouList.items.map((p) => p.id)).not.toContain(plan.id);

    expect(((await (await call('POST', `/api/v1/plans/${plan.id}/submit`, { token: tokens.waterStaff })).json()) as PlanView).status).toBe('submitted');
    await expectProblem(await call('POST', `/api/v1/plans/${plan.id}/approve`, { token: tokens.waterAdmin, body: {} }), 403);
    await expectProblem(await call('PUT', `/api/v1/plans/${plan.id}`, { token: tokens.waterStaff, body }), 409);

    const comments = '请补充集合地点的交通指引，并提高普通市民名额。';
    const returned = await call('POST', `/api/v1/plans/${plan.id}/return`, { token: tokens.cityOffice, body: { comments } });
    expect(((await returned.json()) as PlanView).status).toBe('returned');

    const edited = { ...body, transport: '统一乘坐大巴，08:40 市民中心北门发车', quotas: [{ category: 'ordinary-citizen', places: 12 }, { category: 'congress-deputy', places: 4 }] };
    edited.sessions = [{ ...body.sessions[0], id: plan.sessions[0].id } as (typeof body.sessions)[number]];
    const afterEdit = await call('PUT', `/api/v1/plans/${plan.id}`, { token: tokens.waterAdmin, body: edited });
    expect(afterEdit.status).toBe(200);
    const resubmitted = (await (await call('POST', `/api/v1/plans/${plan.id}/submit`, { token: tokens.waterStaff })).json()) as PlanView;
    expect(resubmitted).toMatchObject({ status: 'submitted', submissions: 2 });
    const approved = await call('POST', `/api/v1/plans/${plan.id}/approve`, { token: tokens.cityOffice, body: { comments: '同意备案' } });
    expect(((await approved.json()) as PlanView).status).toBe('approved');

    // The publication time is now: the poller publishes within a second or two.
    const published = await waitFor(
      async () => {
        const view = (await (await call('GET', `/api/v1/plans/${plan.id}`, { token: tokens.waterStaff })).json()) as PlanView;
        return view.status === 'published' ? view : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 200, what: 'publication' },
    );
    const openDayId = published.openDayId!;

    const listing = (await (await call('GET', `/api/v1/public/open-days?q=${encodeURIComponent('自来水')}&openNow=true`)).json()) as { items: PublicOpenDay[] };
    expect(listing.items.map((d) => d.id)).toContain(openDayId);
    const publicDay = (await (await call('GET', `/api/v1/public/open-days/${openDayId}`)).json()) as PublicOpenDay;
    expect(publicDay).toMatchObject({ title: '走进自来水厂：从源头到龙头', status: 'published', openForApplications: true });

    const copy = await waitFor(
      async () => {
        const res = await call('GET', `/api/v1/open-days/${openDayId}`);
        return res.status === 200 ? ((await res.json()) as { id: string; title: string; date: string }) : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 200, what: 'registration’s copy' },
    );
    expect(copy).toMatchObject({ id: openDayId, title: '走进自来水厂：从源头到龙头', date: '2026-10-12' });

    const calendar = (await (await call('GET', '/api/v1/public/calendar?month=2026-10')).json()) as {
      days: Array<{ date: string; workingDay: boolean; count: number; openDays: Array<{ id: string }> }>;
    };
    expect(calendar.days).toHaveLength(31);
    expect(calendar.days.find((d) => d.date === '2026-10-12')?.openDays.map((d) => d.id)).toContain(openDayId);
    expect(calendar.days.find((d) => d.date === '2026-10-10')).toMatchObject({ workingDay: true });
    expect(calendar.days.find((d) => d.date === '2026-10-05')).toMatchObject({ workingDay: false });

    const history = (await (await call('GET', `/api/v1/plans/${plan.id}/history`, { token: tokens.cityOffice })).json()) as Array<{
      action: string;
      comments: string | null;
      actor: { role: string } | null;
    }>;
    expect(history.map((h) => h.action)).toEqual(['created', 'submitted', 'returned', 'edited', 'submitted', 'approved', 'published']);
    expect(history[2]).toMatchObject({ comments, actor: { role: 'city-office' } });
    expect(history[6].actor).toBeNull();

    const audit = (await (await call('GET', `/api/v1/audit-log?targetId=${plan.id}`, { token: tokens.cityOffice })).json()) as {
      items: Array<{ action: string; actor: { role: string } }>;
    };
    expect(audit.items.map((e) => [e.action, e.actor.role])).toEqual([
      ['plan.approved', 'city-office'],
      ['plan.returned', 'city-office'],
    ]);

    // On the bus: v2 of open-day-published carries the plan; plan-returned its comments.
    const v2 = await lastEvent<OpenDayPublishedV2>(OpenDayPublishedV2.contract.subjectIn(platform.namespace), (e) => e.data.openDayId === openDayId);
    expect(v2.data).toMatchObject({ openDayId, planId: plan.id, sessions: [{ date: '2026-10-12' }] });
    const returnedEvent = await lastEvent<PlanReturnedV1>(PlanReturnedV1.contract.subjectIn(platform.namespace), (e) => e.data.planId === plan.id);
    expect(returnedEvent.data).toMatchObject({ planId: plan.id, comments });

    // The agency files a move to the afternoon; it takes effect once the city office approves it. Then the agency cancels the day.
    const afternoon = [{ ...edited.sessions[0], startsAt: '14:00', endsAt: '16:30', agenda: [{ startsAt: '14:00', endsAt: '16:30', activity: '参观与座谈', venue: '第一水厂' }] }];
    const reason = '上午水厂检修，改为下午举行';
    await expectProblem(await call('POST', `/api/v1/plans/${plan.id}/open-day/changes`, { token: tokens.gulouStaff, body: { sessions: afternoon, reason } }), 404);
    const change = await call('POST', `/api/v1/plans/${plan.id}/open-day/changes`, { token: tokens.waterStaff, body: { sessions: afternoon, reason } });
    expect(change.status).toBe(201);
    const filed = (await change.json()) as OpenDayChangeView;
    expect(filed).toMatchObject({ planId: plan.id, openDayId, status: 'submitted', review: 'required', changedFields: ['sessions'], reason });
    const pending = await expectProblem(await call('POST', `/api/v1/plans/${plan.id}/open-day/changes`, { token: tokens.waterStaff, body: { assemblyPoint: '水厂南门', reason } }), 409);
    expect(pending.errors?.map((e) => e.rule)).toEqual(['changePending']);
    const stillMorning = (await (await call('GET', `/api/v1/public/open-days/${openDayId}`)).json()) as PublicOpenDay;
    expect(stillMorning.sessions[0].startsAt).toBe('09:00');

    const waiting = (await (await call('GET', '/api/v1/open-day-changes?status=submitted&limit=100', { token: tokens.cityOffice })).json()) as { items: OpenDayChangeView[] };
    expect(waiting.items.map((c) => c.id)).toContain(filed.id);
    const gulouChanges = (await (await call('GET', '/api/v1/open-day-changes', { token: tokens.gulouStaff })).json()) as { items: OpenDayChangeView[] };
    expect(gulouChanges.items.map((c) => c.id)).not.toContain(filed.id);
    await expectProblem(await call('POST', `/api/v1/open-day-changes/${filed.id}/approve`, { token: tokens.waterAdmin, body: {} }), 403);
    const approvedChange = await call('POST', `/api/v1/open-day-changes/${filed.id}/approve`, { token: tokens.cityOffice, body: { comments: '同意变更' } });
    expect(approvedChange.status).toBe(200);
    expect((await approvedChange.json()) as OpenDayChangeView).toMatchObject({ id: filed.id, status: 'applied', comments: '同意变更' });
    const ownChanges = (await (await call('GET', `/api/v1/plans/${plan.id}/open-day/changes`, { token: tokens.waterStaff })).json()) as { items: OpenDayChangeView[] };
    expect(ownChanges.items.map((c) => [c.id, c.status])).toEqual([[filed.id, 'applied']]);

    const moved = (await (await call('GET', `/api/v1/public/open-days/${openDayId}`)).json()) as PublicOpenDay;
    expect(moved.sessions[0].startsAt).toBe('14:00');
    const changedV2 = await lastEvent<OpenDayChangedV2>(OpenDayChangedV2.contract.subjectIn(platform.namespace), (e) => e.data.openDayId === openDayId);
    expect(changedV2.data).toMatchObject({ openDayId, changedFields: ['sessions'], review: 'approved-by-city-office', releases: [], reason });
    const changedEvent = await lastEvent<OpenDayChangedV1>(OpenDayChangedV1.contract.subjectIn(platform.namespace), (e) => e.data.openDayId === openDayId);
    expect(changedEvent.data).toMatchObject({ openDayId, changedFields: ['sessions'], reason });
    const changeAudit = (await (await call('GET', `/api/v1/audit-log?targetId=${filed.id}`, { token: tokens.cityOffice })).json()) as {
      items: Array<{ action: string; actor: { role: string } }>;
    };
    expect(changeAudit.items.map((e) => [e.action, e.actor.role])).toEqual([['open-day-change.approved', 'city-office']]);
    const cancel = await call('POST', `/api/v1/plans/${plan.id}/open-day/cancellation`, { token: tokens.waterStaff, body: { reason: '受台风影响取消' } });
    expect(((await cancel.json()) as PlanView).status).toBe('cancelled');
    const afterCancel = (await (await call('GET', '/api/v1/public/open-days?limit=100')).json()) as { items: PublicOpenDay[] };
    expect(afterCancel.items.map((d) => d.id)).not.toContain(openDayId);
  });

  it('applies the 5-working-day rule across the 2026 National Day holiday and its adjusted working days', async () => {
    // Sunday 11 October: the 5 working days before it are Sat 10 Oct (worked), 9, 8, 30 Sep and 29 Sep: today is the last day.
    const onTime = await createPlan(planBody('2026-10-11', { publishAt: '2026-09-30T09:00:00+08:00', closesAt: '2026-10-09T16:00:00+08:00' }));
    expect(onTime.lastOnTimeFilingDate).toBe('2026-09-29');
    const submitted = await call('POST', `/api/v1/plans/${onTime.id}/submit`, { token: tokens.waterStaff });
    expect(submitted.status).toBe(200);

    // Saturday 10 October (a worked day): 9, 8 Oct, 30, 29, 28 Sep: the last day was yesterday.
    const late = await createPlan(planBody('2026-10-10', { publishAt: '2026-09-30T09:00:00+08:00', closesAt: '2026-10-08T16:00:00+08:00' }));
    const problem = await expectProblem(await call('POST', `/api/v1/plans/${late.id}/submit`, { token: tokens.waterStaff }), 422);
    expect(problem.type).toBe('https://openday.example/problems/filing-late');
    expect(problem.detail).toContain('the last on-time filing date was 2026-09-28');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'sessions[0].date', rule: 'filingDeadline' })]);
    expect(((await (await call('GET', `/api/v1/plans/${late.id}`, { token: tokens.waterStaff })).json()) as PlanView).status).toBe('draft');

    const deadline = await call('GET', '/api/v1/working-calendar/filing-deadline?eventDate=2026-10-10');
    expect(await deadline.json()).toEqual({ eventDate: '2026-10-10', workingDays: 5, lastOnTimeFilingDate: '2026-09-28' });
  });

  it('applies the rule across an ordinary weekend, and to a year only once the city office adds it', async () => {
    const scheduling = platform.service('scheduling');
    expect(await scheduling.stop('SIGTERM')).toBe(0);
    scheduling.options.env.SCHEDULING_TEST_NOW = DECEMBER_NOW;
    await scheduling.start({ readyTimeoutMs: 45_000 });

    // Friday 11 December: Thu 10, Wed 9, Tue 8, Mon 7 and Fri 4 December: today is the last day.
    const onTime = await createPlan(planBody('2026-12-11', { publishAt: '2026-12-05T09:00:00+08:00', closesAt: '2026-12-09T16:00:00+08:00' }));
    expect((await call('POST', `/api/v1/plans/${onTime.id}/submit`, { token: tokens.waterStaff })).status).toBe(200);
    // Thursday 10 December: Wed 9, Tue 8, Mon 7, Fri 4, Thu 3: the last day was yesterday.
    const late = await createPlan(planBody('2026-12-10', { publishAt: '2026-12-05T09:00:00+08:00', closesAt: '2026-12-08T16:00:00+08:00' }));
    const problem = await expectProblem(await call('POST', `/api/v1/plans/${late.id}/submit`, { token: tokens.waterStaff }), 422);
    expect(problem.detail).toContain('the last on-time filing date was 2026-12-03');

    // 2027 is not in the calendar yet.
    const nextYear = await createPlan(planBody('2027-01-15', { publishAt: '2026-12-20T09:00:00+08:00', closesAt: '2027-01-12T16:00:00+08:00' }));
    const uncovered = await expectProblem(await call('POST', `/api/v1/plans/${nextYear.id}/submit`, { token: tokens.waterStaff }), 422);
    expect(uncovered.type).toBe('https://openday.example/problems/calendar-year-missing');

    const year2027 = { coveredYears: [2027], holidays: ['2027-01-01'], note: '2027 年部分节假日安排（节选）' };
    await expectProblem(await call('POST', '/api/v1/working-calendar/changes', { token: tokens.waterAdmin, body: year2027 }), 403);
    const added = await call('POST', '/api/v1/working-calendar/changes', { token: tokens.cityOffice, body: year2027 });
    expect(added.status).toBe(200);
    expect(((await added.json()) as { coveredYears: number[] }).coveredYears).toContain(2027);
    expect((await call('POST', `/api/v1/plans/${nextYear.id}/submit`, { token: tokens.waterStaff })).status).toBe(200);
  });

  const valid = () => planBody('2026-12-28', { publishAt: '2026-12-10T09:00:00+08:00', closesAt: '2026-12-24T16:00:00+08:00' });
  type Body = ReturnType<typeof valid>;
  it.each<[string, (b: Body) => unknown, string, string]>([
    ['a missing title', ({ title: _t, ...rest }) => rest, 'title', 'isFreeText'],
    ['an oversized title', (b) => ({ ...b, title: '水'.repeat(201) }), 'title', 'isFreeText'],
    ['a wrong type', (b) => ({ ...b, sessions: [{ ...b.sessions[0], capacity: 'twenty' }] }), 'sessions[0].capacity', 'isInt'],
    ['30 February', (b) => ({ ...b, sessions: [{ ...b.sessions[0], date: '2027-02-30' }] }), 'sessions[0].date', 'isDateString'],
    ['an unknown form', (b) => ({ ...b, forms: ['picnic'] }), 'forms', 'isIn'],
    ['an unknown field', (b) => ({ ...b, idNumber: '110101199003077777' }), 'idNumber', 'whitelistValidation'],
    ['a window without its offset', (b) => ({ ...b, registrationClosesAt: '2026-12-24T16:00:00' }), 'registrationClosesAt', 'matches'],
    ['a time of 25:00', (b) => ({ ...b, sessions: [{ ...b.sessions[0], endsAt: '25:00' }] }), 'sessions[0].endsAt', 'matches'],
    ['no form', (b) => ({ ...b, forms: [] }), 'forms', 'atLeastOneForm'],
    ['an agenda item outside its session', (b) => ({ ...b, sessions: [{ ...b.sessions[0], agenda: [{ startsAt: '08:00', endsAt: '09:30', activity: '参观' }] }] }), 'sessions[0].agenda[0].startsAt', 'agendaWithinSession'],
    ['quotas beyond capacity', (b) => ({ ...b, quotas: [{ category: 'ordinary-citizen', places: 25 }] }), 'quotas', 'quotasWithinCapacity'],
    ['a site visit to one venue', (b) => ({ ...b, venues: [b.venues[0]], sessions: [{ ...b.sessions[0], agenda: [{ startsAt: '09:00', endsAt: '11:30', activity: '参观' }] }] }), 'venues', 'siteVisitVenues'],
    ['registration closing after the event starts', (b) => ({ ...b, registrationClosesAt: '2026-12-28T10:00:00+08:00' }), 'registrationClosesAt', 'closesBeforeEvent'],
    ['quotas that cannot give ordinary citizens a third', (b) => ({ ...b, quotas: [{ category: 'congress-deputy', places: 10 }, { category: 'party-member', places: 5 }] }), 'minOrdinaryShare', 'minimumShareReachable'],
    ['a maximum age below the minimum', (b) => ({ ...b, eligibility: { ...b.eligibility, maxAge: 17 } }), 'eligibility.maxAge', 'ageRange'],
  ])('refuses a plan with %s: 400 problem+json naming the field, nothing stored', async (_label, change, field, rule) => {
    const before = await planCount();
    const problem = await expectProblem(await call('POST', '/api/v1/plans', { body: change(valid()), token: tokens.waterStaff }), 400);
    expect(problem.errors).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await planCount()).toBe(before);
  });

  it('refuses bad input on the other writes, naming the field, and changes nothing', async () => {
    const calendarBefore = await (await call('GET', '/api/v1/working-calendar')).json();
    for (const [body, field, rule] of [
      [{ holidays: ['2026-02-30'] }, 'holidays', 'isDateString'],
      [{ adjustedWorkingDays: ['2026-11-25'] }, 'adjustedWorkingDays[0]', 'calendarData'],
      [{ holidays: ['2030-01-01'] }, 'holidays[0]', 'coveredYear'],
      [{ coveredYears: ['next'] }, 'coveredYears', 'isInt'],
      [{}, 'change', 'notEmpty'],
    ] as const) {
      const problem = await expectProblem(await call('POST', '/api/v1/working-calendar/changes', { token: tokens.cityOffice, body }), 400);
      expect(problem.errors).toContainEqual(expect.objectContaining({ field, rule }));
    }
    expect(await (await call('GET', '/api/v1/working-calendar')).json()).toEqual(calendarBefore);

    const plan = await createPlan(valid());
    await call('POST', `/api/v1/plans/${plan.id}/submit`, { token: tokens.waterStaff });
    const noComments = await expectProblem(await call('POST', `/api/v1/plans/${plan.id}/return`, { token: tokens.cityOffice, body: { comments: '' } }), 400);
    expect(noComments.errors).toContainEqual(expect.objectContaining({ field: 'comments', rule: 'isFreeText' }));
    const badId = await expectProblem(await call('GET', '/api/v1/plans/not-a-uuid', { token: tokens.waterStaff }), 400);
    expect(badId.errors?.[0].field).toBe('id');
    const badQuery = await expectProblem(await call('GET', '/api/v1/public/open-days?from=yesterday&openNow=maybe'), 400);
    expect(new Set(badQuery.errors?.map((e) => e.field))).toEqual(new Set(['from', 'openNow']));
    expect(((await (await call('GET', `/api/v1/plans/${plan.id}`, { token: tokens.waterStaff })).json()) as PlanView).status).toBe('submitted');
  });

  it('answers a retried create with the first plan (Idempotency-Key)', async () => {
    const before = await planCount();
    const headers = { 'idempotency-key': `e2e-${Date.now()}` };
    const first = await call('POST', '/api/v1/plans', { body: valid(), token: tokens.waterStaff, headers });
    const second = await call('POST', '/api/v1/plans', { body: valid(), token: tokens.waterStaff, headers });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(((await second.json()) as PlanView).id).toBe(((await first.json()) as PlanView).id);
    expect(await planCount()).toBe(before + 1);
  });

  it('documents every new operation in the OpenAPI document with its access rule', async () => {
    const document = (await (await call('GET', '/api/docs-json')).json()) as { paths: Record<string, Record<string, { 'x-access'?: string[]; tags?: string[] }>> };
    const expected: Array<[string, string, string[]]> = [
      ['/api/v1/plans', 'post', ['agency-staff', 'agency-admin']],
      ['/api/v1/plans', 'get', ['agency-staff', 'agency-admin', 'city-office']],
      ['/api/v1/plans/{id}/approve', 'post', ['city-office']],
      ['/api/v1/plans/{id}/return', 'post', ['city-office']],
      ['/api/v1/plans/{id}/open-day/changes', 'post', ['agency-staff', 'agency-admin']],
      ['/api/v1/open-day-changes', 'get', ['agency-staff', 'agency-admin', 'city-office']],
      ['/api/v1/open-day-changes/{changeId}/approve', 'post', ['city-office']],
      ['/api/v1/open-day-changes/{changeId}/return', 'post', ['city-office']],
      ['/api/v1/working-calendar/changes', 'post', ['city-office']],
      ['/api/v1/working-calendar', 'get', ['public']],
      ['/api/v1/public/open-days', 'get', ['public']],
      ['/api/v1/public/calendar', 'get', ['public']],
    ];
    for (const [route, method, access] of expected) {
      expect({ route, method, access: document.paths[route]?.[method]?.['x-access'] }).toEqual({ route, method, access });
    }
  });
});
