import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ApplicationSelectedV1,
  ApplicationSubmittedV1,
  ContactDetailsRecordedV1,
  OpenDayChangedV1,
  OpenDayChangedV2,
  OpenDayChangeFiledV1,
  OpenDayChangeReturnedV1,
  OpenDayPublishedV2,
  TicketRevokedV1,
  type Actor,
  type OpenDayChangeInput,
  type PlanInput,
  type PlanView,
  type SessionInput,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { SchedulingTestDatabase } from '../../test/scheduling-database';
import { AdmissionService } from '../admission/admission.service';
import { samplePlan } from '../plans/plan.fixture';
import { PlansService } from '../plans/plans.service';
import { PublicationService } from '../plans/publication.service';
import { WorkingCalendarService } from '../working-calendar/working-calendar.service';
import { OpenDayChangesService } from './open-day-changes.service';

const water: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'water-affairs-bureau' };
const tax: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'tax-bureau' };
const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };

/** The open day is on Fri 20 Nov 2026; the last on-time filing date for it (5 working days) is Fri 13 Nov. */
const EVENT_DATE = '2026-11-20';
/** Tests that issue a few dozen tickets through admission's handlers, one transaction each. */
const TICKETS_TIMEOUT_MS = 30_000;

describe('changes to a published open day on PostgreSQL', () => {
  const database = new SchedulingTestDatabase();
  let dataSource: DataSource;
  let clock: ManualClock;
  let plans: PlansService;
  let publication: PublicationService;
  let admission: AdmissionService;
  let changes: OpenDayChangesService;

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    dataSource = await database.start('scheduling_open_day_changes');
    clock = new ManualClock(new Date('2026-11-05T09:00:00+08:00'));
    const outbox = new Outbox(testNamespace());
    const calendar = new WorkingCalendarService(dataSource, outbox, clock);
    plans = new PlansService(dataSource, outbox, clock, calendar);
    publication = new PublicationService(dataSource, outbox, clock);
    admission = new AdmissionService(outbox, clock);
    changes = new OpenDayChangesService(dataSource, outbox, clock, calendar, admission);
  });
  afterAll(() => database.stop());

  /** A plan for EVENT_DATE (30 places, quotas for 20), filed, approved and published on 7 Nov, and known to admission. */
  async function publishedPlan(capacity = 30): Promise<PlanView> {
    clock.set('2026-11-05T09:00:00+08:00');
    const input: PlanInput = samplePlan(EVENT_DATE);
    input.sessions[0].capacity = capacity;
    const plan = await plans.create(water, input);
    await plans.submit(water, plan.id);
    await plans.approve(cityOffice, plan.id);
    clock.set('2026-11-07T10:00:00+08:00');
    await publication.publishDue();
    const published = await plans.get(water, plan.id);
    const [event] = await outboxRows(published.openDayId!, OpenDayPublishedV2.contract.type);
    await dataSource.transaction((manager) => admission.openDayPublished(manager, event.data as unknown as OpenDayPublishedV2));
    return published;
  }

  /** Tickets issued to `n` selected people of the session, through admission's own handlers; their ids in issue order. */
  async function issueTickets(openDayId: string, sessionId: string, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const applicationId = randomUUID();
      const personId = randomUUID();
      const ref = { applicationId, personId, openDayId };
      await dataSource.transaction(async (manager) => {
        await admission.applicationSubmitted(manager, { ...ApplicationSubmittedV1.contract.definition.example, ...ref, sessionId });
        await admission.contactDetailsRecorded(manager, { ...ContactDetailsRecordedV1.contract.definition.example, ...ref, applicantUserId: randomUUID() });
        await admission.applicationSelected(manager, { ...ApplicationSelectedV1.contract.definition.example, ...ref, sessionId, promotion: null });
      });
      const [{ id }] = await dataSource.query(`SELECT id FROM tickets WHERE person_id = $1`, [personId]);
      ids.push(id);
    }
    return ids;
  }

  async function outboxRows(aggregateId: string, eventType?: string): Promise<Array<{ event_type: string; aggregate_id: string; data: Record<string, unknown> }>> {
    const rows: Array<{ event_type: string; aggregate_id: string; payload: { data: Record<string, unknown> } }> = await dataSource.query(
      `SELECT event_type, aggregate_id, payload FROM outbox WHERE aggregate_id = $1 ${eventType ? 'AND event_type = $2' : ''} ORDER BY seq`,
      eventType ? [aggregateId, eventType] : [aggregateId],
    );
    return rows.map((row) => ({ event_type: row.event_type, aggregate_id: row.aggregate_id, data: row.payload.data }));
  }

  function sessionsOf(plan: PlanView): SessionInput[] {
    return structuredClone(plan.sessions).map((s) => ({ ...s, agenda: s.agenda.map((a) => ({ ...a, venue: a.venue ?? undefined })) }));
  }

  const afternoonOf = (plan: PlanView): SessionInput[] =>
    sessionsOf(plan).map((s) => ({ ...s, startsAt: '14:00', endsAt: '16:30', agenda: [{ startsAt: '14:00', endsAt: '16:30', activity: '参观与座谈', venue: '第一水厂' }] }));

  const extraSession = (date: string): SessionInput => ({ date, startsAt: '09:00', endsAt: '11:30', capacity: 20, agenda: [{ startsAt: '09:00', endsAt: '11:30', activity: '参观与座谈' }] });

  it('files a change, keeps the open day as it is until the city office approves, then applies it with v2 before v1', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-12T10:00:00+08:00');
    const change: OpenDayChangeInput = {
      sessions: [...afternoonOf(plan), extraSession('2026-11-27')],
      eligibility: { minAge: 16, maxAge: null, districts: ['gulou'] },
      reason: '上午水厂检修，改为下午举行，并加开一场',
    };
    await expect(changes.file(tax, plan.id, change)).rejects.toMatchObject({ status: 404 });
    await expect(changes.file(cityOffice, plan.id, change)).rejects.toMatchObject({ status: 403 });

    const filed = await changes.file(water, plan.id, change);
    expect(filed).toMatchObject({
      planId: plan.id,
      openDayId: plan.openDayId,
      agencyId: 'water-affairs-bureau',
      status: 'submitted',
      review: 'required',
      changedFields: ['sessions', 'eligibility'],
      releasedTicketIds: [],
      comments: null,
      submittedAt: '2026-11-12T02:00:00.000Z',
      decidedAt: null,
      decidedBy: null,
    });
    expect(filed.before.sessions).toEqual(plan.sessions);
    expect(filed.after.sessions.map((s) => [s.date, s.startsAt])).toEqual([[EVENT_DATE, '14:00'], ['2026-11-27', '09:00']]);
    expect(filed.after.eligibility).toEqual({ minAge: 16, maxAge: null, districts: ['gulou'] });
    expect((await plans.get(water, plan.id)).sessions).toEqual(plan.sessions);
    expect(await outboxRows(plan.openDayId!, OpenDayChangedV2.contract.type)).toEqual([]);
    expect((await plans.history(water, plan.id)).at(-1)).toMatchObject({ action: 'change-filed', comments: change.reason, details: { changeId: filed.id } });
    expect((await outboxRows(plan.openDayId!, OpenDayChangeFiledV1.contract.type)).map((e) => e.data)).toEqual([
      {
        changeId: filed.id,
        planId: plan.id,
        openDayId: plan.openDayId,
        agencyId: 'water-affairs-bureau',
        title: plan.title,
        changedFields: ['sessions', 'eligibility'],
        reason: change.reason,
        filedAt: '2026-11-12T02:00:00.000Z',
      },
    ]);

    expect((await changes.list(cityOffice, { status: 'submitted' })).items.map((c) => c.id)).toContain(filed.id);
    expect((await changes.list(tax, {})).items).toEqual([]);
    await expect(changes.listForPlan(tax, plan.id)).rejects.toMatchObject({ status: 404 });
    expect((await changes.listForPlan(water, plan.id)).items).toEqual([filed]);

    clock.set('2026-11-13T09:00:00+08:00');
    await expect(changes.approve(water, filed.id)).rejects.toMatchObject({ status: 403 });
    const applied = await changes.approve(cityOffice, filed.id, '同意变更');
    expect(applied).toMatchObject({ status: 'applied', comments: '同意变更', decidedAt: '2026-11-13T01:00:00.000Z', decidedBy: cityOffice.userId });
    await expect(changes.approve(cityOffice, filed.id)).rejects.toMatchObject({ status: 409 });

    const after = await plans.get(water, plan.id);
    expect(after.sessions.map((s) => [s.id, s.date, s.startsAt])).toEqual([
      [plan.sessions[0].id, EVENT_DATE, '14:00'],
      [applied.after.sessions[1].id, '2026-11-27', '09:00'],
    ]);
    expect(after.eligibility).toEqual({ minAge: 16, maxAge: null, districts: ['gulou'] });

    const events = (await outboxRows(plan.openDayId!)).filter((e) => e.event_type.includes('open-day-changed'));
    expect(events.map((e) => e.event_type)).toEqual([OpenDayChangedV2.contract.type, OpenDayChangedV1.contract.type]);
    expect(events[0].data).toMatchObject({
      changedFields: ['sessions', 'eligibility'],
      removedSessionIds: [],
      releases: [],
      review: 'approved-by-city-office',
      eligibility: { minAge: 16, maxAge: null, districts: ['gulou'] },
      reason: change.reason,
      changedAt: '2026-11-13T01:00:00.000Z',
    });
    expect(events[1].data).toMatchObject({ changedFields: ['sessions'], reason: change.reason });
    const [row] = await dataSource.query(`SELECT end_date::text, districts, details->'eligibility' AS eligibility, changed_at FROM open_days WHERE id = $1`, [plan.openDayId]);
    expect(row).toMatchObject({ end_date: '2026-11-27', districts: ['gulou'], eligibility: { minAge: 16, maxAge: null, districts: ['gulou'] } });
    expect((await plans.history(water, plan.id)).at(-1)).toMatchObject({ action: 'changed', actor: { userId: cityOffice.userId }, details: { changeId: filed.id, review: 'approved-by-city-office' } });
  });

  it('returns a change with comments and leaves the open day as it was; the agency may file again', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-12T10:00:00+08:00');
    const filed = await changes.file(water, plan.id, { assemblyPoint: '水厂南门', reason: '北门施工' });
    await expect(changes.returnChange(water, filed.id, '请说明')).rejects.toMatchObject({ status: 403 });
    const returned = await changes.returnChange(cityOffice, filed.id, '请补充南门的停车说明。');
    expect(returned).toMatchObject({ status: 'returned', comments: '请补充南门的停车说明。', decidedBy: cityOffice.userId });
    await expect(changes.approve(cityOffice, filed.id)).rejects.toMatchObject({ status: 409 });
    expect((await plans.get(water, plan.id)).assemblyPoint).toBe(plan.assemblyPoint);
    expect((await plans.history(water, plan.id)).at(-1)).toMatchObject({ action: 'change-returned', comments: '请补充南门的停车说明。' });
    expect((await outboxRows(plan.openDayId!, OpenDayChangeReturnedV1.contract.type)).map((e) => e.data)).toEqual([
      {
        changeId: filed.id,
        planId: plan.id,
        openDayId: plan.openDayId,
        agencyId: 'water-affairs-bureau',
        title: plan.title,
        changedFields: ['assemblyPoint'],
        comments: '请补充南门的停车说明。',
        returnedAt: returned.decidedAt,
      },
    ]);
    expect(await outboxRows(plan.openDayId!, OpenDayChangedV2.contract.type)).toEqual([]);
    const again = await changes.file(water, plan.id, { assemblyPoint: '水厂南门（停车场入口）', reason: '北门施工' });
    expect(again).toMatchObject({ status: 'submitted' });

    // Cancelled while the change waits: it cannot take effect, and the city office can still clear it.
    await plans.cancelOpenDay(water, plan.id, '受台风影响取消');
    await expect(changes.approve(cityOffice, again.id)).rejects.toMatchObject({ status: 409 });
    expect(await changes.returnChange(cityOffice, again.id, '开放日已取消')).toMatchObject({ status: 'returned' });
  });

  it('applies a change of notices at once, unreviewed, with v2 only, even while another change waits', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-12T10:00:00+08:00');
    const venues = [
      { name: '第一水厂', address: '滨江路 1 号' },
      { name: '水质监测中心', address: '滨江路 19 号（新址）' },
    ];
    const waiting = await changes.file(water, plan.id, { venues, reason: '监测中心搬迁' });
    const notices = ['请携带本人身份证原件', '请穿平底鞋'];
    const applied = await changes.file(water, plan.id, { notices, reason: '补充着装提示' });
    expect(applied).toMatchObject({ status: 'applied', review: 'not-required', changedFields: ['notices'], decidedBy: null, decidedAt: '2026-11-12T02:00:00.000Z' });
    expect((await plans.get(water, plan.id)).notices).toEqual(notices);
    const events = (await outboxRows(plan.openDayId!)).filter((e) => e.event_type.includes('open-day-changed'));
    expect(events.map((e) => e.event_type)).toEqual([OpenDayChangedV2.contract.type]);
    expect(events[0].data).toMatchObject({ changedFields: ['notices'], notices, review: 'not-required' });
    const [row] = await dataSource.query(`SELECT details->'notices' AS notices FROM open_days WHERE id = $1`, [plan.openDayId]);
    expect(row.notices).toEqual(notices);
    await dataSource.transaction((manager) => admission.openDayNoticesChanged(manager, events[0].data as unknown as OpenDayChangedV2));
    const [copy] = await dataSource.query(`SELECT notices FROM admission_open_days WHERE id = $1`, [plan.openDayId]);
    expect(copy.notices).toEqual(notices);

    // The waiting change applies its venues only: the notices corrected meanwhile stay.
    await changes.approve(cityOffice, waiting.id);
    expect(await plans.get(water, plan.id)).toMatchObject({ notices, venues });
  });

  it('keeps one change waiting per open day (409 changePending) and refuses a change that changes nothing', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-12T10:00:00+08:00');
    await changes.file(water, plan.id, { assemblyPoint: '水厂南门', reason: '北门施工' });
    await expect(changes.file(water, plan.id, { sessions: afternoonOf(plan), reason: '改到下午' })).rejects.toMatchObject({
      status: 409,
      problem: { errors: [expect.objectContaining({ rule: 'changePending' })] },
    });
    await expect(changes.file(water, plan.id, { notices: plan.notices, reason: '无' })).rejects.toMatchObject({
      status: 400,
      problem: { errors: [expect.objectContaining({ rule: 'nothingChanged' })] },
    });
  });

  it('refuses a change filed too late for what it changes (422 changeLeadTime)', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-19T10:00:00+08:00');
    await expect(changes.file(water, plan.id, { sessions: [...sessionsOf(plan), extraSession('2026-11-24')], reason: '加开一场' })).rejects.toMatchObject({
      status: 422,
      problem: { errors: [expect.objectContaining({ field: 'sessions[1].date', rule: 'changeLeadTime', message: expect.stringContaining('2026-11-17') })] },
    });
    clock.set('2026-11-20T07:00:00+08:00');
    await expect(changes.file(water, plan.id, { sessions: afternoonOf(plan), reason: '改到下午' })).rejects.toMatchObject({
      status: 422,
      problem: { errors: [expect.objectContaining({ field: 'sessions[0].date', rule: 'changeLeadTime' })] },
    });
    expect((await changes.listForPlan(water, plan.id)).items).toEqual([]);
  });

  it('refuses a capacity below the places taken, and with enough people named revokes their tickets after open-day-changed', async () => {
    const plan = await publishedPlan(30);
    const sessionId = plan.sessions[0].id;
    const tickets = await issueTickets(plan.openDayId!, sessionId, 22);
    clock.set('2026-11-12T10:00:00+08:00');
    const lowered = sessionsOf(plan).map((s) => ({ ...s, capacity: 20 }));

    await expect(changes.file(water, plan.id, { sessions: lowered, reason: '场地缩小' })).rejects.toMatchObject({
      status: 422,
      problem: {
        errors: [
          {
            field: 'sessions[0].capacity',
            rule: 'capacityBelowPlacesTaken',
            message: '22 places are taken in session 1; for a capacity of 20 name 2 more selected people to leave (releasedTicketIds)',
          },
        ],
      },
    });
    await expect(changes.file(water, plan.id, { sessions: lowered, releasedTicketIds: [tickets[0], randomUUID()], reason: '场地缩小' })).rejects.toMatchObject({
      status: 422,
      problem: { errors: [expect.objectContaining({ field: 'releasedTicketIds[1]', rule: 'releasableTicket' }), expect.objectContaining({ rule: 'capacityBelowPlacesTaken' })] },
    });

    const released = [tickets[20], tickets[21]];
    const filed = await changes.file(water, plan.id, { sessions: lowered, releasedTicketIds: released, reason: '场地缩小，最后两位改期参加' });
    expect(filed).toMatchObject({ status: 'submitted', releasedTicketIds: released });
    const [{ issued }] = await dataSource.query(`SELECT count(*)::int AS issued FROM tickets WHERE session_id = $1 AND status = 'issued'`, [sessionId]);
    expect(issued).toBe(22);

    await changes.approve(cityOffice, filed.id);
    const revoked = await dataSource.query(`SELECT id, revocation_reason, revocation_note, revoked_by FROM tickets WHERE status = 'revoked' AND session_id = $1 ORDER BY seq`, [sessionId]);
    expect(revoked).toEqual(released.map((id) => ({ id, revocation_reason: 'revoked-by-staff', revocation_note: '场地缩小，最后两位改期参加', revoked_by: water.userId })));

    const [change] = await outboxRows(plan.openDayId!, OpenDayChangedV2.contract.type);
    const people = await dataSource.query(`SELECT session_id AS "sessionId", person_id AS "personId", application_id AS "applicationId" FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY seq`, [released]);
    expect(change.data).toMatchObject({ changedFields: ['sessions'], releases: people, sessions: [expect.objectContaining({ sessionId, capacity: 20 })] });
    const order: Array<{ event_type: string; aggregate_id: string }> = await dataSource.query(
      `SELECT event_type, aggregate_id FROM outbox WHERE (aggregate_id = $1 AND event_type LIKE '%open-day-changed%') OR (aggregate_id = ANY($2::text[]) AND event_type = $3) ORDER BY seq`,
      [plan.openDayId, released, TicketRevokedV1.contract.type],
    );
    expect(order.map((e) => e.event_type)).toEqual([OpenDayChangedV2.contract.type, OpenDayChangedV1.contract.type, TicketRevokedV1.contract.type, TicketRevokedV1.contract.type]);
  }, TICKETS_TIMEOUT_MS);

  it('checks again at approval: too late now (422), or more places taken since filing (409)', async () => {
    const late = await publishedPlan();
    clock.set('2026-11-12T10:00:00+08:00');
    const newSession = await changes.file(water, late.id, { sessions: [...sessionsOf(late), extraSession('2026-11-19')], reason: '加开一场' });
    clock.set('2026-11-13T10:00:00+08:00');
    await expect(changes.approve(cityOffice, newSession.id)).rejects.toMatchObject({
      status: 422,
      problem: { errors: [expect.objectContaining({ field: 'sessions[1].date', rule: 'changeLeadTime' })] },
    });
    expect((await plans.get(water, late.id)).sessions).toHaveLength(1);

    const full = await publishedPlan(30);
    await issueTickets(full.openDayId!, full.sessions[0].id, 22);
    clock.set('2026-11-12T10:00:00+08:00');
    const filed = await changes.file(water, full.id, { sessions: sessionsOf(full).map((s) => ({ ...s, capacity: 22 })), reason: '场地缩小' });
    await issueTickets(full.openDayId!, full.sessions[0].id, 1);
    await expect(changes.approve(cityOffice, filed.id)).rejects.toMatchObject({
      status: 409,
      problem: { errors: [expect.objectContaining({ field: 'sessions[0].capacity', rule: 'capacityBelowPlacesTaken' })] },
    });
    expect(await changes.returnChange(cityOffice, filed.id, '已报名人数超过新名额')).toMatchObject({ status: 'returned' });
  }, TICKETS_TIMEOUT_MS);

  it('files a change of a session’s media places for review, and applies it to the session', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-12T10:00:00+08:00');
    const filed = await changes.file(water, plan.id, { sessions: sessionsOf(plan).map((s) => ({ ...s, mediaPlaces: 4 })), reason: '增加媒体名额' });
    expect(filed).toMatchObject({ status: 'submitted', review: 'required', changedFields: ['sessions'] });
    expect(filed.before.sessions[0].mediaPlaces).toBe(0);
    expect(filed.after.sessions[0]).toMatchObject({ id: plan.sessions[0].id, mediaPlaces: 4 });
    await changes.approve(cityOffice, filed.id);
    expect((await plans.get(water, plan.id)).sessions[0]).toMatchObject({ id: plan.sessions[0].id, capacity: 30, mediaPlaces: 4 });
    const [v2] = await outboxRows(plan.openDayId!, OpenDayChangedV2.contract.type);
    expect(v2.data.sessions).toEqual([expect.objectContaining({ sessionId: plan.sessions[0].id, capacity: 30, mediaPlaces: 4 })]);
    const [v1] = await outboxRows(plan.openDayId!, OpenDayChangedV1.contract.type);
    expect((v1.data.sessions as object[])[0]).not.toHaveProperty('mediaPlaces');
  });

  it('names a removed session in removedSessionIds', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-05T10:00:00+08:00');
    const two = await changes.file(water, plan.id, { sessions: [...sessionsOf(plan), extraSession('2026-11-27')], reason: '加开一场' });
    await changes.approve(cityOffice, two.id);
    const withTwo = await plans.get(water, plan.id);
    clock.set('2026-11-12T10:00:00+08:00');
    const one = await changes.file(water, plan.id, { sessions: sessionsOf(withTwo).slice(0, 1), reason: '取消第二场' });
    await changes.approve(cityOffice, one.id);
    const events = await outboxRows(plan.openDayId!, OpenDayChangedV2.contract.type);
    expect(events.at(-1)!.data).toMatchObject({ removedSessionIds: [withTwo.sessions[1].id], sessions: [expect.objectContaining({ sessionId: plan.sessions[0].id })] });
  });

  it('pages the city office’s list: waiting changes oldest first, the others newest first', async () => {
    const plan = await publishedPlan();
    clock.set('2026-11-12T11:00:00+08:00');
    await changes.file(water, plan.id, { assemblyPoint: '水厂东门', reason: '北门施工' });
    async function all(query: { status?: 'submitted' }): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await changes.list(cityOffice, { ...query, limit: 2, cursor });
        seen.push(...page.items.map((c) => c.submittedAt));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    }
    const waiting = await all({ status: 'submitted' });
    expect(waiting.length).toBeGreaterThan(2);
    expect(waiting).toEqual([...waiting].sort());
    const everything = await all({});
    expect(everything).toEqual([...everything].sort().reverse());
    expect(everything.length).toBeGreaterThan(waiting.length);
    await expect(changes.list(cityOffice, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400, problem: { errors: [expect.objectContaining({ field: 'cursor' })] } });
    expect((await changes.list(water, { agencyId: 'tax-bureau' })).items).toEqual([]);
  });
});
