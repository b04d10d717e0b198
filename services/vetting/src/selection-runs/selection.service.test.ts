import { allocate, officialCalendar, type Candidate } from '@openday/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ApplicationFlaggedV1,
  ApplicationRejectedV1,
  ApplicationRejectedV2,
  ApplicationSelectedV1,
  ApplicationSubmittedV1,
  ApplicationWaitlistedV1,
  ApplicationWaitlistedV2,
  LotteryCommittedV1,
  LotteryRevealedV1,
  OpenDayPublishedV2,
  OpenDayPublishedV3,
  PublicNoticePublishedV1,
  SelectionCompletedV1,
  type Actor,
  type ApplicantCategory,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { testNamespace } from '@openday/testing';
import { applicationFor, VettingTestDatabase } from '../../test/vetting-database';
import { ManualClock } from '@openday/platform';
import { AnswerDeadlineService } from '../answer-deadline/answer-deadline.service';
import { JointReviewService } from '../joint-review/joint-review.service';
import { SelectionQueries } from '../public-notice/selection-queries.service';
import { recordNoShow } from '../no-shows/no-show-register';
import { TimerService } from '../timers/timer.service';
import { ArrivalDecider } from '../first-come/arrival-decider';
import { SelectionGroupService } from './selection-group.service';
import { SelectionLedger } from './selection-ledger';
import { SelectionService } from './selection.service';
import { planOf, type OpenDayRecord } from './records';
import { committedSeed, entryListHash, LOTTERY_ALGORITHM_V1, LOTTERY_ALGORITHM_V2, lotteryCommitment } from '../selection/lottery';

/** The calendar copy as vetting holds it; a test may give it a year the city office adds. */
let calendarCopy = officialCalendar();
const OFFICIAL_CALENDAR = { current: async () => calendarCopy };

const SETTINGS = { mediaPlacesOutsideQuota: 2, noShowLookBackMonths: 12, parkedArrivalFlagAfterMinutes: 60, firstComeSettleMs: 0 };
const OPENS = '2026-11-20T00:00:00.000Z';
const CLOSES = '2026-11-26T08:00:00.000Z';
const EVENT_DATE = '2026-11-29';

const reviewer: Actor = { userId: randomUUID(), role: 'reviewer', agencyId: 'water-affairs-bureau' };
const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };
const finance: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'finance-bureau' };
const tax: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'tax-bureau' };


describe('vetting selection on PostgreSQL', () => {
  const database = new VettingTestDatabase();
  let dataSource: DataSource;
  let clock: ManualClock;
  let selection: SelectionService;
  let group: SelectionGroupService;
  let jointReview: JointReviewService;
  let queries: SelectionQueries;
  let timers: TimerService;
  let otherReplicaTimers: TimerService;
  let decider: ArrivalDecider;

  beforeAll(async () => {
    dataSource = await database.start('vetting_selection', 20);
    clock = new ManualClock(new Date('2026-11-21T09:00:00+08:00'));
    const outbox = new Outbox(testNamespace());
    const ledger = new SelectionLedger(outbox, clock);
    selection = new SelectionService(ledger, outbox, SETTINGS, OFFICIAL_CALENDAR);
    group = new SelectionGroupService(dataSource, ledger);
    jointReview = new JointReviewService(dataSource, ledger, selection);
    queries = new SelectionQueries(dataSource, ledger);
    const answers = new AnswerDeadlineService(ledger, outbox, OFFICIAL_CALENDAR);
    timers = new TimerService(dataSource, clock, selection, answers);
    decider = new ArrivalDecider(dataSource, selection, SETTINGS);
    otherReplicaTimers = new TimerService(dataSource, clock, new SelectionService(ledger, outbox, SETTINGS, OFFICIAL_CALENDAR), answers);
  }, 60_000);
  afterAll(() => database.stop());
  beforeEach(() => clock.set('2026-11-21T09:00:00+08:00'));

  async function publish(overrides: Partial<OpenDayPublishedV2> = {}, capacity = 20): Promise<OpenDayPublishedV2> {
    const data: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity }],
      registrationOpensAt: OPENS,
      registrationClosesAt: CLOSES,
      ...overrides,
    };
    await dataSource.transaction((manager) => selection.openDayPublished(manager, data));
    return data;
  }

  async function publishV3(overrides: Partial<OpenDayPublishedV3>): Promise<OpenDayPublishedV3> {
    const data: OpenDayPublishedV3 = {
      ...OpenDayPublishedV3.contract.definition.example,
      openDayId: randomUUID(),
      registrationOpensAt: OPENS,
      registrationClosesAt: CLOSES,
      ...overrides,
    };
    expect(OpenDayPublishedV3.contract.validate(data).valid).toBe(true);
    await dataSource.transaction((manager) => selection.openDayPublished(manager, data));
    return data;
  }

  function application(openDay: OpenDayPublishedV2, category: ApplicantCategory, overrides: Partial<ApplicationSubmittedV1> = {}): ApplicationSubmittedV1 {
    return applicationFor(openDay, { category, ...overrides });
  }

  function arrive(data: ApplicationSubmittedV1): Promise<void> {
    return dataSource.transaction((manager) => selection.applicationSubmitted(manager, data));
  }

  /** The application arrives and is decided (the settle window is 0 here) before the next comes. */
  async function submit(data: ApplicationSubmittedV1): Promise<void> {
    await arrive(data);
    await decider.decideSettled();
  }

  const events = <T>(type: string, openDayId: string) => database.events<T>(type, openDayId);

  async function openDayRecord(id: string): Promise<OpenDayRecord> {
    return (await new SelectionLedger(new Outbox(testNamespace()), clock).openDay(dataSource.manager, id))!;
  }

  async function secretOf(openDayId: string): Promise<string> {
    const [row] = (await dataSource.query(`SELECT secret FROM vetting_lottery_commitments WHERE open_day_id = $1`, [openDayId])) as Array<{ secret: string }>;
    return row.secret;
  }

  async function closeRegistration(): Promise<void> {
    clock.set('2026-11-26T16:00:01+08:00');
    await timers.fireDue();
  }

  const lotteryQuotas = [
    { category: 'ordinary-citizen' as const, places: 10 },
    { category: 'congress-deputy' as const, places: 5 },
    { category: 'party-member' as const, places: 5 },
  ];

  it('first come: 300 concurrent arrivals for 10 places → exactly 10 selected, in submission order, the rest waitlisted in order', async () => {
    const openDay = await publish({ selectionMode: 'first-come', quotas: [], minOrdinaryShare: 1 / 3, mediaOutsideQuota: true }, 10);
    const categories: ApplicantCategory[] = ['party-member', 'ordinary-citizen', 'congress-deputy'];
    const arrivals = Array.from({ length: 300 }, (_, i) => application(openDay, categories[i % 3]));
    const started = Date.now();
    await Promise.all([...arrivals].reverse().map(arrive));
    await decider.decideSettled();
    process.stdout.write(`first come: 300 concurrent arrivals decided in ${Date.now() - started} ms\n`);

    const rows = (await dataSource.query(`SELECT person_id AS id, category, status FROM vetting_applicants WHERE open_day_id = $1 ORDER BY arrival_sequence`, [
      openDay.openDayId,
    ])) as Array<{ id: string; category: ApplicantCategory; status: string }>;
    expect(rows).toHaveLength(300);
    const selectedNow = rows.filter((r) => r.status === 'selected');
    expect(selectedNow.length).toBeLessThanOrEqual(10);

    await closeRegistration();
    const plan = planOf(await openDayRecord(openDay.openDayId), { capacity: 10 }, SETTINGS.mediaPlacesOutsideQuota);
    const expected = allocate(plan, rows.map((r): Candidate => ({ applicationId: r.id, category: r.category })));
    const result = await queries.result(reviewer, openDay.openDayId);
    const session = result.sessions[0];
    expect(session.selected.map((a) => a.personId).sort()).toEqual(expected.selected.map((c) => c.applicationId).sort());
    expect(session.placesTaken).toBe(10);
    expect(session.selected.filter((a) => a.category === 'ordinary-citizen').length).toBeGreaterThanOrEqual(4);
    // In submission order: nobody selected was submitted after someone of the same category left waiting.
    for (const category of categories) {
      const ofCategory = rows.filter((r) => r.category === category);
      const firstWaiting = ofCategory.findIndex((r) => r.status !== 'selected');
      expect(ofCategory.slice(firstWaiting).some((r) => r.status === 'selected')).toBe(false);
    }
    expect(session.waitlisted.map((a) => a.waitlistPosition)).toEqual(Array.from({ length: 290 }, (_, i) => i + 1));
    expect(session.waitlisted.map((a) => a.arrivalSequence)).toEqual([...session.waitlisted.map((a) => a.arrivalSequence)].sort((a, b) => a - b));
    expect(await events(SelectionCompletedV1.contract.type, openDay.openDayId)).toHaveLength(1);
    expect(await events(ApplicationSelectedV1.contract.type, openDay.openDayId)).toHaveLength(10);
  }, 120_000);

  it.each([
    ['its session’s 3 media places (v3)', 3, 3],
    ['the setting’s 2 media places when published by v2', undefined, SETTINGS.mediaPlacesOutsideQuota],
  ])('first come, media outside the quota: selects up to %s on top of the capacity', async (_label, mediaPlaces, mediaSelected) => {
    const session = { sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 4 };
    const rules = { selectionMode: 'first-come' as const, quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: true };
    const openDay =
      mediaPlaces === undefined
        ? await publish({ ...rules, sessions: [session] })
        : await publishV3({ ...rules, sessions: [{ ...session, mediaPlaces }] });
    for (let i = 0; i < 5; i++) await submit(application(openDay, 'media'));
    for (let i = 0; i < 5; i++) await submit(application(openDay, 'ordinary-citizen'));

    const [row] = await dataSource.query(`SELECT media_places AS "mediaPlaces" FROM vetting_sessions WHERE id = $1`, [session.sessionId]);
    expect(row.mediaPlaces).toBe(mediaPlaces ?? null);
    const result = (await queries.result(reviewer, openDay.openDayId)).sessions[0];
    expect(result.selected.filter((a) => a.category === 'media')).toHaveLength(mediaSelected);
    expect(result.selected.filter((a) => a.category === 'ordinary-citizen')).toHaveLength(4);
  });

  it('lottery: 500 applicants for 20 places → exactly 20 drawn within the quotas and the one-third rule, reproducible from the seed', async () => {
    const openDay = await publish({ selectionMode: 'lottery', quotas: lotteryQuotas, minOrdinaryShare: 1 / 3, mediaOutsideQuota: true });
    const mix: ApplicantCategory[] = ['party-member', 'party-member', 'congress-deputy', 'ordinary-citizen', 'media', 'village-cadre'];
    const arrivals = Array.from({ length: 500 }, (_, i) =>
      application(openDay, mix[i % mix.length], i % 50 === 7 ? { district: 'elsewhere' } : i % 50 === 9 ? { birthDate: '2010-01-01' } : {}),
    );
    const started = Date.now();
    await Promise.all(arrivals.map(submit));
    process.stdout.write(`lottery: 500 concurrent applications screened in ${Date.now() - started} ms\n`);
    expect((await queries.result(reviewer, openDay.openDayId)).sessions[0].placesTaken).toBe(0);

    await closeRegistration();
    const [completed] = await events<SelectionCompletedV1>(SelectionCompletedV1.contract.type, openDay.openDayId);
    expect(completed).toMatchObject({ placesTaken: 20, ordinaryShareMet: true, shortfall: null, lottery: { seed: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const result = (await queries.result(reviewer, openDay.openDayId)).sessions[0];
    const count = (category: string) => result.selected.filter((a) => a.category === category).length;
    expect(result.selected.filter((a) => a.category !== 'media')).toHaveLength(20);
    expect(count('ordinary-citizen')).toBeGreaterThanOrEqual(7);
    expect(count('ordinary-citizen')).toBeLessThanOrEqual(10);
    expect(count('congress-deputy')).toBeLessThanOrEqual(5);
    expect(count('party-member')).toBeLessThanOrEqual(5);
    expect(count('village-cadre')).toBe(0);
    expect(count('media')).toBe(2);

    const rows = (await dataSource.query(`SELECT status, reason_code AS "reasonCode" FROM vetting_applicants WHERE open_day_id = $1`, [openDay.openDayId])) as Array<{
      status: string;
      reasonCode: string | null;
    }>;
    expect(rows.filter((r) => r.status === 'eligible')).toEqual([]);
    expect(rows.filter((r) => r.status === 'rejected').every((r) => r.reasonCode)).toBe(true);
    expect(new Set(rows.filter((r) => r.status === 'rejected').map((r) => r.reasonCode))).toEqual(
      new Set(['district-not-eligible', 'age-below-minimum', 'no-places-for-category']),
    );

    // Anyone can re-run the draw from the published seed and entries, in any order.
    const entries = [...completed.lottery!.drawnOrder].reverse();
    const rerun = queries.verifyLottery({ seed: completed.lottery!.seed, entryIds: entries });
    expect(rerun.drawnOrder).toEqual(completed.lottery!.drawnOrder);
    const categoryOf = new Map(arrivals.map((a) => [a.personId, a.category]));
    const replay = allocate(
      planOf(await openDayRecord(openDay.openDayId), { capacity: 20 }, SETTINGS.mediaPlacesOutsideQuota),
      rerun.drawnOrder.map((id) => ({ applicationId: id, category: categoryOf.get(id)! })),
    );
    expect(result.selected.map((a) => a.personId).sort()).toEqual([...replay.selected, ...replay.selectedOutsideQuota].map((c) => c.applicationId).sort());
    expect(await events(PublicNoticePublishedV1.contract.type, openDay.openDayId)).toHaveLength(1);

    // A selected person withdraws: the first waitlisted person who fits the quotas moves up (whoever the
    // random draw put ahead of them; waitlist.spec.ts shows those who do not fit being passed over).
    const leaving = result.selected.find((a) => a.category === 'congress-deputy')!;
    const firstFitting = result.waitlisted.find((a) => a.category === 'congress-deputy')!;
    await dataSource.transaction((manager) => selection.applicationWithdrawn(manager, leaving.applicationId, openDay.openDayId, clock.now()));
    const after = (await queries.result(reviewer, openDay.openDayId)).sessions[0];
    expect(after.selected.map((a) => a.personId)).toContain(firstFitting.personId);
    expect(after.selected.map((a) => a.personId)).not.toContain(leaving.personId);
    expect(after.placesTaken).toBe(20);
    const promoted = (await events<ApplicationSelectedV1>(ApplicationSelectedV1.contract.type, openDay.openDayId)).filter((e) => e.promotion);
    expect(promoted).toEqual([expect.objectContaining({ personId: firstFitting.personId, promotion: { cause: 'withdrawal', fromWaitlistPosition: firstFitting.waitlistPosition } })]);
    expect(await events(PublicNoticePublishedV1.contract.type, openDay.openDayId)).toHaveLength(2);
  }, 120_000);

  it('lottery recipe 2: the commitment is public before anyone applies; the notice reveals secret, entry-list hash and seed, and the draw re-runs from them', async () => {
    const openDay = await publish({ selectionMode: 'lottery', quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: false }, 3);
    const [committed] = await events<LotteryCommittedV1>(LotteryCommittedV1.contract.type, openDay.openDayId);
    expect(committed).toMatchObject({ recipe: 2, commitment: expect.stringMatching(/^[0-9a-f]{64}$/), committedAt: clock.now().toISOString() });
    const before = await queries.publicNotice(openDay.openDayId);
    expect(before.lotteryCommitment).toEqual({ recipe: 2, algorithm: LOTTERY_ALGORITHM_V2, commitment: committed.commitment, committedAt: committed.committedAt, secret: null });
    expect(before.sessions).toEqual([]);
    expect(JSON.stringify(await queries.result(reviewer, openDay.openDayId))).not.toContain(await secretOf(openDay.openDayId));

    // Publishing again (a re-publication, or a redelivery) commits nothing new.
    await dataSource.transaction((manager) => selection.openDayPublished(manager, openDay));
    expect(await events(LotteryCommittedV1.contract.type, openDay.openDayId)).toHaveLength(1);

    clock.set('2026-11-22T09:00:00+08:00');
    const arrivals = Array.from({ length: 8 }, () => application(openDay, 'ordinary-citizen'));
    for (const arrival of arrivals) await submit(arrival);
    await closeRegistration();

    const notice = await queries.publicNotice(openDay.openDayId);
    const draw = notice.sessions[0].lottery!;
    expect(notice.lotteryCommitment).toMatchObject({ commitment: committed.commitment, secret: draw.secret });
    expect(draw).toMatchObject({ recipe: 2, algorithm: LOTTERY_ALGORITHM_V2, commitment: committed.commitment, committedAt: committed.committedAt });
    // The recipe, from the notice's public values alone.
    expect(lotteryCommitment(draw.secret!)).toBe(committed.commitment);
    expect(entryListHash(draw.drawnOrder)).toBe(draw.entryListHash);
    expect(committedSeed(draw.secret!, draw.entryListHash!)).toBe(draw.seed);
    expect(queries.verifyLottery({ seed: draw.seed, entryIds: [...draw.drawnOrder].sort() }).drawnOrder).toEqual(draw.drawnOrder);
    expect([...draw.drawnOrder].sort()).toEqual(arrivals.map((a) => a.personId).sort());

    const [revealed] = await events<LotteryRevealedV1>(LotteryRevealedV1.contract.type, openDay.openDayId);
    expect(revealed).toEqual({
      openDayId: openDay.openDayId,
      sessionId: openDay.sessions[0].sessionId,
      recipe: 2,
      commitment: committed.commitment,
      committedAt: committed.committedAt,
      secret: draw.secret,
      entryListHash: draw.entryListHash,
      seed: draw.seed,
      entries: 8,
      revealedAt: clock.now().toISOString(),
    });
    const [completed] = await events<SelectionCompletedV1>(SelectionCompletedV1.contract.type, openDay.openDayId);
    expect(completed.lottery).toEqual({ seed: draw.seed, algorithm: LOTTERY_ALGORITHM_V2, drawnOrder: draw.drawnOrder });
  });

  it('lottery recipe 2: a changed secret is refused by the database, and one changed with its commitment no longer matches the published commitment', async () => {
    const openDay = await publish({ selectionMode: 'lottery', quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: false }, 1);
    const [committed] = await events<LotteryCommittedV1>(LotteryCommittedV1.contract.type, openDay.openDayId);
    const other = '0'.repeat(64);
    await expect(dataSource.query(`UPDATE vetting_lottery_commitments SET secret = $2 WHERE open_day_id = $1`, [openDay.openDayId, other])).rejects.toThrow(/check constraint/);

    await dataSource.query(`UPDATE vetting_lottery_commitments SET secret = $2, commitment = $3 WHERE open_day_id = $1`, [openDay.openDayId, other, lotteryCommitment(other)]);
    await submit(application(openDay, 'ordinary-citizen'));
    await closeRegistration();
    const draw = (await queries.publicNotice(openDay.openDayId)).sessions[0].lottery!;
    expect(draw.secret).toBe(other);
    expect(committedSeed(draw.secret!, draw.entryListHash!)).toBe(draw.seed);
    // Whoever kept the commitment published before registration opened sees the swap.
    expect(lotteryCommitment(draw.secret!)).not.toBe(committed.commitment);
  });

  it('lottery recipe 1: an open day vetting knew before commitments draws a fresh seed at the close and still publishes what re-runs it', async () => {
    const openDay = await publish({ selectionMode: 'lottery', quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: false }, 2);
    await dataSource.query(`DELETE FROM vetting_lottery_commitments WHERE open_day_id = $1`, [openDay.openDayId]);
    for (let i = 0; i < 3; i += 1) await submit(application(openDay, 'ordinary-citizen'));
    await closeRegistration();
    const notice = await queries.publicNotice(openDay.openDayId);
    const draw = notice.sessions[0].lottery!;
    expect(notice.lotteryCommitment).toBeNull();
    expect(draw).toMatchObject({ recipe: 1, algorithm: LOTTERY_ALGORITHM_V1, commitment: null, committedAt: null, secret: null, entryListHash: null });
    expect(queries.verifyLottery({ seed: draw.seed, entryIds: [...draw.drawnOrder].reverse() }).drawnOrder).toEqual(draw.drawnOrder);
    expect(await events(LotteryRevealedV1.contract.type, openDay.openDayId)).toEqual([]);
  });

  it('takes a reapplication that overtakes its withdrawal (another stream): the earlier application leaves, its place goes on', async () => {
    const openDay = await publish({ selectionMode: 'first-come', quotas: [], minOrdinaryShare: 0 }, 1);
    const first = application(openDay, 'ordinary-citizen');
    await submit(first);
    const waiting = application(openDay, 'ordinary-citizen');
    await submit(waiting);
    const again = application(openDay, 'ordinary-citizen', { personKey: first.personKey });
    await submit(again);
    const page = await queries.listApplicants(reviewer, openDay.openDayId, {});
    expect(page.items.map((a) => [a.personId, a.status])).toEqual([
      [first.personId, 'withdrawn'],
      [waiting.personId, 'selected'],
      [again.personId, 'waitlisted'],
    ]);
    // The withdrawal arriving afterwards changes nothing.
    await dataSource.transaction((manager) => selection.applicationWithdrawn(manager, first.applicationId, openDay.openDayId, new Date()));
    expect((await queries.listApplicants(reviewer, openDay.openDayId, {})).items.map((a) => a.status)).toEqual(['withdrawn', 'selected', 'waitlisted']);
  });

  it('screens age on the session date, district, duplicates and the no-show register, with reason codes', async () => {
    const openDay = await publish({ selectionMode: 'lottery' });
    const first = application(openDay, 'ordinary-citizen');
    await submit(first);
    // A stale submission of the same person (replayed after a newer one) is the duplicate.
    await submit(application(openDay, 'ordinary-citizen', { personKey: first.personKey, arrivalSequence: first.arrivalSequence - 1 }));
    await submit(application(openDay, 'ordinary-citizen', { birthDate: '2008-11-30' }));
    await submit(application(openDay, 'ordinary-citizen', { birthDate: '2008-11-29' }));
    const noShow = application(openDay, 'ordinary-citizen');
    await dataSource.transaction((manager) => recordNoShow(manager, { personKey: noShow.personKey, eventDate: '2026-06-01' }));
    await submit(noShow);
    await submit(application(openDay, 'ordinary-citizen', { district: 'cangshan' }));
    const page = await queries.listApplicants(reviewer, openDay.openDayId, {});
    expect(page.items.map((a) => [a.status, a.reasonCode])).toEqual([
      ['eligible', null],
      ['rejected', 'duplicate-application'],
      ['rejected', 'age-below-minimum'],
      ['eligible', null],
      ['rejected', 'no-show-record'],
      ['rejected', 'district-not-eligible'],
    ]);
    expect((await events<ApplicationRejectedV1>(ApplicationRejectedV1.contract.type, openDay.openDayId)).map((e) => e.reasonCode)).toHaveLength(4);
    await expect(queries.listApplicants({ ...reviewer, agencyId: 'tax-bureau' }, openDay.openDayId, {})).rejects.toMatchObject({ status: 404 });
  });

  it('joint review: selections hold until the last department signs; a refusal promotes the next, who needs every signature too', async () => {
    const openDay = await publish({
      selectionMode: 'lottery',
      quotas: [],
      minOrdinaryShare: 0,
      mediaOutsideQuota: false,
      coSigningDepartments: ['finance-bureau', 'tax-bureau'],
    }, 3);
    for (let i = 0; i < 5; i++) await submit(application(openDay, 'ordinary-citizen'));
    await closeRegistration();
    const pending = await jointReview.pending(finance, openDay.openDayId);
    expect(pending.pending).toHaveLength(3);
    expect(await events(ApplicationSelectedV1.contract.type, openDay.openDayId)).toEqual([]);
    await expect(jointReview.pending({ ...finance, agencyId: 'police-bureau' }, openDay.openDayId)).rejects.toMatchObject({ status: 404 });

    const [a, b, c] = pending.pending.map((p) => p.personId);
    await jointReview.sign(finance, openDay.openDayId, { signatures: [a, b, c].map((personId) => ({ personId, decision: 'sign' as const })) });
    expect(await events(ApplicationSelectedV1.contract.type, openDay.openDayId)).toEqual([]);
    await expect(jointReview.sign(finance, openDay.openDayId, { signatures: [{ personId: a, decision: 'sign' }] })).rejects.toMatchObject({ status: 409 });

    const waitingFirst = (await queries.result(reviewer, openDay.openDayId)).sessions[0].waitlisted[0].personId;
    await jointReview.sign(tax, openDay.openDayId, {
      signatures: [
        { personId: a, decision: 'sign' },
        { personId: b, decision: 'sign' },
        { personId: c, decision: 'refuse', reason: '该申请人与本部门存在利益关系' },
      ],
    });
    expect((await events<ApplicationSelectedV1>(ApplicationSelectedV1.contract.type, openDay.openDayId)).map((e) => e.personId).sort()).toEqual([a, b].sort());
    expect(await events<ApplicationRejectedV1>(ApplicationRejectedV1.contract.type, openDay.openDayId)).toEqual([
      expect.objectContaining({ personId: c, reasonCode: 'joint-review-refused', refusedBy: 'tax-bureau' }),
    ]);
    expect(await events(ApplicationRejectedV2.contract.type, openDay.openDayId)).toEqual([
      expect.objectContaining({ personId: c, reasonCode: 'joint-review-refused', refusedBy: 'tax-bureau', groupReason: null }),
    ]);
    expect(await events(PublicNoticePublishedV1.contract.type, openDay.openDayId)).toEqual([]);
    const next = await jointReview.pending(tax, openDay.openDayId);
    expect(next.pending.map((p) => [p.personId, p.awaiting])).toEqual([[waitingFirst, ['finance-bureau', 'tax-bureau']]]);

    await jointReview.sign(tax, openDay.openDayId, { signatures: [{ personId: waitingFirst, decision: 'sign' }] });
    expect(await events(PublicNoticePublishedV1.contract.type, openDay.openDayId)).toEqual([]);
    await jointReview.sign(finance, openDay.openDayId, { signatures: [{ personId: waitingFirst, decision: 'sign' }] });
    const selected = await events<ApplicationSelectedV1>(ApplicationSelectedV1.contract.type, openDay.openDayId);
    expect(selected.at(-1)).toMatchObject({ personId: waitingFirst, promotion: { cause: 'joint-review-refusal', fromWaitlistPosition: 1 }, signedBy: ['finance-bureau', 'tax-bureau'] });
    const [notice] = await events<PublicNoticePublishedV1>(PublicNoticePublishedV1.contract.type, openDay.openDayId);
    expect(notice.representatives).toHaveLength(3);
    expect(notice.representatives[0]).toEqual({ maskedName: '张*三', maskedIdentity: '110105********002X', category: 'ordinary-citizen', outsideQuota: false });
  });

  it('joint review worklist: the open days still to come waiting for the department, soonest first, with how many it has to sign, page by page', async () => {
    const archives: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'archives-bureau' };
    const customs: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'customs-bureau' };
    const coSigned = async (departments: string[], dates: string[], capacity: number, applicants: number) => {
      const sessions = dates.map((date) => ({ sessionId: randomUUID(), date, startsAt: '09:00', endsAt: '11:30', capacity }));
      const openDay = await publish({ selectionMode: 'lottery', quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: false, coSigningDepartments: departments, sessions });
      for (let i = 0; i < applicants; i++) await submit(application(openDay, 'ordinary-citizen'));
      return openDay;
    };
    const later = await coSigned(['archives-bureau'], ['2026-12-04', '2026-12-03'], 2, 3);
    const sooner = await coSigned(['archives-bureau', 'customs-bureau'], ['2026-11-29'], 1, 1);
    const customsOnly = await coSigned(['customs-bureau'], ['2026-11-28'], 1, 1);
    // Not on the archives' list: an open day already past on the day the selection is made, and one nobody applied for.
    await coSigned(['archives-bureau'], ['2026-11-25'], 1, 1);
    await coSigned(['archives-bureau'], ['2026-11-30'], 1, 0);
    await closeRegistration();
    const worklist = async (actor: Actor, query = {}) => (await jointReview.openDays(actor, query)).items.map((item) => [item.title, item.openDayId, item.dates, item.pending]);
    expect(await worklist(archives)).toEqual([
      [sooner.title, sooner.openDayId, ['2026-11-29'], 1],
      [later.title, later.openDayId, ['2026-12-03', '2026-12-04'], 2],
    ]);
    expect((await jointReview.openDays(archives, {})).items[0]).toEqual({ openDayId: sooner.openDayId, title: sooner.title, agencyId: sooner.agencyId, dates: ['2026-11-29'], pending: 1 });
    expect((await worklist(customs)).map(([, id]) => id)).toEqual([customsOnly.openDayId, sooner.openDayId]);

    const first = await jointReview.openDays(archives, { limit: 1 });
    expect(first.items.map((item) => item.openDayId)).toEqual([sooner.openDayId]);
    const second = await jointReview.openDays(archives, { limit: 1, cursor: first.nextCursor! });
    expect([second.items.map((item) => item.openDayId), second.nextCursor]).toEqual([[later.openDayId], null]);
    await expect(jointReview.openDays(archives, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400 });
    await expect(jointReview.openDays({ ...archives, role: 'reviewer' }, {})).rejects.toMatchObject({ status: 404 });

    // Once the department has signed, the open day leaves its list, not the list of a department still to sign.
    const [soonerSelected] = (await jointReview.pending(archives, sooner.openDayId)).pending;
    await jointReview.sign(archives, sooner.openDayId, { signatures: [{ personId: soonerSelected.personId, decision: 'sign' }] });
    expect((await worklist(archives)).map(([, id]) => id)).toEqual([later.openDayId]);
    expect((await worklist(customs)).map(([, id, , pending]) => [id, pending])).toEqual([[customsOnly.openDayId, 1], [sooner.openDayId, 1]]);
    // A refusal promotes the first waiting, who needs the department's signature in turn.
    const [refused] = (await jointReview.pending(archives, later.openDayId)).pending;
    await jointReview.sign(archives, later.openDayId, { signatures: [{ personId: refused.personId, decision: 'refuse', reason: '与本部门存在利害关系' }] });
    expect(await worklist(archives)).toEqual([[later.title, later.openDayId, ['2026-12-03', '2026-12-04'], 2]]);
  });

  it('selection group: reviewers select, waitlist and reject in bulk; a choice that breaks a quota is refused naming the rule', async () => {
    const openDay = await publish({ selectionMode: 'selection-group', quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'party-member', places: 1 }], minOrdinaryShare: 1 / 3, mediaOutsideQuota: true }, 3);
    const people = [
      application(openDay, 'ordinary-citizen'),
      application(openDay, 'party-member'),
      application(openDay, 'party-member'),
      application(openDay, 'ordinary-citizen'),
    ];
    for (const p of people) await submit(p);
    const decided = await group.decide(reviewer, openDay.openDayId, {
      decisions: [
        { personId: people[0].personId, decision: 'select' },
        { personId: people[1].personId, decision: 'select' },
        { personId: people[3].personId, decision: 'waitlist', reason: '备选' },
      ],
    });
    expect(decided.decided.map((a) => a.status)).toEqual(['selected', 'selected', 'waitlisted']);
    await expect(group.decide(reviewer, openDay.openDayId, { decisions: [{ personId: people[2].personId, decision: 'select' }] })).rejects.toMatchObject({
      status: 409,
      problem: { errors: [{ field: 'decisions[0]', rule: 'category-quota-full', message: expect.any(String) }] },
    });
    await expect(group.decide({ ...reviewer, agencyId: 'tax-bureau' }, openDay.openDayId, { decisions: [{ personId: people[2].personId, decision: 'reject', reason: 'x' }] })).rejects.toMatchObject({ status: 404 });
    await group.decide(reviewer, openDay.openDayId, { decisions: [{ personId: people[2].personId, decision: 'reject', reason: '名额已满' }] });
    await group.complete(reviewer, openDay.openDayId);
    expect(await events(SelectionCompletedV1.contract.type, openDay.openDayId)).toHaveLength(1);
    expect(await events(PublicNoticePublishedV1.contract.type, openDay.openDayId)).toHaveLength(1);
  });

  it("selection group: its reasons reach the applicant on the internal v2 events, beside the public v1 that stays as it was", async () => {
    const openDay = await publish({ selectionMode: 'selection-group', quotas: [], minOrdinaryShare: 0 }, 5);
    const people = [application(openDay, 'ordinary-citizen'), application(openDay, 'ordinary-citizen'), application(openDay, 'ordinary-citizen'), application(openDay, 'ordinary-citizen')];
    for (const p of people) await submit(p);
    await group.decide(reviewer, openDay.openDayId, {
      decisions: [
        { personId: people[0].personId, decision: 'reject', reason: '  报名材料未说明与本场主题的关系 ' },
        { personId: people[1].personId, decision: 'waitlist', reason: '同类别报名人数较多' },
        { personId: people[2].personId, decision: 'waitlist' },
        { personId: people[3].personId, decision: 'select', reason: '社区代表' },
      ],
    });
    const rejectedV2 = await events<ApplicationRejectedV2>(ApplicationRejectedV2.contract.type, openDay.openDayId);
    expect(rejectedV2).toEqual([
      expect.objectContaining({ personId: people[0].personId, reasonCode: 'rejected-by-selection-group', refusedBy: null, groupReason: '报名材料未说明与本场主题的关系' }),
    ]);
    const { groupReason: _rejectionWords, ...rejectedFacts } = rejectedV2[0];
    expect(await events(ApplicationRejectedV1.contract.type, openDay.openDayId)).toEqual([rejectedFacts]);
    const waitlistedV2 = await events<ApplicationWaitlistedV2>(ApplicationWaitlistedV2.contract.type, openDay.openDayId);
    expect(waitlistedV2.map((e) => [e.personId, e.position, e.reasonCode, e.groupReason])).toEqual([
      [people[1].personId, 1, 'waitlisted-by-selection-group', '同类别报名人数较多'],
      [people[2].personId, 2, 'waitlisted-by-selection-group', null],
    ]);
    expect(await events(ApplicationWaitlistedV1.contract.type, openDay.openDayId)).toEqual(waitlistedV2.map(({ groupReason: _words, ...facts }) => facts));
    expect(await events(ApplicationSelectedV1.contract.type, openDay.openDayId)).toEqual([expect.not.objectContaining({ groupReason: expect.anything() })]);

    await group.decide(reviewer, openDay.openDayId, { decisions: [{ personId: people[1].personId, decision: 'reject', reason: '复核后不予入选' }] });
    expect((await events<ApplicationRejectedV2>(ApplicationRejectedV2.contract.type, openDay.openDayId)).map((e) => [e.personId, e.groupReason])).toEqual([
      [people[0].personId, '报名材料未说明与本场主题的关系'],
      [people[1].personId, '复核后不予入选'],
    ]);
  });

  it('timers fire once with two pollers; the answer rule flags the unanswered 2 working days after the close', async () => {
    const openDay = await publish({ selectionMode: 'selection-group', quotas: [], minOrdinaryShare: 0 }, 5);
    const people = [application(openDay, 'ordinary-citizen'), application(openDay, 'ordinary-citizen')];
    for (const p of people) await submit(p);
    await group.decide(reviewer, openDay.openDayId, { decisions: [{ personId: people[0].personId, decision: 'select' }] });
    clock.set('2026-11-30T23:59:00+08:00');
    const fired = await Promise.all([timers.fireDue(), otherReplicaTimers.fireDue(), timers.fireDue()]);
    const mine = fired.flat().filter((t) => t.openDayId === openDay.openDayId);
    expect(mine).toEqual([{ kind: 'registration-closed', openDayId: openDay.openDayId }]);
    expect(await events(ApplicationFlaggedV1.contract.type, openDay.openDayId)).toEqual([]);

    clock.set('2026-12-01T00:00:01+08:00');
    const again = await Promise.all([timers.fireDue(), otherReplicaTimers.fireDue()]);
    expect(again.flat().filter((t) => t.openDayId === openDay.openDayId)).toEqual([{ kind: 'answer-deadline', openDayId: openDay.openDayId }]);
    const flagged = await events<ApplicationFlaggedV1>(ApplicationFlaggedV1.contract.type, openDay.openDayId);
    expect(flagged).toEqual([expect.objectContaining({ personId: people[1].personId, answerDueDate: '2026-11-30', state: 'eligible' })]);
    const list = await queries.flagged(cityOffice, { openDayId: openDay.openDayId });
    expect(list.items.map((i) => i.personId)).toEqual([people[1].personId]);
    await expect(queries.flagged(reviewer, {})).rejects.toMatchObject({ status: 404 });
  });

  it('waits for a year the calendar lacks instead of guessing the answer deadline, then flags on the true one', async () => {
    // Thursday 31 December 2026, 16:00: the 2 working days fall in 2027, which the shipped calendar lacks.
    const openDay = await publish({
      selectionMode: 'selection-group',
      quotas: [],
      minOrdinaryShare: 0,
      sessions: [{ sessionId: randomUUID(), date: '2027-01-08', startsAt: '09:00', endsAt: '11:30', capacity: 5 }],
      registrationClosesAt: '2026-12-31T08:00:00.000Z',
    });
    const waiting = application(openDay, 'ordinary-citizen');
    await submit(waiting);
    const answerTimer = async () =>
      ((await dataSource.query(`SELECT due_at AS "dueAt", last_error AS "lastError" FROM vetting_timers WHERE kind = 'answer-deadline' AND open_day_id = $1`, [
        openDay.openDayId,
      ])) as Array<{ dueAt: Date; lastError: string | null }>)[0];
    expect((await answerTimer()).dueAt.toISOString()).toBe('2027-01-02T16:00:00.000Z');

    clock.set('2027-01-03T00:00:01+08:00');
    await timers.fireDue();
    expect(await events(ApplicationFlaggedV1.contract.type, openDay.openDayId)).toEqual([]);
    expect((await answerTimer()).lastError).toMatch(/no official schedule for 2027/);

    try {
      calendarCopy = officialCalendar().withDays({ coveredYears: [2027], holidays: ['2027-01-01'] });
      clock.set('2027-01-03T01:00:00+08:00');
      await timers.fireDue();
      expect(await answerTimer()).toEqual({ dueAt: new Date('2027-01-05T16:00:00.000Z'), lastError: null });
      expect(await events(ApplicationFlaggedV1.contract.type, openDay.openDayId)).toEqual([]);

      clock.set('2027-01-06T00:00:01+08:00');
      await timers.fireDue();
      expect(await events<ApplicationFlaggedV1>(ApplicationFlaggedV1.contract.type, openDay.openDayId)).toEqual([
        expect.objectContaining({ personId: waiting.personId, answerDueDate: '2027-01-05' }),
      ]);
    } finally {
      calendarCopy = officialCalendar();
    }
  });
});
