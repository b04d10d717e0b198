import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  OpenDayCancelledV1,
  OpenDayPublishedV1,
  OpenDayPublishedV2,
  OpenDayPublishedV3,
  PlanApprovedV1,
  PlanReturnedV1,
  PlanSubmittedV1,
  type Actor,
  type PlanInput,
} from '@openday/contracts';
import { MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { createTestDatabase, testInfrastructure, testNamespace, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { schedulingDatabase } from '../scheduling.database';
import { WorkingCalendarService } from '../working-calendar/working-calendar.service';
import { ManualClock } from '@openday/platform';
import { samplePlan } from './plan.fixture';
import { PlansService } from './plans.service';
import { PublicationService } from './publication.service';

const water: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'water-affairs-bureau' };
const waterAdmin: Actor = { userId: randomUUID(), role: 'agency-admin', agencyId: 'water-affairs-bureau' };
const tax: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'tax-bureau' };
const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };
const citizen: Actor = { userId: randomUUID(), role: 'citizen' };

describe('PlansService and PublicationService on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let clock: ManualClock;
  let outbox: Outbox;
  let plans: PlansService;
  let publication: PublicationService;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'scheduling_plans');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...schedulingDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    clock = new ManualClock(new Date('2026-09-29T08:00:00+08:00'));
    outbox = new Outbox(testNamespace());
    plans = new PlansService(dataSource, outbox, clock, new WorkingCalendarService(dataSource, outbox, clock));
    publication = new PublicationService(dataSource, outbox, clock);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  beforeEach(() => clock.set('2026-09-29T08:00:00+08:00'));

  /** Publishes what earlier tests left approved, so a test sees only its own plans. */
  async function publishLeftovers(): Promise<void> {
    clock.set('2027-12-31T00:00:00+08:00');
    await publication.publishDue(1000);
    clock.set('2026-09-29T08:00:00+08:00');
  }

  async function outboxRows(aggregateId: string): Promise<Array<{ event_type: string; payload: { data: Record<string, unknown> } }>> {
    return dataSource.query('SELECT event_type, payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq', [aggregateId]);
  }
  async function count(table: string): Promise<number> {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return n;
  }

  it('creates a draft for the actor’s agency with its sessions and a history entry', async () => {
    const view = await plans.create(water, samplePlan());
    expect(view).toMatchObject({
      agencyId: 'water-affairs-bureau',
      status: 'draft',
      title: '走进自来水厂：从源头到龙头',
      forms: ['site-visit', 'forum'],
      firstSessionDate: '2026-10-12',
      lastOnTimeFilingDate: '2026-09-29',
      totalPlaces: 20,
      publishAt: '2026-09-29T01:00:00.000Z',
      registrationClosesAt: '2026-10-09T08:00:00.000Z',
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      submissions: 0,
      openDayId: null,
    });
    expect(view.sessions).toEqual([
      expect.objectContaining({ id: expect.any(String), date: '2026-10-12', startsAt: '09:00', endsAt: '11:30', capacity: 20, mediaPlaces: 0 }),
    ]);
    expect(view.sessions[0].agenda[2]).toEqual({ startsAt: '10:30', endsAt: '11:20', activity: '座谈交流：水价与水质', venue: null });
    expect(await plans.get(water, view.id)).toEqual(view);
    expect(await plans.history(water, view.id)).toEqual([
      expect.objectContaining({ action: 'created', fromStatus: null, toStatus: 'draft', actor: { userId: water.userId, role: 'agency-staff', agencyId: 'water-affairs-bureau' } }),
    ]);
  });

  it('keeps each session’s media places, and changes them on edit', async () => {
    const input = samplePlan();
    input.sessions[0].mediaPlaces = 3;
    const created = await plans.create(water, input);
    expect(created.sessions[0]).toMatchObject({ capacity: 20, mediaPlaces: 3 });
    expect(created.totalPlaces).toBe(20);
    const [row] = await dataSource.query('SELECT media_places FROM plan_sessions WHERE id = $1', [created.sessions[0].id]);
    expect(row.media_places).toBe(3);

    input.sessions[0] = { ...input.sessions[0], id: created.sessions[0].id, mediaPlaces: 5 };
    expect((await plans.update(water, created.id, input)).sessions[0]).toMatchObject({ id: created.sessions[0].id, mediaPlaces: 5 });
  });

  it('refuses media places when media take quota places (400 naming the session)', async () => {
    const input = samplePlan();
    input.mediaOutsideQuota = false;
    input.sessions[0].mediaPlaces = 2;
    await expect(plans.create(water, input)).rejects.toMatchObject({
      status: 400,
      problem: { errors: [expect.objectContaining({ field: 'sessions[0].mediaPlaces', rule: 'mediaPlacesOutsideQuota' })] },
    });
  });

  it('refuses an invalid plan with every violation and stores nothing', async () => {
    const before = await count('plans');
    const plan = samplePlan();
    plan.forms = [];
    plan.sessions[0].agenda[0].startsAt = '08:30';
    plan.quotas[0].places = 40;
    await expect(plans.create(water, plan)).rejects.toMatchObject({
      status: 400,
      problem: {
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'forms', rule: 'atLeastOneForm' }),
          expect.objectContaining({ field: 'sessions[0].agenda[0].startsAt', rule: 'agendaWithinSession' }),
          expect.objectContaining({ field: 'quotas', rule: 'quotasWithinCapacity' }),
        ]),
      },
    });
    expect(await count('plans')).toBe(before);
  });

  it.each([
    ['the city office', cityOffice],
    ['a citizen', citizen],
    ['staff without an agency', { ...water, agencyId: undefined }],
  ])('lets %s draft no plan (403)', async (_label, actor) => {
    await expect(plans.create(actor, samplePlan())).rejects.toMatchObject({ status: 403 });
  });

  it('answers a retried create with the same plan (Idempotency-Key)', async () => {
    const key = `key-${randomUUID()}`;
    const [a, b] = await Promise.all([plans.create(water, samplePlan(), key), plans.create(water, samplePlan(), key)]);
    const c = await plans.create(water, samplePlan(), key);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM plans WHERE idempotency_key = $1', [key]);
    expect(n).toBe(1);
  });

  it('keeps agencies apart: another agency’s plan is not found; the city office sees all', async () => {
    const plan = await plans.create(water, samplePlan());
    await expect(plans.get(tax, plan.id)).rejects.toMatchObject({ status: 404 });
    await expect(plans.update(tax, plan.id, samplePlan())).rejects.toMatchObject({ status: 404 });
    await expect(plans.submit(tax, plan.id)).rejects.toMatchObject({ status: 404 });
    await expect(plans.history(tax, plan.id)).rejects.toMatchObject({ status: 404 });
    await expect(plans.remove(tax, plan.id)).rejects.toMatchObject({ status: 404 });
    await expect(plans.get(citizen, plan.id)).rejects.toMatchObject({ status: 403 });
    expect((await plans.get(cityOffice, plan.id)).id).toBe(plan.id);
    expect((await plans.get(waterAdmin, plan.id)).id).toBe(plan.id);

    const taxPlan = await plans.create(tax, { ...samplePlan(), title: '税务开放日' });
    const waterList = await plans.list(water, { limit: 100 });
    expect(waterList.items.every((p) => p.agencyId === 'water-affairs-bureau')).toBe(true);
    expect(waterList.items.map((p) => p.id)).not.toContain(taxPlan.id);
    expect((await plans.list(water, { agencyId: 'tax-bureau' })).items).toEqual([]);
    const cityList = await plans.list(cityOffice, { agencyId: 'tax-bureau', limit: 100 });
    expect(cityList.items.map((p) => p.id)).toContain(taxPlan.id);
    await expect(plans.list(citizen, {})).rejects.toMatchObject({ status: 403 });
    await expect(plans.list({ ...water, agencyId: undefined }, {})).rejects.toMatchObject({ status: 403 });
  });

  it('pages the plan list newest first with a cursor', async () => {
    const agency: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'paging-bureau' };
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(Date.parse('2026-09-20T08:00:00+08:00') + i * 60_000));
      created.push((await plans.create(agency, samplePlan())).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await plans.list(agency, { limit: 2, cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    await expect(plans.list(agency, { cursor: 'nonsense' })).rejects.toMatchObject({ status: 400 });
  });

  it('files a plan: submit, return with comments, edit, resubmit, approve; keeps the history and emits the events', async () => {
    const plan = await plans.create(water, samplePlan());
    const submitted = await plans.submit(water, plan.id);
    expect(submitted).toMatchObject({ status: 'submitted', submissions: 1 });
    await expect(plans.update(water, plan.id, samplePlan())).rejects.toMatchObject({ status: 409 });
    await expect(plans.approve(water, plan.id)).rejects.toMatchObject({ status: 403 });

    clock.set('2026-09-29T10:00:00+08:00');
    const comments = '普通市民名额请提高到一半，并补充交通指引。';
    await expect(plans.returnPlan(water, plan.id, comments)).rejects.toMatchObject({ status: 403 });
    expect(await plans.returnPlan(cityOffice, plan.id, comments)).toMatchObject({ status: 'returned' });

    clock.set('2026-09-29T11:00:00+08:00');
    const edited = samplePlan();
    edited.transport = '统一乘坐大巴，08:40 市民中心北门发车';
    edited.quotas = [
      { category: 'ordinary-citizen', places: 10 },
      { category: 'congress-deputy', places: 4 },
    ];
    edited.sessions[0].id = plan.sessions[0].id;
    const afterEdit = await plans.update(water, plan.id, edited);
    expect(afterEdit).toMatchObject({ status: 'returned', transport: edited.transport });
    expect(afterEdit.sessions[0].id).toBe(plan.sessions[0].id);

    clock.set('2026-09-29T15:00:00+08:00');
    expect(await plans.submit(water, plan.id)).toMatchObject({ status: 'submitted', submissions: 2 });
    clock.set('2026-09-29T16:00:00+08:00');
    const approved = await plans.approve(cityOffice, plan.id, '同意备案');
    expect(approved.status).toBe('approved');
    await expect(plans.returnPlan(cityOffice, plan.id, 'too late')).rejects.toMatchObject({ status: 409 });

    const history = await plans.history(waterAdmin, plan.id);
    expect(history.map((h) => [h.action, h.fromStatus, h.toStatus, h.actor?.role])).toEqual([
      ['created', null, 'draft', 'agency-staff'],
      ['submitted', 'draft', 'submitted', 'agency-staff'],
      ['returned', 'submitted', 'returned', 'city-office'],
      ['edited', 'returned', 'returned', 'agency-staff'],
      ['submitted', 'returned', 'submitted', 'agency-staff'],
      ['approved', 'submitted', 'approved', 'city-office'],
    ]);
    expect(history[2]).toMatchObject({ comments, at: '2026-09-29T02:00:00.000Z', actor: { userId: cityOffice.userId } });
    expect(history[3].details).toEqual({ changedFields: ['transport', 'quotas'] });
    expect(history[4].details).toMatchObject({ submission: 2, filedOn: '2026-09-29', lastOnTimeFilingDate: '2026-09-29' });
    expect(history[5]).toMatchObject({ comments: '同意备案' });

    const events = await outboxRows(plan.id);
    expect(events.map((e) => e.event_type)).toEqual([
      PlanSubmittedV1.contract.type,
      PlanReturnedV1.contract.type,
      PlanSubmittedV1.contract.type,
      PlanApprovedV1.contract.type,
    ]);
    expect(events[0].payload.data).toEqual({
      planId: plan.id,
      agencyId: 'water-affairs-bureau',
      title: plan.title,
      firstSessionDate: '2026-10-12',
      submission: 1,
      filedOn: '2026-09-29',
      lastOnTimeFilingDate: '2026-09-29',
      submittedAt: '2026-09-29T00:00:00.000Z',
    });
    expect(events[1].payload.data).toMatchObject({ comments });
    expect(events[3].payload.data).toMatchObject({ publishAt: '2026-09-29T01:00:00.000Z', approvedAt: '2026-09-29T08:00:00.000Z' });
    const [timer] = await dataSource.query('SELECT due_at FROM publication_timers WHERE plan_id = $1', [plan.id]);
    expect(timer.due_at.toISOString()).toBe('2026-09-29T01:00:00.000Z');
  });

  it.each([
    // National Day: the last on-time date for Saturday 10 October (worked) is Monday 28 September.
    ['across National Day', '2026-10-10', '2026-09-29T09:00:00+08:00', '2026-09-28'],
    // An ordinary weekend: Thursday 10 December → Thursday 3 December.
    ['across an ordinary weekend', '2026-12-10', '2026-12-04T09:00:00+08:00', '2026-12-03'],
  ])('refuses a late submission %s with 422 naming the last on-time date, and changes nothing', async (_label, eventDate, now, lastOnTime) => {
    const plan = await plans.create(water, samplePlan(eventDate, { publishDaysBefore: 2 }));
    clock.set(now);
    const error = await plans.submit(water, plan.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      problem: {
        type: 'https://openday.example/problems/filing-late',
        detail: expect.stringContaining(`the last on-time filing date was ${lastOnTime}`),
        errors: [expect.objectContaining({ field: 'sessions[0].date', rule: 'filingDeadline' })],
      },
    });
    expect((await plans.get(water, plan.id)).status).toBe('draft');
    expect(await outboxRows(plan.id)).toEqual([]);
  });

  it('refuses filing for a year the calendar does not cover yet (422)', async () => {
    clock.set('2026-12-20T09:00:00+08:00');
    const plan = await plans.create(water, samplePlan('2027-01-15', { publishDaysBefore: 5 }));
    expect(plan.lastOnTimeFilingDate).toBeNull();
    await expect(plans.submit(water, plan.id)).rejects.toMatchObject({
      status: 422,
      problem: { type: 'https://openday.example/problems/calendar-year-missing', detail: expect.stringContaining('2027') },
    });
  });

  async function approvedPlan(input: PlanInput = samplePlan()): Promise<string> {
    clock.set('2026-09-29T08:00:00+08:00');
    const plan = await plans.create(water, input);
    await plans.submit(water, plan.id);
    await plans.approve(cityOffice, plan.id);
    return plan.id;
  }

  it('publishes an approved plan once, at its publication time, with open-day-published v1, v2 and v3 (media places)', async () => {
    await publishLeftovers();
    const input = samplePlan('2026-10-12', { publishDaysBefore: 12 });
    input.sessions[0].mediaPlaces = 3;
    const planId = await approvedPlan(input); // publishes 30 Sep 09:00
    expect(await publication.publishDue()).toEqual([]);

    clock.set('2026-09-30T09:00:00+08:00');
    expect(await publication.publishDue()).toEqual([planId]);
    expect(await publication.publishDue()).toEqual([]);

    const plan = await plans.get(water, planId);
    expect(plan).toMatchObject({ status: 'published', openDayId: expect.any(String) });
    const openDayId = plan.openDayId!;
    const [row] = await dataSource.query(
      `SELECT title, agency_id, date::text AS date, end_date::text AS end_date, status, plan_id, theme, forms, districts, published_at
         FROM open_days WHERE id = $1`,
      [openDayId],
    );
    expect(row).toMatchObject({ title: plan.title, agency_id: 'water-affairs-bureau', date: '2026-10-12', end_date: '2026-10-12', status: 'published', plan_id: planId, forms: ['site-visit', 'forum'], districts: ['gulou', 'taijiang'] });
    expect(row.published_at.toISOString()).toBe('2026-09-30T01:00:00.000Z');

    const events = await outboxRows(openDayId);
    expect(events.map((e) => e.event_type)).toEqual([OpenDayPublishedV1.contract.type, OpenDayPublishedV2.contract.type, OpenDayPublishedV3.contract.type]);
    expect(events[0].payload.data).toEqual({ openDayId, title: plan.title, agencyId: 'water-affairs-bureau', date: '2026-10-12', publishedAt: '2026-09-30T01:00:00.000Z' });
    expect(events[1].payload.data).toMatchObject({
      openDayId,
      planId,
      sessions: [{ sessionId: plan.sessions[0].id, date: '2026-10-12', startsAt: '09:00', endsAt: '11:30', capacity: 20 }],
      quotas: plan.quotas,
      minOrdinaryShare: 1 / 3,
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      registrationClosesAt: '2026-10-09T08:00:00.000Z',
      selectionMode: 'lottery',
    });
    expect((events[1].payload.data.sessions as object[])[0]).not.toHaveProperty('mediaPlaces');
    const { sessions: v3Sessions, ...v3Rest } = events[2].payload.data;
    const { sessions: _v2Sessions, ...v2Rest } = events[1].payload.data;
    expect(v3Rest).toEqual(v2Rest);
    expect(v3Sessions).toEqual([{ sessionId: plan.sessions[0].id, date: '2026-10-12', startsAt: '09:00', endsAt: '11:30', capacity: 20, mediaPlaces: 3 }]);
    expect((await plans.history(water, planId)).at(-1)).toMatchObject({ action: 'published', actor: null, details: { openDayId } });
    expect(await count(`publication_timers WHERE plan_id = '${planId}'`)).toBe(0);
  });

  it('fires each timer once when replicas poll at the same time', async () => {
    await publishLeftovers();
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await approvedPlan({ ...samplePlan(), title: `并发发布 ${i}` }));
    clock.set('2026-09-29T09:00:00+08:00');
    const replicas = [publication, new PublicationService(dataSource, outbox, clock), new PublicationService(dataSource, outbox, clock)];
    const results = await Promise.all(replicas.map((r) => r.publishDue()));
    expect(results.flat().sort()).toEqual([...ids].sort());
    const rows: Array<{ plan_id: string; n: number }> = await dataSource.query(
      `SELECT plan_id, count(*)::int AS n FROM open_days WHERE plan_id = ANY($1::uuid[]) GROUP BY plan_id`,
      [ids],
    );
    expect(rows.map((r) => r.n)).toEqual(ids.map(() => 1));
  });

  it('keeps a timer whose publication failed and retries it later', async () => {
    await publishLeftovers();
    const planId = await approvedPlan();
    clock.set('2026-09-29T09:00:00+08:00');
    // A title too long for the open day row: the insert fails inside the transaction.
    await dataSource.query(`UPDATE plans SET title = repeat('x', 200) WHERE id = $1`, [planId]);
    await dataSource.query(`ALTER TABLE open_days ADD CONSTRAINT test_short_title CHECK (length(title) < 150)`);
    try {
      expect(await publication.publishDue()).toEqual([]);
    } finally {
      await dataSource.query(`ALTER TABLE open_days DROP CONSTRAINT test_short_title`);
    }
    const [timer] = await dataSource.query('SELECT attempts, last_error, due_at FROM publication_timers WHERE plan_id = $1', [planId]);
    expect(timer).toMatchObject({ attempts: 1, last_error: expect.stringContaining('test_short_title') });
    expect((await plans.get(water, planId)).status).toBe('approved');
    clock.set(new Date(timer.due_at.getTime()));
    expect(await publication.publishDue()).toEqual([planId]);
  });

  it('cancels a published open day through open-day-cancelled', async () => {
    await publishLeftovers();
    const planId = await approvedPlan();
    clock.set('2026-09-29T09:00:00+08:00');
    await publication.publishDue();
    const { openDayId } = await plans.get(water, planId);
    clock.set('2026-10-08T18:00:00+08:00');
    expect(await plans.cancelOpenDay(water, planId, '受台风影响取消')).toMatchObject({ status: 'cancelled' });
    await expect(plans.cancelOpenDay(water, planId, 'again')).rejects.toMatchObject({ status: 409 });
    const [event] = (await outboxRows(openDayId!)).filter((e) => e.event_type === OpenDayCancelledV1.contract.type);
    expect(event.payload.data).toEqual({
      openDayId,
      planId,
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      date: '2026-10-12',
      reason: '受台风影响取消',
      cancelledAt: '2026-10-08T10:00:00.000Z',
    });
    const [row] = await dataSource.query('SELECT status, cancellation_reason FROM open_days WHERE id = $1', [openDayId]);
    expect(row).toEqual({ status: 'cancelled', cancellation_reason: '受台风影响取消' });
  });

  it('deletes a draft, but not a plan the city office has seen', async () => {
    const draft = await plans.create(water, samplePlan());
    expect(await plans.remove(water, draft.id)).toEqual({ id: draft.id, deleted: true });
    await expect(plans.get(water, draft.id)).rejects.toMatchObject({ status: 404 });
    const filed = await plans.create(water, samplePlan());
    await plans.submit(water, filed.id);
    await expect(plans.remove(water, filed.id)).rejects.toMatchObject({ status: 409 });
  });
});
