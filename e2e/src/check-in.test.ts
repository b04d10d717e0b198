import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  OpenDayChangedV1,
  OpenDayChangedV2,
  OpenDayPublishedV2,
  type ApplicationPage,
  type AttendanceEntry,
  type EventContract,
  type RosterPage,
  type TicketPage,
  type TicketView,
} from '@openday/contracts';
import { addDays, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { PlatformHarness, testResidentId, waitFor } from '@openday/testing';

/**
 * Admission and the day over HTTP, every deployable its own process. Scheduling runs on a
 * shifted clock (SCHEDULING_TEST_NOW) that puts it on the morning of the open day, 30 days
 * from now; everything else runs on the real clock, so citizens apply and vetting selects
 * (first come) as usual. Check-in refuses a wrong last 4, a second check-in and a revoked
 * ticket; then the session is moved (open-day-changed) to end a minute later, the absent
 * holder becomes a no-show, and vetting screens them out of the next open day.
 */
const DAY = 86_400_000;
const EVENT_DATE = addDays(toCalendarDate(shanghaiDateOf(new Date())), 30);
const NEXT_DATE = addDays(EVENT_DATE, 7);

function residentId(n: number): string {
  return testResidentId(addDays('1975-01-01', n * 11), String(300 + n).padStart(3, '0'));
}
const mobileOf = (n: number) => `137${String(40_000_000 + n).slice(-8)}`;
const NAMES = ['王小红', '李四', '张小三', '赵六'];
const hhmm = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

describe('check-in, rosters and no-shows, over HTTP', () => {
  const platform = new PlatformHarness();
  const citizens = new Map<number, string>();
  let staff: string;
  let vettingDb: Client;

  beforeAll(async () => {
    await platform.start({
      scheduling: { SCHEDULING_TEST_NOW: `${EVENT_DATE}T09:00:00+08:00`, LOG_LEVEL: 'warn' },
      registration: { PERSONAL_DATA_KEY: randomBytes(32).toString('base64'), PERSONAL_DATA_HASH_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn' },
      gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '10000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', LOG_LEVEL: 'warn' },
      vetting: { TIMER_POLL_MS: '200', LOG_LEVEL: 'warn' },
      notification: { LOG_LEVEL: 'warn' },
      feedback: { LOG_LEVEL: 'warn' },
    });
    vettingDb = new Client({ connectionString: platform.databases.find((d) => d.name.includes('vetting'))!.url });
    await vettingDb.connect();
    await platform.seedDemoCity();
    staff = await staffSignIn('water-staff');
    for (const n of [0, 1, 2, 3]) citizens.set(n, await citizenSignIn(mobileOf(n)));
  }, 180_000);
  afterAll(async () => {
    await vettingDb?.end();
    await platform.stop();
  }, 60_000);

  function call(method: string, url: string, body?: unknown, token?: string): Promise<Response> {
    return platform.client.call(method, url, body, token);
  }

  async function json<T>(response: Promise<Response>, status = 200): Promise<T> {
    const res = await response;
    const text = await res.text();
    expect(`${res.status} ${text}`).toMatch(new RegExp(`^${status} `));
    return JSON.parse(text) as T;
  }

  async function problem(response: Promise<Response>, status: number): Promise<{ type: string; detail: string; errors?: Array<{ field: string }> }> {
    const res = await response;
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return json(Promise.resolve(res), status);
  }

  function staffSignIn(username: string): Promise<string> {
    return platform.client.staffSignIn(username);
  }

  async function citizenSignIn(mobile: string): Promise<string> {
    return platform.client.citizenSignIn(mobile, await platform.signInCodes());
  }

  /** Puts an event straight onto the bus, as scheduling's outbox relay would. */
  function publish<T extends { openDayId: string }>(contract: EventContract<T>, data: T): Promise<void> {
    return platform.publish(contract, data, data.openDayId);
  }

  function openDay(date: string, endsAt: string): OpenDayPublishedV2 {
    return {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      planId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date, startsAt: '08:00', endsAt, capacity: 10 }],
      quotas: [],
      selectionMode: 'first-come',
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou'] },
      registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
      publishedAt: new Date().toISOString(),
    };
  }

  async function apply(n: number, openDayId: string, extra: Record<string, unknown> = {}): Promise<void> {
    const applicant = { name: NAMES[n], idNumber: residentId(n), mobile: mobileOf(n), category: 'ordinary-citizen', district: 'gulou', privacyConsent: true, ...extra };
    await json(call('POST', `/api/v1/open-days/${openDayId}/applications`, { channel: 'self', applicant }, citizens.get(n)), 201);
  }

  async function ticketOf(n: number): Promise<TicketView> {
    const page = await waitFor(
      async () => {
        const found = await json<TicketPage>(call('GET', '/api/v1/my/tickets', undefined, citizens.get(n)));
        return found.items.length > 0 ? found : undefined;
      },
      { what: `citizen ${n}'s ticket`, timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(page.items).toHaveLength(1);
    return page.items[0];
  }

  const checkIn = (openDayId: string, body: unknown, token = staff) => call('POST', `/api/v1/open-days/${openDayId}/check-ins`, body, token);

  it('issues tickets, checks people in with the real-name check, records the no-show after the end, and vetting screens them out next time', async () => {
    const day = openDay(EVENT_DATE, '23:00');
    const session = day.sessions[0];
    await platform.publishOpenDay(day);
    await waitFor(async () => (await vettingDb.query('SELECT 1 FROM vetting_sessions WHERE id = $1', [session.sessionId])).rowCount === 1, { what: 'vetting’s copy', timeoutMs: 30_000 });
    await waitFor(async () => (await call('GET', `/api/v1/open-days/${day.openDayId}`)).status === 200, { what: 'registration’s copy', timeoutMs: 30_000 });
    await apply(0, day.openDayId, { email: 'citizen0@example.cn', language: 'en' });
    for (const n of [1, 2, 3]) await apply(n, day.openDayId);

    // The ticket: session, time, place, agenda, notices, code; as it is issued by scheduling on its (shifted) clock.
    const tickets = new Map<number, TicketView>();
    for (const n of [0, 1, 2, 3]) tickets.set(n, await ticketOf(n));
    const schedulingOffset = new Date(tickets.get(3)!.issuedAt).getTime() - Date.now();
    expect(tickets.get(0)).toMatchObject({
      openDayId: day.openDayId,
      sessionId: session.sessionId,
      title: day.title,
      date: EVENT_DATE,
      startsAt: '08:00',
      endsAt: '23:00',
      assemblyPoint: day.assemblyPoint,
      venues: day.venues,
      status: 'issued',
      promoted: false,
      checkInCode: expect.stringMatching(/^[0-9A-Z]{8}$/),
    });
    expect(tickets.get(0)!.qrPayload).toBe(`OPENDAY-TICKET:1:${tickets.get(0)!.ticketId}:${tickets.get(0)!.checkInCode}`);
    const [first] = [tickets.get(0)!];
    expect((await call('GET', `/api/v1/my/tickets/${first.ticketId}`, undefined, citizens.get(1))).status).toBe(404);
    expect(await json<TicketView>(call('GET', `/api/v1/my/tickets/${first.ticketId}`, undefined, citizens.get(0)))).toEqual(first);

    const png = await call('GET', `/api/v1/my/tickets/${first.ticketId}/qr?format=png`, undefined, citizens.get(0));
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const svg = await call('GET', `/api/v1/my/tickets/${first.ticketId}/qr?format=svg`, undefined, citizens.get(0));
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await problem(call('GET', `/api/v1/my/tickets/${first.ticketId}/qr?format=gif`, undefined, citizens.get(0)), 400)).errors?.map((e) => e.field)).toEqual(['format']);

    // Staff revoke one ticket (audited).
    const admin = await staffSignIn('water-admin');
    const revoked = await json<AttendanceEntry>(call('POST', `/api/v1/tickets/${tickets.get(1)!.ticketId}/revocation`, { reason: '本人来电取消' }, admin));
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'revoked-by-staff', maskedName: '李*' });
    expect((await problem(call('POST', `/api/v1/tickets/${tickets.get(1)!.ticketId}/revocation`, { reason: ' ' }, admin), 400)).errors?.map((e) => e.field)).toEqual(['reason']);

    // The door: wrong last 4, right, a second time, a revoked ticket, another agency, and by QR payload.
    const last4 = (n: number) => residentId(n).slice(-4);
    const wrongLast4 = String((Number(last4(0).slice(0, 3)) + 1) % 1000).padStart(3, '0') + last4(0).slice(3);
    expect((await problem(checkIn(day.openDayId, { code: first.checkInCode, idLast4: wrongLast4 }), 422)).type).toMatch(/real-name-check-failed$/);
    const checkedIn = await json<AttendanceEntry>(checkIn(day.openDayId, { code: first.checkInCode.toLowerCase(), idLast4: last4(0).toLowerCase() }));
    expect(checkedIn).toMatchObject({ ticketId: first.ticketId, status: 'checked-in', checkInMethod: 'code' });
    const second = await problem(checkIn(day.openDayId, { code: first.checkInCode, idLast4: last4(0) }), 409);
    expect(second.type).toMatch(/already-checked-in$/);
    expect(second.detail).toContain(`${EVENT_DATE} `);
    expect((await problem(checkIn(day.openDayId, { code: tickets.get(1)!.checkInCode, idLast4: last4(1) }), 409)).type).toMatch(/ticket-revoked$/);
    const gulou = await staffSignIn('gulou-staff');
    expect((await problem(checkIn(day.openDayId, { code: tickets.get(3)!.checkInCode, idLast4: last4(3) }, gulou), 404)).detail).toContain('your agency');
    expect((await problem(checkIn(day.openDayId, { idLast4: last4(3) }), 400)).errors?.map((e) => e.field).sort()).toEqual(['code', 'code', 'qrPayload', 'qrPayload']);
    expect(await json<AttendanceEntry>(checkIn(day.openDayId, { qrPayload: tickets.get(3)!.qrPayload, idLast4: last4(3) }))).toMatchObject({ status: 'checked-in', checkInMethod: 'qr' });

    // The roster, as JSON for the agency and the city office, and as CSV; another agency sees nothing.
    const rosterUrl = `/api/v1/open-days/${day.openDayId}/sessions/${session.sessionId}/roster`;
    const roster = await json<RosterPage>(call('GET', rosterUrl, undefined, staff));
    expect(roster.counts).toEqual({ issued: 1, checkedIn: 2, noShow: 0, revoked: 1 });
    expect(JSON.stringify(roster)).not.toContain(residentId(0));
    expect((await json<RosterPage>(call('GET', `${rosterUrl}?limit=1`, undefined, await staffSignIn('city-office')))).nextCursor).not.toBeNull();
    expect((await call('GET', rosterUrl, undefined, gulou)).status).toBe(404);
    const csv = await call('GET', `${rosterUrl}.csv`, undefined, admin);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="roster-${EVENT_DATE}-0800-${session.sessionId.slice(0, 8)}.csv"`);
    const lines = (await csv.text()).split('\n').filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l.includes('checked-in 已签到')).map((l) => l.split(',')[4])).toEqual([
      expect.stringMatching(new RegExp(`^${EVENT_DATE} \\d\\d:\\d\\d:\\d\\d$`)),
      expect.stringMatching(new RegExp(`^${EVENT_DATE} \\d\\d:\\d\\d:\\d\\d$`)),
    ]);

    // The agency moves the session's end to the next minute on scheduling's clock; the ticket shows it.
    const schedulingNow = new Date(Date.now() + schedulingOffset);
    const newEnd = new Date(Math.ceil((schedulingNow.getTime() + 15_000) / 60_000) * 60_000);
    const changed: OpenDayChangedV1 = {
      openDayId: day.openDayId,
      planId: day.planId,
      agencyId: day.agencyId,
      title: day.title,
      changedFields: ['sessions'],
      sessions: [{ ...session, endsAt: hhmm(newEnd) }],
      venues: day.venues,
      assemblyPoint: day.assemblyPoint,
      reason: '提前结束',
      changedAt: new Date().toISOString(),
    };
    await publish(OpenDayChangedV1.contract, changed);
    await publish(OpenDayChangedV2.contract, {
      ...changed,
      removedSessionIds: [],
      quotas: day.quotas,
      minOrdinaryShare: day.minOrdinaryShare,
      eligibility: day.eligibility,
      notices: [],
      releases: [],
      review: 'approved-by-city-office',
    });
    await waitFor(async () => (await ticketOf(2)).endsAt === hhmm(newEnd), { what: 'the change on the ticket', timeoutMs: 30_000 });

    // After the end: the absent holder is a no-show, in vetting's register too, and can no longer check in.
    const absent = await waitFor(
      async () => {
        const ticket = await ticketOf(2);
        return ticket.status === 'no-show' ? ticket : undefined;
      },
      { what: 'the no-show', timeoutMs: 120_000, intervalMs: 500 },
    );
    expect((await ticketOf(0)).status).toBe('checked-in');
    expect((await ticketOf(1)).status).toBe('revoked');
    await waitFor(async () => (await vettingDb.query('SELECT 1 FROM no_show_register WHERE open_day_id = $1 AND event_date = $2', [day.openDayId, EVENT_DATE])).rowCount === 1, {
      what: 'vetting’s no-show register',
      timeoutMs: 30_000,
    });
    expect((await problem(checkIn(day.openDayId, { code: absent.checkInCode, idLast4: last4(2) }), 422)).type).toMatch(/outside-check-in-window$/);
    const finalRoster = await json<RosterPage>(call('GET', rosterUrl, undefined, staff));
    expect(finalRoster.counts).toEqual({ issued: 0, checkedIn: 2, noShow: 1, revoked: 1 });

    // The next open day: the no-show is screened out (reason no-show), someone who came is selected.
    const next = openDay(NEXT_DATE, '11:30');
    await platform.publishOpenDay(next);
    await waitFor(async () => (await vettingDb.query('SELECT 1 FROM vetting_sessions WHERE id = $1', [next.sessions[0].sessionId])).rowCount === 1, { what: 'vetting’s copy', timeoutMs: 30_000 });
    await waitFor(async () => (await call('GET', `/api/v1/open-days/${next.openDayId}`)).status === 200, { what: 'registration’s copy', timeoutMs: 30_000 });
    await apply(2, next.openDayId);
    await apply(0, next.openDayId);
    const outcome = async (n: number) => {
      const page = await json<ApplicationPage>(call('GET', '/api/v1/me/applications', undefined, citizens.get(n)));
      const selection = page.items.find((a) => a.openDayId === next.openDayId)!.people[0].selection;
      return selection.outcome === 'pending' ? undefined : selection;
    };
    expect(await waitFor(() => outcome(2), { what: 'the no-show’s answer', timeoutMs: 30_000, intervalMs: 200 })).toMatchObject({ outcome: 'rejected', reasonCode: 'no-show-record' });
    expect(await waitFor(() => outcome(0), { what: 'the attendee’s answer', timeoutMs: 30_000, intervalMs: 200 })).toMatchObject({ outcome: 'selected' });
  }, 300_000);
});
