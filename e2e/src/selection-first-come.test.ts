import { randomUUID } from 'node:crypto';
import {
  OpenDayPublishedV2,
  type JointReviewOpenDayPage,
  type JointReviewView,
  type PublicNoticeView,
  type SelectionResultView,
} from '@openday/contracts';
import { addDays, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { DEMO_PASSWORD, testResidentId, waitFor } from '@openday/testing';
import { SelectionHarness } from './selection-harness';

/**
 * First-come selection and joint review over HTTP, every deployable its own process: 300
 * citizens signed in through the real one-time-code flow apply at once for 10 places; vetting
 * decides them in submission order (registration's arrival sequence), whatever order their events
 * reach it in, once each has waited the settle window for earlier ones still on their way. Then an open
 * day with two co-signing departments: selections hold until both have signed, a refusal
 * promotes the next, and only then is the public notice published; each department's
 * worklist names the open day while selections wait for its signature.
 */
const DAY = 86_400_000;
const EVENT_DATE = addDays(toCalendarDate(shanghaiDateOf(new Date())), 30);
const APPLICANTS = 300;

function residentId(n: number): string {
  return testResidentId(addDays('1972-01-01', n * 7), String(100 + (n % 800)).padStart(3, '0'));
}
const mobileOf = (n: number) => `136${String(30_000_000 + n).slice(-8)}`;

function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  return work().then((result) => {
    process.stdout.write(`[selection-first-come] ${label}: ${Date.now() - started} ms\n`);
    return result;
  });
}

describe('first-come selection and joint review, over HTTP', () => {
  const harness = new SelectionHarness();
  const { tokens } = harness;
  const call = harness.call.bind(harness);
  const publish = harness.publish.bind(harness);
  const vettingCount = harness.vettingCount.bind(harness);
  const staffSignIn = harness.staffSignIn.bind(harness);
  const citizenSignIn = harness.citizenSignIn.bind(harness);

  beforeAll(() => harness.start(), 120_000);
  afterAll(() => harness.stop(), 60_000);
  function openDayData(overrides: Partial<OpenDayPublishedV2>): OpenDayPublishedV2 {
    return {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      planId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
      quotas: [],
      minOrdinaryShare: 1 / 3,
      mediaOutsideQuota: true,
      selectionMode: 'first-come',
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
      publishedAt: new Date().toISOString(),
      ...overrides,
    };
  }

  function applyAs(n: number, openDayId: string): Promise<Response> {
    return call(
      'POST',
      `/api/v1/open-days/${openDayId}/applications`,
      { channel: 'self', applicant: { name: '王小红', idNumber: residentId(n), mobile: mobileOf(n), category: 'ordinary-citizen', district: 'gulou', privacyConsent: true } },
      tokens.get(n),
    );
  }

  it('takes 300 concurrent applications for 10 places: exactly 10 selected, the first 10 in submission order, the rest waitlisted in order', async () => {
    const openDay = openDayData({});
    await publish(openDay);
    await waitFor(async () => (await vettingCount('vetting_sessions WHERE open_day_id = $1', [openDay.openDayId])) === 1, { what: 'vetting’s copy' });
    const people = Array.from({ length: APPLICANTS }, (_, n) => n);
    await timed(`sign in ${APPLICANTS} citizens (real OTP flow, batches of 50)`, async () => {
      for (let start = 0; start < APPLICANTS; start += 50) {
        await Promise.all(people.slice(start, start + 50).map(async (n) => tokens.set(n, await citizenSignIn(mobileOf(n)))));
      }
    });
    await timed(`${APPLICANTS} concurrent applications through the gateway`, async () => {
      const responses = await Promise.all(people.map((n) => applyAs(n, openDay.openDayId)));
      const refused = responses.filter((r) => r.status !== 201);
      expect(await Promise.all(refused.slice(0, 3).map(async (r) => `${r.status} ${await r.text()}`))).toEqual([]);
      await Promise.all(responses.map((r) => r.arrayBuffer()));
    });
    await timed(`vetting decided all ${APPLICANTS}`, () =>
      waitFor(async () => (await vettingCount(`vetting_applicants WHERE open_day_id = $1 AND status <> 'eligible'`, [openDay.openDayId])) === APPLICANTS, {
        what: 'vetting to decide every arrival',
        timeoutMs: 60_000,
        intervalMs: 200,
      }),
    );

    const { rows } = await harness.vettingDb.query(
      `SELECT person_id AS "personId", status, arrival_order::int AS received, waitlist_position AS position FROM vetting_applicants WHERE open_day_id = $1 ORDER BY arrival_sequence`,
      [openDay.openDayId],
    );
    const arrivals = rows as Array<{ personId: string; status: string; received: number; position: number | null }>;
    expect(arrivals.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill('selected'));
    expect(arrivals.slice(10).map((a) => a.status)).toEqual(Array(APPLICANTS - 10).fill('waitlisted'));
    expect(arrivals.slice(10).map((a) => a.position)).toEqual(Array.from({ length: APPLICANTS - 10 }, (_, i) => i + 1));
    const inversions = arrivals.filter((a, i) => i > 0 && a.received < arrivals[i - 1].received).length;
    process.stdout.write(`[selection-first-come] the order vetting received them in vs registration's arrivalSequence: ${inversions} adjacent inversions in ${APPLICANTS}\n`);

    const result = (await (await call('GET', `/api/v1/open-days/${openDay.openDayId}/selection`, undefined, harness.staffToken)).json()) as SelectionResultView;
    expect(result.sessions[0]).toMatchObject({ placesTaken: 10, ordinaryShareMet: true });
    expect(result.sessions[0].selected.map((a) => a.personId)).toEqual(arrivals.slice(0, 10).map((a) => a.personId));
  }, 120_000);

  it('joint review: a selection holds until the last co-signing department signs; a refusal promotes the next', async () => {
    const cityOffice = await staffSignIn('city-office');
    const created = await call(
      'POST',
      '/api/v1/agencies/intermediate-court/accounts',
      { username: 'court-handler', displayName: '中院 立案庭 陈科员', role: 'department-handler', password: DEMO_PASSWORD },
      cityOffice,
    );
    expect(created.status).toBe(201);
    const taxHandler = await staffSignIn('tax-handler');
    const courtHandler = await staffSignIn('court-handler');
    const openDay = openDayData({ coSigningDepartments: ['tax-bureau', 'intermediate-court'], minOrdinaryShare: 0 });
    openDay.sessions[0].capacity = 2;
    await publish(openDay);
    await waitFor(async () => (await vettingCount('vetting_sessions WHERE open_day_id = $1', [openDay.openDayId])) === 1, { what: 'vetting’s copy' });
    for (const n of [0, 1, 2]) expect((await applyAs(n, openDay.openDayId)).status).toBe(201);
    await waitFor(async () => (await vettingCount(`vetting_applicants WHERE open_day_id = $1 AND status <> 'eligible'`, [openDay.openDayId])) === 3, { what: 'decisions' });

    const pending = async (token: string) => {
      const res = await call('GET', `/api/v1/open-days/${openDay.openDayId}/joint-review`, undefined, token);
      expect(res.status).toBe(200);
      return (await res.json()) as JointReviewView;
    };
    const sign = (token: string, signatures: unknown[]) => call('POST', `/api/v1/open-days/${openDay.openDayId}/joint-review/signatures`, { signatures }, token);
    // Each department's worklist: this open day, with how many selections wait for that department's signature.
    const waitingFor = async (token: string) => {
      const res = await call('GET', '/api/v1/department/joint-review?limit=100', undefined, token);
      expect(res.status).toBe(200);
      return ((await res.json()) as JointReviewOpenDayPage).items.filter((item) => item.openDayId === openDay.openDayId).map((item) => item.pending);
    };
    const notice = async () => ((await (await call('GET', `/api/v1/public/open-days/${openDay.openDayId}/public-notice`)).json()) as PublicNoticeView).sessions;

    const [first, second] = (await pending(taxHandler)).pending.map((p) => p.personId);
    expect(second).toBeDefined();
    const listed = ((await (await call('GET', '/api/v1/department/joint-review?limit=100', undefined, taxHandler)).json()) as JointReviewOpenDayPage).items;
    expect(listed.find((item) => item.openDayId === openDay.openDayId)).toEqual({
      openDayId: openDay.openDayId,
      title: openDay.title,
      agencyId: openDay.agencyId,
      dates: [EVENT_DATE],
      pending: 2,
    });
    expect((await call('GET', '/api/v1/department/joint-review?cursor=not-ours', undefined, taxHandler)).status).toBe(400);
    expect((await call('GET', '/api/v1/department/joint-review', undefined, harness.staffToken)).status).toBe(403);
    const badInput = await sign(taxHandler, [{ personId: first, decision: 'refuse' }]);
    expect(badInput.status).toBe(400);
    expect(new Set(((await badInput.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field))).toEqual(new Set(['signatures[0].reason']));
    expect((await sign(taxHandler, [{ personId: first, decision: 'sign' }, { personId: second, decision: 'sign' }])).status).toBe(200);
    expect((await pending(courtHandler)).pending.map((p) => p.awaiting)).toEqual([['intermediate-court'], ['intermediate-court']]);
    expect([await waitingFor(taxHandler), await waitingFor(courtHandler)]).toEqual([[], [2]]);
    expect((await call('GET', `/api/v1/open-days/${openDay.openDayId}/joint-review`, undefined, harness.staffToken)).status).toBe(403);

    // Registration closes: the selection is complete, but not final while a department has not signed.
    await publish({ ...openDay, registrationClosesAt: new Date(Date.now() - 1000).toISOString() });
    await waitFor(async () => (await vettingCount('vetting_sessions WHERE id = $1 AND completed_at IS NOT NULL', [openDay.sessions[0].sessionId])) === 1, {
      what: 'the close',
    });
    expect(await notice()).toEqual([]);

    const refused = await sign(courtHandler, [{ personId: first, decision: 'sign' }, { personId: second, decision: 'refuse', reason: '与本院在审案件存在利害关系' }]);
    expect(refused.status).toBe(200);
    const promoted = (await refused.json()) as JointReviewView;
    expect(promoted.pending).toHaveLength(1);
    const third = promoted.pending[0].personId;
    expect(third).not.toBe(second);
    expect([await waitingFor(taxHandler), await waitingFor(courtHandler)]).toEqual([[1], [1]]);
    expect(await notice()).toEqual([]);
    expect((await sign(courtHandler, [{ personId: third, decision: 'sign' }])).status).toBe(200);
    expect(await notice()).toEqual([]);
    expect((await sign(taxHandler, [{ personId: third, decision: 'sign' }])).status).toBe(200);
    expect([await waitingFor(taxHandler), await waitingFor(courtHandler)]).toEqual([[], []]);
    const published = await notice();
    expect(published).toHaveLength(1);
    expect(published[0].representatives.map((r) => r.maskedName)).toEqual(['王*红', '王*红']);
    const result = (await (await call('GET', `/api/v1/open-days/${openDay.openDayId}/selection`, undefined, harness.staffToken)).json()) as SelectionResultView;
    expect(result.sessions[0].selected.map((a) => [a.personId, a.awaitingJointReview]).sort()).toEqual([[first, false], [third, false]].sort());
  }, 60_000);
});
