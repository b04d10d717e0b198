import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationSelectedV1, ApplicationSubmittedV1, type Actor, type PlanInput } from '@openday/contracts';
import { registrationState, type RegistrationState } from '@openday/domain';
import { MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { createTestDatabase, testInfrastructure, testNamespace, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { AdmissionService } from '../admission/admission.service';
import { ManualClock } from '@openday/platform';
import { samplePlan } from '../plans/plan.fixture';
import { PlansService } from '../plans/plans.service';
import { PublicationService } from '../plans/publication.service';
import { schedulingDatabase } from '../scheduling.database';
import { WorkingCalendarService } from '../working-calendar/working-calendar.service';
import { listingConditions } from './listing-query';
import { PublicListingService } from './public-listing.service';

const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };
const staffOf = (agencyId: string): Actor => ({ userId: randomUUID(), role: 'agency-staff', agencyId });

describe('PublicListingService on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let clock: ManualClock;
  let listing: PublicListingService;
  const ids: Record<string, string> = {};

  /** Files, approves and publishes a plan the way agencies and the city office do. */
  async function publish(key: string, agencyId: string, input: PlanInput): Promise<void> {
    const outbox = new Outbox(testNamespace());
    const calendar = new WorkingCalendarService(dataSource, outbox, clock);
    const plans = new PlansService(dataSource, outbox, clock, calendar);
    const staff = staffOf(agencyId);
    clock.set('2026-09-21T09:00:00+08:00');
    const plan = await plans.create(staff, input);
    await plans.submit(staff, plan.id);
    await plans.approve(cityOffice, plan.id);
    clock.set(input.publishAt);
    await new PublicationService(dataSource, outbox, clock).publishDue();
    ids[key] = (await plans.get(staff, plan.id)).openDayId!;
  }

  function variant(eventDate: string, change: (plan: PlanInput) => void, publishDaysBefore = 13): PlanInput {
    const plan = samplePlan(eventDate, { publishDaysBefore });
    change(plan);
    return plan;
  }

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'scheduling_listing');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...schedulingDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    clock = new ManualClock(new Date('2026-09-21T09:00:00+08:00'));
    listing = new PublicListingService(dataSource, clock, new WorkingCalendarService(dataSource, new Outbox(testNamespace()), clock));

    await publish('water', 'water-affairs-bureau', samplePlan('2026-10-12'));
    await publish('court', 'intermediate-court', variant('2026-10-15', (p) => {
      p.title = '走进法院：旁听庭审';
      p.theme = '旁听一次民事案件庭审，与法官座谈司法公开';
      p.forms = ['meeting', 'forum'];
      p.venues = [{ name: '第三审判庭', address: '法院路 2 号' }];
      p.sessions[0].agenda.forEach((item) => delete item.venue);
      p.eligibility.districts = [];
      p.selectionMode = 'first-come';
    }));
    await publish('tax', 'tax-bureau', variant('2026-11-06', (p) => {
      p.title = '税务服务体验日';
      p.theme = '体验电子税务局办税流程，听取纳税人意见';
      p.forms = ['observation'];
      p.venues = [{ name: '办税服务厅', address: '中山路 8 号' }];
      p.sessions[0].agenda.forEach((item) => delete item.venue);
      p.eligibility.districts = ['cangshan'];
      p.sessions.push({ ...structuredClone(p.sessions[0]), date: '2026-11-07' });
    }, 40));
    // An open day the walking slice published before every open day went through filing: no plan behind it.
    ids.slice = randomUUID();
    await dataSource.query(`INSERT INTO open_days (id, title, agency_id, date, published_at) VALUES ($1, '走进档案馆', 'archives', '2026-10-20', now())`, [ids.slice]);
    clock.set('2026-10-08T12:00:00+08:00');
  }, 60_000);
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  const titles = async (query: Parameters<PublicListingService['list']>[0]) => (await listing.list(query)).items.map((d) => d.id);

  it('lists every published open day soonest first, the walking slice’s too', async () => {
    expect(await titles({})).toEqual([ids.water, ids.court, ids.slice, ids.tax]);
    const water = await listing.get(ids.water);
    expect(water).toMatchObject({
      status: 'published',
      agencyId: 'water-affairs-bureau',
      forms: ['site-visit', 'forum'],
      date: '2026-10-12',
      endDate: '2026-10-12',
      assemblyPoint: '市民中心北门',
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      openForApplications: true,
      selectionMode: 'lottery',
      notices: ['请携带本人身份证原件', '着装得体，遵守参观纪律'],
    });
    expect(water.sessions[0]).toMatchObject({ date: '2026-10-12', startsAt: '09:00', agenda: expect.arrayContaining([expect.objectContaining({ activity: '参观水厂中控室' })]) });
    expect(await listing.get(ids.slice)).toMatchObject({ planId: null, title: '走进档案馆', sessions: [], openForApplications: false });
    await expect(listing.get(randomUUID())).rejects.toMatchObject({ status: 404 });
  });

  it.each<[string, Parameters<PublicListingService['list']>[0], string[]]>([
    ['an agency', { agencyId: 'intermediate-court' }, ['court']],
    ['a date range', { from: '2026-10-13', to: '2026-10-31' }, ['court', 'slice']],
    ['a range touching only a later session', { from: '2026-11-07', to: '2026-11-07' }, ['tax']],
    ['a form', { form: 'forum' }, ['water', 'court']],
    ['a district (open-to-all included)', { district: 'cangshan' }, ['court', 'slice', 'tax']],
    ['open for applications now', { openNow: true }, ['water', 'court', 'tax']],
    ['a Chinese word from a title', { q: '自来水' }, ['water']],
    ['a Chinese word from a theme', { q: '庭审' }, ['court']],
    ['a two-character word', { q: '税务' }, ['tax']],
    ['a near miss of a title (场 typed for 厂)', { q: '走进自来水场' }, ['water']],
    ['combined filters', { form: 'forum', district: 'gulou', q: '水' }, ['water']],
    ['a search that matches nothing', { q: '动物园' }, []],
  ])('filters by %s', async (_label, query, expected) => {
    expect(await titles(query)).toEqual(expected.map((key) => ids[key]));
  });

  it('closes "open now" when the window closes', async () => {
    clock.set('2026-10-09T16:00:00+08:00');
    try {
      expect(await titles({ openNow: true })).toEqual([ids.court, ids.tax]);
    } finally {
      clock.set('2026-10-08T12:00:00+08:00');
    }
  });

  it('pages with a cursor and refuses one it did not issue', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listing.list({ limit: 1, cursor });
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([ids.water, ids.court, ids.slice, ids.tax]);
    await expect(listing.list({ cursor: 'bogus' })).rejects.toMatchObject({ status: 400 });
    await expect(listing.list({ from: '2026-11-01', to: '2026-10-01' })).rejects.toMatchObject({
      status: 400,
      problem: { errors: [expect.objectContaining({ field: 'to', rule: 'dateRangeOrder' })] },
    });
  });

  it('shows the city-wide calendar of a month: every day, working days and the open days on it', async () => {
    const october = await listing.cityCalendar({ month: '2026-10' });
    expect(october.days).toHaveLength(31);
    const day = (d: string) => october.days.find((x) => x.date === d)!;
    expect(day('2026-10-05')).toMatchObject({ workingDay: false, count: 0 });
    expect(day('2026-10-10')).toMatchObject({ workingDay: true, count: 0 });
    expect(day('2026-10-12')).toEqual({
      date: '2026-10-12',
      workingDay: true,
      count: 1,
      openDays: [{ id: ids.water, title: '走进自来水厂：从源头到龙头', agencyId: 'water-affairs-bureau', startsAt: '09:00', endsAt: '11:30' }],
    });
    expect(day('2026-10-20')).toMatchObject({ count: 1, openDays: [{ id: ids.slice, startsAt: null }] });
    const november = await listing.cityCalendar({ month: '2026-11' });
    expect(november.days.filter((d) => d.count > 0).map((d) => d.date)).toEqual(['2026-11-06', '2026-11-07']);
    expect((await listing.cityCalendar({ month: '2026-10', form: 'meeting' })).days.filter((d) => d.count).map((d) => d.date)).toEqual(['2026-10-15']);
    expect((await listing.cityCalendar({ month: '2027-01' })).days[0]).toMatchObject({ date: '2027-01-01', workingDay: null, count: 0 });
  });

  it('counts applications and selections per session and says how many places are left, by selection mode', async () => {
    const admission = new AdmissionService(new Outbox(testNamespace()), clock);
    const manager = dataSource.manager;
    /** One person applying for an open day's first session, as registration announces it; selected and withdrawn as vetting and registration do. */
    async function apply(key: string, outcome: { selected?: boolean; withdrawn?: boolean } = {}): Promise<void> {
      const openDayId = ids[key];
      const sessionId = (await listing.get(openDayId)).sessions[0].sessionId;
      const applicationId = randomUUID();
      const personId = randomUUID();
      await admission.applicationSubmitted(manager, { ...ApplicationSubmittedV1.contract.definition.example, applicationId, personId, openDayId, sessionId });
      if (outcome.selected) {
        await admission.applicationSelected(manager, {
          ...ApplicationSelectedV1.contract.definition.example,
          applicationId,
          personId,
          openDayId,
          sessionId,
          promotion: null,
        });
      }
      if (outcome.withdrawn) await admission.applicationWithdrawn(manager, applicationId, '2026-10-08T04:00:00.000Z');
    }
    // water is a lottery: applying takes no place; court is first-come: each selection does.
    await apply('water');
    await apply('water');
    await apply('water', { withdrawn: true });
    await apply('court', { selected: true });
    await apply('court', { selected: true });
    await apply('court', { selected: true, withdrawn: true });
    await apply('court');

    const water = await listing.get(ids.water);
    expect(water.sessions[0]).toMatchObject({ capacity: 20, applied: 2, selected: 0, placesLeft: 18 });
    expect(water).toMatchObject({ places: 20, applied: 2, selected: 0, placesLeft: 18 });
    const court = await listing.get(ids.court);
    expect(court.sessions[0]).toMatchObject({ capacity: 20, applied: 3, selected: 2, placesLeft: 18 });
    expect(court).toMatchObject({ places: 20, applied: 3, selected: 2, placesLeft: 18 });
    const tax = await listing.get(ids.tax);
    expect(tax.sessions.map((s) => [s.applied, s.placesLeft])).toEqual([[0, 20], [0, 20]]);
    expect(tax).toMatchObject({ places: 40, applied: 0, placesLeft: 40 });
    expect(await listing.get(ids.slice)).toMatchObject({ places: 0, applied: 0, selected: 0, placesLeft: null });

    const listed = (await listing.list({})).items.find((d) => d.id === ids.court)!;
    expect(listed).toMatchObject({ applied: 3, selected: 2, placesLeft: 18 });
  });

  it('leaves cancelled open days out of the listing and calendar, and says so on the day itself', async () => {
    const plans = new PlansService(dataSource, new Outbox(testNamespace()), clock, new WorkingCalendarService(dataSource, new Outbox(testNamespace()), clock));
    const [{ plan_id: planId }] = await dataSource.query('SELECT plan_id FROM open_days WHERE id = $1', [ids.court]);
    await plans.cancelOpenDay(staffOf('intermediate-court'), planId, '法庭装修');
    expect(await titles({})).not.toContain(ids.court);
    expect((await listing.cityCalendar({ month: '2026-10' })).days.find((d) => d.date === '2026-10-15')?.count).toBe(0);
    expect(await listing.get(ids.court)).toMatchObject({ status: 'cancelled', cancellationReason: '法庭装修', openForApplications: false });
  });

  /**
   * The listing filters "open now" in SQL (so the database pages it) while every other place asks
   * the domain's registrationState: on the same instants, PostgreSQL must agree with the domain.
   * Last in this file: its open days would otherwise show in the listings above.
   */
  describe("'open now' in SQL agrees with registrationState", () => {
    const OPENS_AT = new Date('2026-10-01T09:00:00+08:00');
    const CLOSES_AT = new Date('2026-10-08T17:00:00+08:00');
    const MS = 1;

    async function openDay(status: 'published' | 'cancelled', opensAt: Date | null, closesAt: Date | null): Promise<string> {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO open_days (id, title, agency_id, date, published_at, status, registration_opens_at, registration_closes_at)
         VALUES ($1, 'Open day', 'water-affairs-bureau', '2026-10-12', '2026-09-28T09:00:00+08:00', $2, $3, $4)`,
        [id, status, opensAt, closesAt],
      );
      return id;
    }

    async function listedAsOpen(id: string, now: Date): Promise<boolean> {
      const { where, params } = listingConditions({ openNow: true }, now, [id]);
      const rows = (await dataSource.query(`SELECT d.id FROM open_days d WHERE d.id = $1 AND ${where}`, params)) as unknown[];
      return rows.length === 1;
    }

    it.each<{ instant: string; now: Date; cancelled?: boolean; window?: false; state: RegistrationState }>([
      { instant: 'a week before it opens', now: new Date(OPENS_AT.getTime() - 7 * 86_400_000), state: 'upcoming' },
      { instant: 'a millisecond before it opens', now: new Date(OPENS_AT.getTime() - MS), state: 'upcoming' },
      { instant: 'the instant it opens', now: OPENS_AT, state: 'open' },
      { instant: 'a millisecond after it opens', now: new Date(OPENS_AT.getTime() + MS), state: 'open' },
      { instant: 'midway', now: new Date('2026-10-05T12:00:00+08:00'), state: 'open' },
      { instant: 'a millisecond before it closes', now: new Date(CLOSES_AT.getTime() - MS), state: 'open' },
      { instant: 'the instant it closes', now: CLOSES_AT, state: 'closed' },
      { instant: 'a day after it closed', now: new Date(CLOSES_AT.getTime() + 86_400_000), state: 'closed' },
      { instant: 'midway, the open day cancelled', now: new Date('2026-10-05T12:00:00+08:00'), cancelled: true, state: 'cancelled' },
      { instant: 'midway, no registration window', now: new Date('2026-10-05T12:00:00+08:00'), window: false, state: 'none' },
    ])('$instant: $state', async ({ now, cancelled = false, window = true, state }) => {
      const opensAt = window ? OPENS_AT : null;
      const closesAt = window ? CLOSES_AT : null;
      const id = await openDay(cancelled ? 'cancelled' : 'published', opensAt, closesAt);
      const domainState = registrationState({ opensAt, closesAt, cancelled }, now);
      expect(domainState).toBe(state);
      expect(await listedAsOpen(id, now)).toBe(domainState === 'open');
    });
  });
});
