import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ApplicationFlaggedV1,
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationSelectedV2,
  ApplicationSubmittedV1,
  ApplicationWithdrawnV1,
  OpenDayChangedV2,
  OpenDayPublishedV3,
  TicketRevokedV1,
  type Actor,
  type EventOf,
  type TicketRevocationReason,
} from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { EventBus, Outbox, type EventHandler } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { applicationFor, VettingTestDatabase } from '../../test/vetting-database';
import { ApplicationSubmittedSubscriber } from '../applications/application-submitted.subscriber';
import { ApplicationWithdrawnSubscriber } from '../applications/application-withdrawn.subscriber';
import { OpenDayEventsSubscriber } from '../open-days/open-day-events.subscriber';
import { ParkedArrivalsFlagger } from '../parked-arrivals/parked-arrivals-flagger';
import { SelectionQueries } from '../public-notice/selection-queries.service';
import { SelectionLedger } from '../selection-runs/selection-ledger';
import { SelectionService } from '../selection-runs/selection.service';
import { ArrivalDecider } from '../first-come/arrival-decider';
import { OpenDayChangeService } from './open-day-change.service';

const SETTINGS = { mediaPlacesOutsideQuota: 2, noShowLookBackMonths: 12, parkedArrivalFlagAfterMinutes: 60, firstComeSettleMs: 0 };
const MORNING_DATE = '2026-11-29';
const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };
const noBus = undefined as unknown as EventBus;

describe('vetting follows changes of published open days and staff revocations, on PostgreSQL', () => {
  const database = new VettingTestDatabase();
  let dataSource: DataSource;
  let clock: ManualClock;
  let openDays: OpenDayEventsSubscriber;
  let submissions: ApplicationSubmittedSubscriber;
  let withdrawals: ApplicationWithdrawnSubscriber;
  let flagger: ParkedArrivalsFlagger;
  let queries: SelectionQueries;
  let selection: SelectionService;
  let decider: ArrivalDecider;

  beforeAll(async () => {
    dataSource = await database.start('vetting_open_day_changes');
    clock = new ManualClock(new Date('2026-11-21T09:00:00+08:00'));
    const outbox = new Outbox(testNamespace());
    const ledger = new SelectionLedger(outbox, clock);
    selection = new SelectionService(ledger, outbox, SETTINGS, { current: async () => officialCalendar() });
    openDays = new OpenDayEventsSubscriber(noBus, selection, new OpenDayChangeService(ledger, selection, SETTINGS));
    submissions = new ApplicationSubmittedSubscriber(noBus, selection);
    withdrawals = new ApplicationWithdrawnSubscriber(noBus, selection);
    flagger = new ParkedArrivalsFlagger(dataSource, clock);
    decider = new ArrivalDecider(dataSource, selection, SETTINGS);
    queries = new SelectionQueries(dataSource, ledger);
  }, 60_000);
  afterAll(() => database.stop());
  beforeEach(() => clock.set('2026-11-21T09:00:00+08:00'));

  /** Delivers the event, then decides what it leaves settled, as each replica's decider does moments later (the settle window is 0 here). */
  async function deliver<TData>(handler: Pick<EventHandler<TData>, 'handle'>, event: EventOf<NoInfer<TData>>): Promise<void> {
    await dataSource.transaction((manager) => handler.handle(event, manager));
    await decider.decideSettled();
  }

  function published(overrides: Partial<OpenDayPublishedV3> = {}, capacity = 10): OpenDayPublishedV3 {
    return {
      ...OpenDayPublishedV3.contract.definition.example,
      openDayId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date: MORNING_DATE, startsAt: '09:00', endsAt: '11:30', capacity, mediaPlaces: 0 }],
      quotas: [],
      minOrdinaryShare: 1 / 3,
      selectionMode: 'first-come',
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      ...overrides,
    };
  }

  async function publish(data: OpenDayPublishedV3): Promise<OpenDayPublishedV3> {
    await deliver(openDays, OpenDayPublishedV3.contract.create(data, { subject: data.openDayId }));
    return data;
  }

  /** The open day as it is after a change, from the published one: what the change names replaces it. */
  async function change(openDay: OpenDayPublishedV3, changed: Partial<OpenDayChangedV2>): Promise<void> {
    const data: OpenDayChangedV2 = {
      ...OpenDayChangedV2.contract.definition.example,
      openDayId: openDay.openDayId,
      planId: openDay.planId,
      agencyId: openDay.agencyId,
      title: openDay.title,
      sessions: openDay.sessions,
      quotas: openDay.quotas,
      minOrdinaryShare: openDay.minOrdinaryShare,
      eligibility: openDay.eligibility,
      removedSessionIds: [],
      releases: [],
      ...changed,
    };
    await deliver(openDays, OpenDayChangedV2.contract.create(data, { subject: data.openDayId }));
  }

  async function apply(openDay: OpenDayPublishedV3, count: number, overrides: Partial<ApplicationSubmittedV1> = {}): Promise<ApplicationSubmittedV1[]> {
    const arrivals = Array.from({ length: count }, () => applicationFor(openDay, overrides));
    for (const data of arrivals) await deliver(submissions, ApplicationSubmittedV1.contract.create(data, { subject: data.personId }));
    return arrivals;
  }

  async function revoke(person: ApplicationSubmittedV1, reason: TicketRevocationReason): Promise<void> {
    const data: TicketRevokedV1 = {
      ...TicketRevokedV1.contract.definition.example,
      ticketId: randomUUID(),
      applicationId: person.applicationId,
      personId: person.personId,
      openDayId: person.openDayId,
      sessionId: person.sessionId,
      reason,
    };
    await deliver(openDays, TicketRevokedV1.contract.create(data, { subject: data.ticketId }));
  }

  async function statuses(people: ApplicationSubmittedV1[]): Promise<string[]> {
    const rows = (await dataSource.query(`SELECT person_id AS id, status, reason_code AS reason FROM vetting_applicants WHERE person_id = ANY($1::uuid[])`, [
      people.map((p) => p.personId),
    ])) as Array<{ id: string; status: string; reason: string | null }>;
    const byId = new Map(rows.map((row) => [row.id, row.reason ? `${row.status}:${row.reason}` : row.status]));
    return people.map((p) => byId.get(p.personId) ?? 'unknown');
  }

  const events = <T>(type: string, openDayId: string) => database.events<T>(type, openDayId);

  const promotionsOf = async <T extends { personId: string; promotion: unknown }>(type: string, openDayId: string) =>
    (await events<T>(type, openDayId)).filter((e) => e.promotion !== null).map((e) => ({ personId: e.personId, promotion: e.promotion }));

  it('the issue’s change: applications for the added afternoon wait instead of dying and are decided when it arrives; the raised morning moves the waiting list up', async () => {
    const openDay = await publish(published());
    const morning = await apply(openDay, 14);
    expect(await statuses(morning)).toEqual([...Array(10).fill('selected'), ...Array(4).fill('waitlisted:capacity-full')]);

    const afternoon = { sessionId: randomUUID(), date: MORNING_DATE, startsAt: '14:00', endsAt: '16:30', capacity: 10 };
    const early = await apply(openDay, 12, { sessionId: afternoon.sessionId });
    expect(await statuses(early)).toEqual(Array(12).fill('unknown'));
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM vetting_parked_arrivals WHERE session_id = $1`, [afternoon.sessionId]))[0].n).toBe(12);

    await change(openDay, { sessions: [{ ...openDay.sessions[0], capacity: 12 }, afternoon] });

    expect(await statuses(morning)).toEqual([...Array(12).fill('selected'), ...Array(2).fill('waitlisted:capacity-full')]);
    expect(await statuses(early)).toEqual([...Array(10).fill('selected'), ...Array(2).fill('waitlisted:capacity-full')]);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM vetting_parked_arrivals`))[0].n).toBe(0);
    const moved = [morning[10], morning[11]].map((p, i) => ({ personId: p.personId, promotion: { cause: 'capacity-raised', fromWaitlistPosition: i + 1 } }));
    expect(await promotionsOf<ApplicationSelectedV2>(ApplicationSelectedV2.contract.type, openDay.openDayId)).toEqual(moved);
    // v1 cannot name the cause: the same people are selected there, without a promotion.
    expect(await promotionsOf<ApplicationSelectedV1>(ApplicationSelectedV1.contract.type, openDay.openDayId)).toEqual([]);
    expect(await events(ApplicationSelectedV1.contract.type, openDay.openDayId)).toHaveLength(22);
    expect(await events(ApplicationSelectedV2.contract.type, openDay.openDayId)).toHaveLength(22);
    // Decided in the order they came, which they keep.
    const result = await queries.result(cityOffice, openDay.openDayId);
    const decided = result.sessions.find((s) => s.sessionId === afternoon.sessionId)!;
    expect(decided.selected.map((a) => a.personId)).toEqual(early.slice(0, 10).map((p) => p.personId));
    expect(decided.waitlisted.map((a) => a.arrivalOrder)).toEqual([...decided.waitlisted.map((a) => a.arrivalOrder)].sort((a, b) => a - b));
  }, 30_000);

  it('a lowered capacity: the released leave with nobody moving up, the session stays over capacity until staff revocations bring it below', async () => {
    const openDay = await publish(published());
    const people = await apply(openDay, 12);
    await change(openDay, {
      sessions: [{ ...openDay.sessions[0], capacity: 8 }],
      releases: [{ sessionId: openDay.sessions[0].sessionId, personId: people[9].personId, applicationId: people[9].applicationId }],
    });
    expect(await statuses(people)).toEqual([...Array(9).fill('selected'), 'rejected:place-released', 'waitlisted:capacity-full', 'waitlisted:capacity-full']);
    // Scheduling revokes the released person's ticket after the change: they have left already.
    await revoke(people[9], 'revoked-by-staff');

    await revoke(people[0], 'revoked-by-staff');
    expect(await statuses(people.slice(0, 1).concat(people.slice(10)))).toEqual(['rejected:ticket-revoked', 'waitlisted:capacity-full', 'waitlisted:capacity-full']);
    await revoke(people[1], 'revoked-by-staff');
    expect(await statuses(people.slice(1, 2).concat(people.slice(10)))).toEqual(['rejected:ticket-revoked', 'selected', 'waitlisted:capacity-full']);
    expect(await promotionsOf<ApplicationSelectedV2>(ApplicationSelectedV2.contract.type, openDay.openDayId)).toEqual([
      { personId: people[10].personId, promotion: { cause: 'ticket-revoked', fromWaitlistPosition: 1 } },
    ]);
    expect(await promotionsOf<ApplicationSelectedV1>(ApplicationSelectedV1.contract.type, openDay.openDayId)).toEqual([
      { personId: people[10].personId, promotion: { cause: 'withdrawal', fromWaitlistPosition: 1 } },
    ]);
    const result = await queries.result(cityOffice, openDay.openDayId);
    expect(result.sessions[0]).toMatchObject({ capacity: 8, placesTaken: 8 });
    // Neither a released person nor one told by their revoked ticket gets a second "not selected".
    expect(await events(ApplicationRejectedV1.contract.type, openDay.openDayId)).toEqual([]);
  });

  it.each<[TicketRevocationReason]>([['application-withdrawn'], ['open-day-cancelled'], ['session-cancelled']])(
    'a ticket revoked as %s is left to the event that caused it',
    async (reason) => {
      const openDay = await publish(published({}, 2));
      const people = await apply(openDay, 3);
      await revoke(people[0], reason);
      expect(await statuses(people)).toEqual(['selected', 'selected', 'waitlisted:capacity-full']);
    },
  );

  it('a moved date screens age again: who no longer qualifies is rejected and told, their place goes to the next who does (no-longer-eligible)', async () => {
    const openDay = await publish(published({}, 2));
    // 65 on 29 November 2026, 66 from 1 December.
    const turning66 = { birthDate: '1960-11-30' };
    const [selectedOld] = await apply(openDay, 1, turning66);
    const [selectedYoung] = await apply(openDay, 1);
    const [waitingOld] = await apply(openDay, 1, turning66);
    const [waitingYoung] = await apply(openDay, 1);
    expect(await statuses([selectedOld, selectedYoung, waitingOld, waitingYoung])).toEqual(['selected', 'selected', 'waitlisted:capacity-full', 'waitlisted:capacity-full']);

    await change(openDay, { sessions: [{ ...openDay.sessions[0], date: '2026-12-05' }] });

    expect(await statuses([selectedOld, selectedYoung, waitingOld, waitingYoung])).toEqual([
      'rejected:age-above-maximum',
      'selected',
      'rejected:age-above-maximum',
      'selected',
    ]);
    expect(await promotionsOf<ApplicationSelectedV2>(ApplicationSelectedV2.contract.type, openDay.openDayId)).toEqual([
      { personId: waitingYoung.personId, promotion: { cause: 'no-longer-eligible', fromWaitlistPosition: 1 } },
    ]);
    const rejected = await events<ApplicationRejectedV1>(ApplicationRejectedV1.contract.type, openDay.openDayId);
    expect(rejected.map((e) => [e.personId, e.reasonCode])).toEqual([
      [waitingOld.personId, 'age-above-maximum'],
      [selectedOld.personId, 'age-above-maximum'],
    ]);
  });

  it('new eligibility rules are stored and screen those still undecided (a lottery before its draw)', async () => {
    const openDay = await publish(published({ selectionMode: 'lottery' }));
    const [fromGulou, fromTaijiang] = [...(await apply(openDay, 1)), ...(await apply(openDay, 1, { district: 'taijiang' }))];
    await change(openDay, { eligibility: { minAge: 18, maxAge: 65, districts: ['taijiang'] }, changedFields: ['eligibility'] });
    expect(await statuses([fromGulou, fromTaijiang])).toEqual(['rejected:district-not-eligible', 'eligible']);
    const [late] = await apply(openDay, 1);
    expect(await statuses([late])).toEqual(['rejected:district-not-eligible']);
  });

  it('a removed session: its applicants are rejected and told; a late application for it is refused too', async () => {
    const base = published({}, 1);
    const second = { sessionId: randomUUID(), date: '2026-11-30', startsAt: '09:00', endsAt: '11:30', capacity: 5, mediaPlaces: 0 };
    const openDay = await publish({ ...base, sessions: [...base.sessions, second] });
    const kept = await apply(openDay, 1, { sessionId: second.sessionId });
    const dropped = await apply(openDay, 2);
    expect(await statuses(dropped)).toEqual(['selected', 'waitlisted:capacity-full']);

    await change(openDay, { sessions: [second], removedSessionIds: [base.sessions[0].sessionId] });
    const [late] = await apply(openDay, 1);

    expect(await statuses([...dropped, late])).toEqual(Array(3).fill('rejected:session-cancelled'));
    expect(await statuses(kept)).toEqual(['selected']);
    const rejected = await events<ApplicationRejectedV1>(ApplicationRejectedV1.contract.type, openDay.openDayId);
    expect(rejected.map((e) => [e.personId, e.reasonCode])).toEqual([...dropped, late].map((p) => [p.personId, 'session-cancelled']));
    expect((await queries.result(cityOffice, openDay.openDayId)).sessions.map((s) => s.sessionId)).toEqual([second.sessionId]);
  });

  it('an application for an open day vetting does not know waits; after an hour it is flagged to the city office, a withdrawn one is not; both are decided when the open day comes', async () => {
    const openDay = published({}, 1);
    const [waiting] = await apply(openDay, 1);
    const [withdrawn] = await apply(openDay, 1);
    const withdrawal: ApplicationWithdrawnV1 = {
      ...ApplicationWithdrawnV1.contract.definition.example,
      applicationId: withdrawn.applicationId,
      openDayId: openDay.openDayId,
      withdrawnAt: clock.now().toISOString(),
    };
    await deliver(withdrawals, ApplicationWithdrawnV1.contract.create(withdrawal, { subject: withdrawal.applicationId }));

    clock.set('2026-11-21T09:59:00+08:00');
    expect(await flagger.flagOverdue()).toBe(0);
    clock.set('2026-11-21T10:00:01+08:00');
    expect(await flagger.flagOverdue()).toBe(1);
    expect(await flagger.flagOverdue()).toBe(0);
    const listed = await queries.flagged(cityOffice, { openDayId: openDay.openDayId });
    expect(listed.items).toEqual([
      expect.objectContaining({ personId: waiting.personId, agencyId: '', state: 'eligible', answerDueDate: '2026-11-21', flaggedAt: '2026-11-21T02:00:01.000Z' }),
    ]);
    expect(await events(ApplicationFlaggedV1.contract.type, openDay.openDayId)).toEqual([]);

    await publish(openDay);
    expect(await statuses([waiting, withdrawn])).toEqual(['selected', 'withdrawn']);
    // Still flagged, now with its agency, in the same place of the listing.
    const after = await queries.flagged(cityOffice, { openDayId: openDay.openDayId });
    expect(after.items).toEqual([expect.objectContaining({ personId: waiting.personId, agencyId: openDay.agencyId, answerDueDate: '2026-11-21' })]);
  });

  it('applications racing the publication of their open day are all decided, none left waiting', async () => {
    const openDay = published({}, 5);
    const arrivals = Array.from({ length: 20 }, () => applicationFor(openDay));
    const deliveries = arrivals.map((data) => deliver(submissions, ApplicationSubmittedV1.contract.create(data, { subject: data.personId })));
    await Promise.all([...deliveries.slice(0, 10), publish(openDay), ...deliveries.slice(10)]);
    const decided = await statuses(arrivals);
    expect(decided.filter((status) => status === 'selected')).toHaveLength(5);
    expect(decided.filter((status) => status === 'waitlisted:capacity-full')).toHaveLength(15);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM vetting_parked_arrivals WHERE open_day_id = $1`, [openDay.openDayId]))[0].n).toBe(0);
  }, 30_000);

  it('applications racing a change are screened by the rules it sets, whichever commits first', async () => {
    const openDay = await publish(published({}, 50));
    const arrivals = Array.from({ length: 30 }, () => applicationFor(openDay));
    const deliveries = arrivals.map((data) => deliver(submissions, ApplicationSubmittedV1.contract.create(data, { subject: data.personId })));
    const narrowed = change(openDay, { eligibility: { minAge: 18, maxAge: 65, districts: ['taijiang'] }, changedFields: ['eligibility'] });
    await Promise.all([...deliveries.slice(0, 15), narrowed, ...deliveries.slice(15)]);
    expect(await statuses(arrivals)).toEqual(Array(30).fill('rejected:district-not-eligible'));
  }, 30_000);

  it('a session added after registration closed holds no place for ordinary citizens who can no longer come', async () => {
    const openDay = await publish(published({ minOrdinaryShare: 1 / 2 }, 2));
    await dataSource.transaction((manager) => selection.registrationClosed(manager, openDay.openDayId));
    const added = { sessionId: randomUUID(), date: MORNING_DATE, startsAt: '14:00', endsAt: '16:30', capacity: 2 };
    const deputies = await apply(openDay, 2, { sessionId: added.sessionId, category: 'congress-deputy' });
    await change(openDay, { sessions: [...openDay.sessions, added] });
    expect(await statuses(deputies)).toEqual(['selected', 'selected']);
  });

  it('more media places in a change move waiting media up, on top of the capacity; fewer drop nobody selected', async () => {
    const withTwoMediaPlaces = published({ minOrdinaryShare: 0, mediaOutsideQuota: true }, 2);
    withTwoMediaPlaces.sessions[0].mediaPlaces = 2;
    const openDay = await publish(withTwoMediaPlaces);
    const [session] = openDay.sessions;
    const media = await apply(openDay, 4, { category: 'media' });
    expect(await statuses(media)).toEqual(['selected', 'selected', 'waitlisted:media-places-full', 'waitlisted:media-places-full']);

    await change(openDay, { sessions: [{ ...session, mediaPlaces: 3 }] });
    expect(await statuses(media)).toEqual(['selected', 'selected', 'selected', 'waitlisted:media-places-full']);
    const [row] = await dataSource.query(`SELECT media_places AS "mediaPlaces" FROM vetting_sessions WHERE id = $1`, [session.sessionId]);
    expect(row.mediaPlaces).toBe(3);

    await change(openDay, { sessions: [{ ...session, mediaPlaces: 1 }] });
    expect(await statuses(media)).toEqual(['selected', 'selected', 'selected', 'waitlisted:media-places-full']);
  });

  it('consumes the change and the revocations on the open days’ one consumer, in the order scheduling published them', () => {
    expect(openDays.consumes.map((contract) => contract.type)).toEqual(
      expect.arrayContaining([OpenDayPublishedV3.contract.type, OpenDayChangedV2.contract.type, TicketRevokedV1.contract.type]),
    );
    expect(new Set(openDays.consumes.map((contract) => `${contract.definition.service}/${contract.definition.visibility}`))).toEqual(new Set(['scheduling/public']));
    expect(openDays.purpose).toBe('open-days');
  });

  it('the same change delivered again (its v2 republished) changes nothing', async () => {
    const openDay = await publish(published({}, 1));
    const people = await apply(openDay, 3);
    const raised = { sessions: [{ ...openDay.sessions[0], capacity: 2 }] };
    await change(openDay, raised);
    await change(openDay, raised);
    expect(await statuses(people)).toEqual(['selected', 'selected', 'waitlisted:capacity-full']);
    expect(await promotionsOf<ApplicationSelectedV2>(ApplicationSelectedV2.contract.type, openDay.openDayId)).toHaveLength(1);
  });
});
