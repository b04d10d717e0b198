import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ApplicationRejectedV1,
  ApplicationSelectedV1,
  ApplicationSubmittedV1,
  ApplicationWithdrawnV1,
  AttendeeCheckedInV1,
  AttendeeNoShowV1,
  ContactDetailsRecordedV1,
  OpenDayCancelledV1,
  OpenDayChangedV1,
  OpenDayEndedV1,
  OpenDayPublishedV2,
  problemEntry,
  TicketIssuedV1,
  TicketIssuedV2,
  TicketRevokedV1,
  TicketRevokedV2,
  type Actor,
  type CloudEvent,
  type EventContract,
} from '@openday/contracts';
import { EventBus, MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { ManualClock, ProblemException } from '@openday/platform';
import { createTestDatabase, testInfrastructure, testNamespace, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { schedulingDatabase } from '../scheduling.database';
import { insertPlan, insertPlanSessions, type AgendaItemData } from '../plans/plan-store';
import {
  AdmissionApplicantsSubscriber,
  AdmissionOpenDaysSubscriber,
  AdmissionSelectionsSubscriber,
  AdmissionWithdrawalsSubscriber,
} from './admission-events.subscribers';
import { qrPayloadOf } from '@openday/domain';
import { AdmissionService } from './admission.service';
import { NoShowsService } from './no-shows.service';
import { TicketsService } from './tickets.service';

const DATE = '2026-11-29';
const at = (local: string) => new Date(`${local}+08:00`);
const staff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'water-affairs-bureau' };

describe('admission on PostgreSQL: tickets, check-in, rosters and no-shows', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let clock: ManualClock;
  let tickets: TicketsService;
  let noShows: NoShowsService;
  let subscribers: {
    openDays: AdmissionOpenDaysSubscriber;
    applicants: AdmissionApplicantsSubscriber;
    withdrawals: AdmissionWithdrawalsSubscriber;
    selections: AdmissionSelectionsSubscriber;
  };

  beforeAll(async () => {
    // The services log each ticket and session; the test's own output is enough.
    Logger.overrideLogger(['error', 'warn']);
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'scheduling_admission');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...schedulingDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    clock = new ManualClock(at('2026-11-26T16:00:00'));
    const outbox = new Outbox(testNamespace());
    const admission = new AdmissionService(outbox, clock);
    tickets = new TicketsService(dataSource, outbox, clock, admission);
    noShows = new NoShowsService(dataSource, outbox, clock);
    const bus = undefined as unknown as EventBus;
    subscribers = {
      openDays: new AdmissionOpenDaysSubscriber(bus, admission),
      applicants: new AdmissionApplicantsSubscriber(bus, admission),
      withdrawals: new AdmissionWithdrawalsSubscriber(bus, admission),
      selections: new AdmissionSelectionsSubscriber(bus, admission),
    };
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });

  /** Hands an event to a subscriber the way the consumer does: in a transaction. */
  async function deliver(subscriber: { handle(event: CloudEvent, manager: import('typeorm').EntityManager): Promise<void> }, event: CloudEvent): Promise<void> {
    await dataSource.transaction((manager) => subscriber.handle(event, manager));
  }

  function event<T>(contract: EventContract<T>, data: T): CloudEvent<T> {
    return contract.create(data, { subject: randomUUID() });
  }

  async function outbox(contract: EventContract<unknown>, where = ''): Promise<Array<Record<string, unknown>>> {
    const rows = (await dataSource.query(`SELECT payload FROM outbox WHERE event_type = $1 ${where} ORDER BY seq`, [contract.type])) as Array<{
      payload: { data: Record<string, unknown> };
    }>;
    return rows.map((row) => row.payload.data);
  }

  async function problemOf(promise: Promise<unknown>): Promise<ProblemException> {
    try {
      await promise;
    } catch (err) {
      if (err instanceof ProblemException) return err;
      throw err;
    }
    throw new Error('expected a problem');
  }

  interface Day {
    published: CloudEvent<OpenDayPublishedV2>;
    openDayId: string;
    sessionId: string;
  }

  function openDay(sessions: Array<{ startsAt: string; endsAt: string }> = [{ startsAt: '09:00', endsAt: '11:30' }]): Day & { sessionIds: string[] } {
    const data: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      planId: randomUUID(),
      sessions: sessions.map((s) => ({ sessionId: randomUUID(), date: DATE, capacity: 20, ...s })),
    };
    return {
      published: event(OpenDayPublishedV2.contract, data),
      openDayId: data.openDayId,
      sessionId: data.sessions[0].sessionId,
      sessionIds: data.sessions.map((s) => s.sessionId),
    };
  }

  /** The three events about one selected person, from registration (two) and vetting (one). */
  function person(day: Day, options: { last4?: string; userId?: string; sessionId?: string; applicationId?: string } = {}) {
    const applicationId = options.applicationId ?? randomUUID();
    const personId = randomUUID();
    const userId = options.userId ?? randomUUID();
    const sessionId = options.sessionId ?? day.sessionId;
    return {
      personId,
      applicationId,
      userId,
      submitted: event(ApplicationSubmittedV1.contract, {
        ...ApplicationSubmittedV1.contract.definition.example,
        applicationId,
        personId,
        openDayId: day.openDayId,
        sessionId,
        maskedIdNumber: `110105********${options.last4 ?? '002X'}`,
      }),
      contact: event(ContactDetailsRecordedV1.contract, {
        ...ContactDetailsRecordedV1.contract.definition.example,
        applicationId,
        personId,
        openDayId: day.openDayId,
        applicantUserId: userId,
      }),
      selected: event(ApplicationSelectedV1.contract, {
        ...ApplicationSelectedV1.contract.definition.example,
        applicationId,
        personId,
        openDayId: day.openDayId,
        sessionId,
        promotion: null,
      }),
    };
  }

  type Person = ReturnType<typeof person>;

  function rejection(p: Person, day: Day, reasonCode: string): CloudEvent<ApplicationRejectedV1> {
    return event(ApplicationRejectedV1.contract, {
      ...ApplicationRejectedV1.contract.definition.example,
      applicationId: p.applicationId,
      personId: p.personId,
      openDayId: day.openDayId,
      sessionId: day.sessionId,
      reasonCode,
      reasonCodes: [reasonCode],
      rejectedAt: clock.now().toISOString(),
    });
  }

  async function issue(p: Person): Promise<void> {
    await deliver(subscribers.applicants, p.submitted);
    await deliver(subscribers.applicants, p.contact);
    await deliver(subscribers.selections, p.selected);
  }

  async function ticketOf(p: Person) {
    const page = await tickets.listMine({ actor: { userId: p.userId, role: 'citizen' } });
    return page.items.find((t) => t.personId === p.personId)!;
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return n;
  }

  describe('issuing', () => {
    it('issues one ticket once open day, submission, account and selection are known, and redelivery changes nothing', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const p = person(day);
      await deliver(subscribers.applicants, p.submitted);
      await deliver(subscribers.applicants, p.contact);
      expect(await count('tickets WHERE person_id = $1', [p.personId])).toBe(0);
      await deliver(subscribers.selections, p.selected);
      for (const again of [day.published, p.submitted, p.contact, p.selected]) {
        await deliver(again === day.published ? subscribers.openDays : again === p.selected ? subscribers.selections : subscribers.applicants, again);
      }

      const issued = await outbox(TicketIssuedV1.contract as EventContract<unknown>, `AND payload->'data'->>'personId' = '${p.personId}'`);
      expect(issued).toHaveLength(1);
      const example = OpenDayPublishedV2.contract.definition.example;
      expect(issued[0]).toEqual({
        ticketId: expect.any(String),
        applicationId: p.applicationId,
        personId: p.personId,
        openDayId: day.openDayId,
        sessionId: day.sessionId,
        agencyId: example.agencyId,
        applicantUserId: p.userId,
        title: example.title,
        date: DATE,
        startsAt: '09:00',
        endsAt: '11:30',
        startsAtInstant: '2026-11-29T01:00:00.000Z',
        assemblyPoint: example.assemblyPoint,
        venues: example.venues,
        agenda: [],
        notices: [],
        checkInCode: expect.stringMatching(/^[2-9A-HJ-NP-Z]{8}$/),
        maskedName: '张*三',
        promoted: false,
        issuedAt: clock.now().toISOString(),
      });
      const ticket = await ticketOf(p);
      expect(ticket).toMatchObject({ ticketId: issued[0].ticketId, status: 'issued', checkInCode: issued[0].checkInCode });
      expect(ticket.qrPayload).toBe(qrPayloadOf(ticket.ticketId, ticket.checkInCode));
      // Only the account was kept from the contact details: no name, mobile or e-mail at rest.
      const [row] = await dataSource.query('SELECT * FROM admission_people WHERE person_id = $1', [p.personId]);
      expect(JSON.stringify(row)).not.toMatch(/张三|13800138000|zhangsan/);
    });

    it('issues when the selection and contact details arrive before the submission and the open day', async () => {
      const day = openDay();
      const p = person(day);
      const promoted = event(ApplicationSelectedV1.contract, { ...p.selected.data, promotion: { cause: 'withdrawal', fromWaitlistPosition: 1 } });
      await deliver(subscribers.selections, promoted);
      await deliver(subscribers.applicants, p.contact);
      await deliver(subscribers.applicants, p.submitted);
      expect(await count('tickets WHERE person_id = $1', [p.personId])).toBe(0);
      await deliver(subscribers.openDays, day.published);
      await deliver(subscribers.openDays, day.published);
      await deliver(subscribers.selections, promoted);
      expect(await count('tickets WHERE person_id = $1', [p.personId])).toBe(1);
      expect(await ticketOf(p)).toMatchObject({ status: 'issued', promoted: true, date: DATE });
    });

    it('issues one ticket when the pieces arrive at the same moment', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const people = Array.from({ length: 5 }, () => person(day));
      await Promise.all(
        people.flatMap((p) => [deliver(subscribers.applicants, p.submitted), deliver(subscribers.applicants, p.contact), deliver(subscribers.selections, p.selected)]),
      );
      expect(await count('tickets WHERE open_day_id = $1', [day.openDayId])).toBe(5);
      expect(await count(`outbox WHERE event_type = $1 AND payload->'data'->>'openDayId' = $2`, [TicketIssuedV1.contract.type, day.openDayId])).toBe(5);
    });

    it('takes the session’s agenda, the notices and the transport from the plan, when the open day came from a plan of this service', async () => {
      const day = openDay();
      const planId = day.published.data.planId;
      const agenda = [
        { startsAt: '09:00', endsAt: '09:20', activity: '参观水厂中控室', venue: '第一水厂' },
        { startsAt: '10:30', endsAt: '11:20', activity: '座谈交流：水价与水质' },
      ];
      await insertPlan(dataSource.manager, {
        id: planId, agencyId: 'water-affairs-bureau', status: 'published', title: day.published.data.title, theme: '', forms: ['site-visit'], venues: [],
        assemblyPoint: '', transport: '统一乘坐大巴', quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: true, eligibility: { minAge: 18, maxAge: null, districts: [] },
        registrationOpensAt: clock.now(), registrationClosesAt: clock.now(), selectionMode: 'lottery', coSigningDepartments: [],
        notices: ['请携带本人身份证原件'], publishAt: clock.now(), firstSessionDate: DATE, submissions: 1, openDayId: day.openDayId, version: 1,
        createdBy: randomUUID(), idempotencyKey: null, createdAt: clock.now(), updatedAt: clock.now(),
      });
      await insertPlanSessions(dataSource.manager, [
        { id: day.sessionId, planId, position: 0, date: DATE, startsAt: '09:00', endsAt: '11:30', capacity: 20, mediaPlaces: 0, agenda: agenda as AgendaItemData[] },
      ]);
      await deliver(subscribers.openDays, day.published);
      const p = person(day);
      await issue(p);
      const [issued] = await outbox(TicketIssuedV1.contract as EventContract<unknown>, `AND payload->'data'->>'personId' = '${p.personId}'`);
      expect(issued).toMatchObject({ agenda: [agenda[0], { ...agenda[1], venue: null }], notices: ['请携带本人身份证原件'] });
      expect(issued).not.toHaveProperty('transport');
      const [issuedV2] = await outbox(TicketIssuedV2.contract as EventContract<unknown>, `AND payload->'data'->>'personId' = '${p.personId}'`);
      expect(issuedV2).toEqual({ ...issued, transport: '统一乘坐大巴' });
      expect(await ticketOf(p)).toMatchObject({ agenda: issued.agenda, notices: issued.notices, transport: '统一乘坐大巴' });
    });

    it('only the owner reads a ticket; another citizen and staff are refused', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const p = person(day);
      await issue(p);
      const ticket = await ticketOf(p);
      expect(await tickets.getMine({ actor: { userId: p.userId, role: 'citizen' }, ticketId: ticket.ticketId })).toEqual(ticket);
      expect((await problemOf(tickets.getMine({ actor: { userId: randomUUID(), role: 'citizen' }, ticketId: ticket.ticketId }))).getStatus()).toBe(404);
      expect((await problemOf(tickets.getMine({ actor: staff, ticketId: ticket.ticketId }))).getStatus()).toBe(403);
    });
  });

  describe('revoking', () => {
    it('revokes on withdrawal, and a withdrawal that came first stops the ticket', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const early = person(day);
      await deliver(subscribers.withdrawals, event(ApplicationWithdrawnV1.contract, { applicationId: early.applicationId, openDayId: day.openDayId, withdrawnAt: clock.now().toISOString() }));
      await issue(early);
      expect(await count('tickets WHERE person_id = $1', [early.personId])).toBe(0);

      const late = person(day);
      await issue(late);
      const withdrawn = event(ApplicationWithdrawnV1.contract, { applicationId: late.applicationId, openDayId: day.openDayId, withdrawnAt: clock.now().toISOString() });
      await deliver(subscribers.withdrawals, withdrawn);
      await deliver(subscribers.withdrawals, withdrawn);
      const ticket = await ticketOf(late);
      expect(ticket).toMatchObject({ status: 'revoked', revocationReason: 'application-withdrawn' });
      expect(await outbox(TicketRevokedV1.contract as EventContract<unknown>, `AND payload->'data'->>'ticketId' = '${ticket.ticketId}'`)).toEqual([
        { ticketId: ticket.ticketId, applicationId: late.applicationId, personId: late.personId, openDayId: day.openDayId, sessionId: day.sessionId, agencyId: 'water-affairs-bureau', reason: 'application-withdrawn', revokedAt: clock.now().toISOString() },
      ]);
    });

    it('revokes the ticket of a holder vetting rejects after selecting them (v2 says why, v1 beside it), once', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const holder = person(day);
      await issue(holder);
      const rejected = rejection(holder, day, 'age-below-minimum');
      await deliver(subscribers.selections, rejected);
      await deliver(subscribers.selections, rejected);

      const ticket = await ticketOf(holder);
      // Views speak v1's reasons until the ticket views learn v2's.
      expect(ticket).toMatchObject({ status: 'revoked', revocationReason: 'revoked-by-staff' });
      expect(await count(`tickets WHERE id = $1 AND revocation_reason = 'application-rejected'`, [ticket.ticketId])).toBe(1);
      const ref = { ticketId: ticket.ticketId, applicationId: holder.applicationId, personId: holder.personId, openDayId: day.openDayId, sessionId: day.sessionId, agencyId: 'water-affairs-bureau' };
      const where = `AND payload->'data'->>'ticketId' = '${ticket.ticketId}'`;
      expect(await outbox(TicketRevokedV2.contract as EventContract<unknown>, where)).toEqual([{ ...ref, reason: 'application-rejected', revokedAt: clock.now().toISOString() }]);
      expect(await outbox(TicketRevokedV1.contract as EventContract<unknown>, where)).toEqual([{ ...ref, reason: 'revoked-by-staff', revokedAt: clock.now().toISOString() }]);
    });

    it('issues no ticket to someone rejected after their selection but before the rest of their ticket arrived', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const early = person(day);
      await deliver(subscribers.selections, early.selected);
      await deliver(subscribers.selections, rejection(early, day, 'district-not-eligible'));
      await deliver(subscribers.applicants, early.submitted);
      await deliver(subscribers.applicants, early.contact);
      expect(await count('tickets WHERE person_id = $1', [early.personId])).toBe(0);
    });

    it.each([['ticket-revoked'], ['place-released'], ['session-cancelled']])(
      'leaves the ticket alone for a rejection that follows scheduling’s own revocation (%s)',
      async (reasonCode) => {
        const day = openDay();
        await deliver(subscribers.openDays, day.published);
        const holder = person(day);
        await issue(holder);
        await deliver(subscribers.selections, rejection(holder, day, reasonCode));
        expect(await ticketOf(holder)).toMatchObject({ status: 'issued', revocationReason: null });
      },
    );

    it('revokes every ticket of a cancelled open day and stops its timers', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const people = [person(day), person(day)];
      for (const p of people) await issue(p);
      const cancelled = event(OpenDayCancelledV1.contract, { ...OpenDayCancelledV1.contract.definition.example, openDayId: day.openDayId });
      await deliver(subscribers.openDays, cancelled);
      await deliver(subscribers.openDays, cancelled);
      for (const p of people) expect(await ticketOf(p)).toMatchObject({ status: 'revoked', revocationReason: 'open-day-cancelled' });
      expect(await count(`outbox WHERE event_type = $1 AND payload->'data'->>'openDayId' = $2`, [TicketRevokedV1.contract.type, day.openDayId])).toBe(2);
      expect(await count('no_show_timers WHERE session_id = $1', [day.sessionId])).toBe(0);
    });

    it('staff of the agency revoke an unused ticket (once); others get 404, a used ticket 409', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const [p, used] = [person(day), person(day)];
      await issue(p);
      await issue(used);
      const { ticketId } = await ticketOf(p);
      const otherAgency: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'gulou-district' };
      expect((await problemOf(tickets.revoke({ actor: otherAgency, ticketId, input: { reason: '重复报名' } }))).getStatus()).toBe(404);
      const revoked = await tickets.revoke({ actor: staff, ticketId, input: { reason: '重复报名' } });
      expect(revoked).toMatchObject({ ticketId, status: 'revoked', revocationReason: 'revoked-by-staff' });
      expect(await tickets.revoke({ actor: staff, ticketId, input: { reason: '重复报名' } })).toEqual(revoked);
      expect(await count(`outbox WHERE event_type = $1 AND payload->'data'->>'ticketId' = $2`, [TicketRevokedV1.contract.type, ticketId])).toBe(1);

      clock.set(at(`${DATE}T08:30:00`));
      const usedTicket = await ticketOf(used);
      await tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: usedTicket.checkInCode, idLast4: '002X' } });
      const problem = await problemOf(tickets.revoke({ actor: staff, ticketId: usedTicket.ticketId, input: { reason: 'x' } }));
      expect(problem.problem).toMatchObject({ status: 409, type: problemEntry('ticket-no-longer-revocable').type });
      clock.set(at('2026-11-26T16:00:00'));
    });
  });

  describe('on the day', () => {
    it('checks in by code and by QR payload with the real-name check, refusing a wrong last 4, a second check-in, a revoked ticket and another agency', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const [byCode, byQr, revoked] = [person(day, { last4: '002X' }), person(day, { last4: '0021' }), person(day)];
      for (const p of [byCode, byQr, revoked]) await issue(p);
      const codeTicket = await ticketOf(byCode);
      const qrTicket = await ticketOf(byQr);
      const revokedTicket = await ticketOf(revoked);
      await tickets.revoke({ actor: staff, ticketId: revokedTicket.ticketId, input: { reason: '本人申请' } });

      clock.set(at(`${DATE}T06:59:00`));
      const early = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: codeTicket.checkInCode, idLast4: '002X' } }));
      expect(early.problem).toMatchObject({ status: 422, type: problemEntry('outside-check-in-window').type });
      expect(early.problem.detail).toContain('2026-11-29 07:00');

      clock.set(at(`${DATE}T08:41:07`));
      const wrong = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: codeTicket.checkInCode, idLast4: '0021' } }));
      expect(wrong.problem).toMatchObject({ status: 422, type: problemEntry('real-name-check-failed').type });
      const otherAgency = await problemOf(
        tickets.checkIn({ actor: { ...staff, agencyId: 'gulou-district' }, openDayId: day.openDayId, input: { code: codeTicket.checkInCode, idLast4: '002X' } }),
      );
      expect(otherAgency.getStatus()).toBe(404);
      expect((await problemOf(tickets.checkIn({ actor: staff, openDayId: randomUUID(), input: { code: codeTicket.checkInCode, idLast4: '002X' } }))).getStatus()).toBe(404);

      const checkedIn = await tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: codeTicket.checkInCode, idLast4: '002x' } });
      expect(checkedIn).toMatchObject({ ticketId: codeTicket.ticketId, status: 'checked-in', checkInMethod: 'code', checkedInAt: at(`${DATE}T08:41:07`).toISOString() });
      const second = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: codeTicket.checkInCode, idLast4: '002X' } }));
      expect(second.problem).toMatchObject({ status: 409, type: problemEntry('already-checked-in').type });
      expect(second.problem.detail).toContain('2026-11-29 08:41:07');

      const viaQr = await tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { qrPayload: qrTicket.qrPayload, idLast4: '0021' } });
      expect(viaQr).toMatchObject({ status: 'checked-in', checkInMethod: 'qr' });
      const forged = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { qrPayload: qrPayloadOf(qrTicket.ticketId, 'ZZZZZZZZ'), idLast4: '0021' } }));
      expect(forged.getStatus()).toBe(404);
      const junk = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { qrPayload: 'hello', idLast4: '0021' } }));
      expect(junk.problem).toMatchObject({ status: 400, errors: [{ field: 'qrPayload', rule: 'qrPayload' }] });
      const both = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: qrTicket.checkInCode, qrPayload: qrTicket.qrPayload, idLast4: '0021' } }));
      expect(both.problem).toMatchObject({ status: 400, errors: [{ field: 'code', rule: 'exclusive' }] });

      const refused = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: revokedTicket.checkInCode, idLast4: '002X' } }));
      expect(refused.problem).toMatchObject({ status: 409, type: problemEntry('ticket-revoked').type });
      expect((await problemOf(tickets.checkIn({ actor: { userId: randomUUID(), role: 'reviewer', agencyId: 'water-affairs-bureau' }, openDayId: day.openDayId, input: { code: codeTicket.checkInCode, idLast4: '002X' } }))).getStatus()).toBe(403);

      const events = await outbox(AttendeeCheckedInV1.contract as EventContract<unknown>, `AND payload->'data'->>'openDayId' = '${day.openDayId}'`);
      expect(events.map((e) => [e.ticketId, e.method])).toEqual([
        [codeTicket.ticketId, 'code'],
        [qrTicket.ticketId, 'qr'],
      ]);
    });

    it('shows a change of time or place on the ticket and moves the no-show timer', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const p = person(day);
      await issue(p);
      const example = OpenDayChangedV1.contract.definition.example;
      const changed = event(OpenDayChangedV1.contract, {
        ...example,
        openDayId: day.openDayId,
        planId: day.published.data.planId,
        sessions: [{ sessionId: day.sessionId, date: '2026-11-30', startsAt: '14:00', endsAt: '16:30', capacity: 20 }],
        venues: [{ name: '第二水厂', address: '江滨路 2 号' }],
        assemblyPoint: '市民中心南门',
      });
      await deliver(subscribers.openDays, changed);
      expect(await ticketOf(p)).toMatchObject({
        date: '2026-11-30',
        startsAt: '14:00',
        endsAt: '16:30',
        startsAtInstant: '2026-11-30T06:00:00.000Z',
        venues: [{ name: '第二水厂', address: '江滨路 2 号' }],
        assemblyPoint: '市民中心南门',
      });
      const [timer] = await dataSource.query('SELECT due_at FROM no_show_timers WHERE session_id = $1', [day.sessionId]);
      expect(timer.due_at).toEqual(at('2026-11-30T16:30:00'));
    });

    it('revokes the tickets of a session a change dropped, and keeps the others', async () => {
      const day = openDay([
        { startsAt: '09:00', endsAt: '11:30' },
        { startsAt: '14:00', endsAt: '16:00' },
      ]);
      await deliver(subscribers.openDays, day.published);
      const [morning, afternoon] = [person(day), person(day, { sessionId: day.sessionIds[1] })];
      for (const p of [morning, afternoon]) await issue(p);
      const kept = day.published.data.sessions[0];
      await deliver(
        subscribers.openDays,
        event(OpenDayChangedV1.contract, { ...OpenDayChangedV1.contract.definition.example, openDayId: day.openDayId, planId: day.published.data.planId, sessions: [kept] }),
      );
      expect(await ticketOf(morning)).toMatchObject({ status: 'issued' });
      const dropped = await ticketOf(afternoon);
      expect(dropped).toMatchObject({ status: 'revoked', revocationReason: 'session-cancelled' });
      const revoked = await outbox(TicketRevokedV1.contract as EventContract<unknown>, `AND payload->'data'->>'openDayId' = '${day.openDayId}'`);
      expect(revoked).toEqual([expect.objectContaining({ ticketId: dropped.ticketId, reason: 'session-cancelled' })]);
    });

    it('records no-shows at the session’s end, once, ends the open day after its last session with the figures, and refuses check-in after the end', async () => {
      const day = openDay([
        { startsAt: '09:00', endsAt: '11:30' },
        { startsAt: '14:00', endsAt: '16:00' },
      ]);
      await deliver(subscribers.openDays, day.published);
      const [morning, absent, revoked, afternoon] = [person(day), person(day), person(day), person(day, { sessionId: day.sessionIds[1] })];
      for (const p of [morning, absent, revoked, afternoon]) await issue(p);
      await tickets.revoke({ actor: staff, ticketId: (await ticketOf(revoked)).ticketId, input: { reason: '本人申请' } });
      clock.set(at(`${DATE}T09:10:00`));
      await tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: (await ticketOf(morning)).checkInCode, idLast4: '002X' } });

      clock.set(at(`${DATE}T11:29:59`));
      expect(await noShows.recordDue()).not.toContain(day.sessionIds[0]);
      clock.set(at(`${DATE}T11:30:00`));
      expect(await noShows.recordDue()).toContain(day.sessionIds[0]);
      expect(await noShows.recordDue()).toEqual([]);
      expect((await ticketOf(absent)).status).toBe('no-show');
      expect((await ticketOf(afternoon)).status).toBe('issued');
      const late = await problemOf(tickets.checkIn({ actor: staff, openDayId: day.openDayId, input: { code: (await ticketOf(absent)).checkInCode, idLast4: '002X' } }));
      expect(late.problem).toMatchObject({ status: 422, type: problemEntry('outside-check-in-window').type });
      expect(await outbox(OpenDayEndedV1.contract as EventContract<unknown>, `AND payload->'data'->>'openDayId' = '${day.openDayId}'`)).toEqual([]);

      clock.set(at(`${DATE}T16:00:05`));
      expect(await noShows.recordDue()).toContain(day.sessionIds[1]);
      const noShowEvents = await outbox(AttendeeNoShowV1.contract as EventContract<unknown>, `AND payload->'data'->>'openDayId' = '${day.openDayId}'`);
      expect(noShowEvents.map((e) => [e.personId, e.sessionDate, e.sessionEndedAt])).toEqual([
        [absent.personId, DATE, at(`${DATE}T11:30:00`).toISOString()],
        [afternoon.personId, DATE, at(`${DATE}T16:00:00`).toISOString()],
      ]);
      expect(await outbox(OpenDayEndedV1.contract as EventContract<unknown>, `AND payload->'data'->>'openDayId' = '${day.openDayId}'`)).toEqual([
        {
          openDayId: day.openDayId,
          agencyId: 'water-affairs-bureau',
          title: day.published.data.title,
          firstDate: DATE,
          lastDate: DATE,
          attendance: { ticketsIssued: 4, ticketsRevoked: 1, checkedIn: 1, noShows: 2 },
          endedAt: clock.now().toISOString(),
        },
      ]);
      // A late redelivery of the publication sets no new timer for a session already done.
      await deliver(subscribers.openDays, day.published);
      expect(await noShows.recordDue()).toEqual([]);
      clock.set(at('2026-11-26T16:00:00'));
    });
  });

  describe('rosters', () => {
    it('lists a session’s tickets page by page with counts, as CSV too, for the agency and the city office only', async () => {
      const day = openDay();
      await deliver(subscribers.openDays, day.published);
      const people = Array.from({ length: 3 }, () => person(day));
      for (const p of people) await issue(p);
      const request = { actor: staff, openDayId: day.openDayId, sessionId: day.sessionId };
      const first = await tickets.roster({ ...request, query: { limit: 2 } });
      expect(first).toMatchObject({ date: DATE, startsAt: '09:00', endsAt: '11:30', counts: { issued: 3, checkedIn: 0, noShow: 0, revoked: 0 } });
      expect(first.items).toHaveLength(2);
      const second = await tickets.roster({ ...request, query: { limit: 2, cursor: first.nextCursor! } });
      expect(second.nextCursor).toBeNull();
      expect([...first.items, ...second.items].map((e) => e.personId)).toEqual(people.map((p) => p.personId));
      expect(JSON.stringify(first)).not.toMatch(/checkInCode/);

      const cityOffice = await tickets.roster({ ...request, actor: { userId: randomUUID(), role: 'city-office' }, query: {} });
      expect(cityOffice.items).toHaveLength(3);
      expect((await problemOf(tickets.roster({ ...request, actor: { ...staff, agencyId: 'gulou-district' }, query: {} }))).getStatus()).toBe(404);
      expect((await problemOf(tickets.roster({ ...request, openDayId: randomUUID(), query: {} }))).getStatus()).toBe(404);
      expect((await problemOf(tickets.roster({ ...request, query: { cursor: 'junk' } }))).problem).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });

      const file = await tickets.rosterCsv(request);
      expect(file.filename).toBe(`roster-${DATE}-0900-${day.sessionId.slice(0, 8)}.csv`);
      expect(file.csv.split('\n').filter(Boolean)).toHaveLength(4);
      expect(file.csv).toContain('张*三,110105********002X,issued 已发放');
    });
  });
});
