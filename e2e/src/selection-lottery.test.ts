import { createHash, createHmac, randomUUID } from 'node:crypto';
import {
  LotteryCommittedV1,
  LotteryRevealedV1,
  OpenDayPublishedV2,
  SelectionCompletedV1,
  type ApplicantCategory,
  type ApplicationView,
  type CloudEvent,
  type LotteryVerificationView,
  type PublicNoticeView,
  type SelectionResultView,
} from '@openday/contracts';
import { addDays, residentIdCheckCharacter, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { waitFor } from '@openday/testing';
import { SelectionHarness } from './selection-harness';

/**
 * Lottery selection over HTTP, every deployable its own process: 500 citizens signed in
 * through the real one-time-code flow apply at once for 20 places with category quotas and
 * the one-third rule; registration closes (the open day is re-published with its window
 * closing now, as a change would), vetting's timer draws the lottery, and the draw is re-run
 * from the public notice alone, following the published recipe (its commitment was public
 * before the first application was accepted), and through the public verification endpoint. Then a selected person
 * withdraws and the first waiting person who fits moves up.
 */
const DAY = 86_400_000;
const EVENT_DATE = addDays(toCalendarDate(shanghaiDateOf(new Date())), 30);
const APPLICANTS = 500;
const QUOTAS = [
  { category: 'ordinary-citizen' as const, places: 10 },
  { category: 'congress-deputy' as const, places: 5 },
  { category: 'party-member' as const, places: 5 },
];

function residentId(n: number): string {
  const first17 = `110105${addDays('1972-01-01', n * 7).replace(/-/g, '')}${String(100 + (n % 800)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}
const mobileOf = (n: number) => `137${String(20_000_000 + n).slice(-8)}`;
const CATEGORY_MIX: ApplicantCategory[] = [
  'ordinary-citizen', 'ordinary-citizen', 'party-member', 'congress-deputy', 'ordinary-citizen',
  'party-member', 'congress-deputy', 'ordinary-citizen', 'party-member', 'media',
];

/**
 * Lottery recipe 2 as its published text says, written here from that text alone (no platform
 * code): SHA-256 of the secret's bytes; the entry ids sorted by bytes, one a line; the seed from
 * the secret's and the list hash's bytes; entries by HMAC-SHA256 ticket, ascending.
 */
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
function rerunPublishedRecipe(draw: { secret: string; drawnOrder: string[] }) {
  const entryList = [...draw.drawnOrder].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map((id) => `${id}\n`).join('');
  const entryListHash = sha256(Buffer.from(entryList, 'utf8'));
  const seed = sha256(Buffer.concat([Buffer.from(draw.secret, 'hex'), Buffer.from(entryListHash, 'hex')]));
  const ticket = (id: string) => createHmac('sha256', Buffer.from(seed, 'hex')).update(id, 'utf8').digest('hex');
  const order = [...draw.drawnOrder].map((id) => [ticket(id), id]).sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1)).map(([, id]) => id);
  return { commitment: sha256(Buffer.from(draw.secret, 'hex')), entryListHash, seed, order };
}

function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  return work().then((result) => {
    process.stdout.write(`[selection-lottery] ${label}: ${Date.now() - started} ms\n`);
    return result;
  });
}

describe('lottery selection: 500 concurrent applications for 20 places, over HTTP', () => {
  const harness = new SelectionHarness();
  const { platform, tokens } = harness;
  const call = harness.call.bind(harness);
  const publish = harness.publish.bind(harness);
  const vettingCount = harness.vettingCount.bind(harness);
  const citizenSignIn = harness.citizenSignIn.bind(harness);

  beforeAll(() => harness.start(), 120_000);
  afterAll(() => harness.stop(), 60_000);
  async function result(openDayId: string): Promise<SelectionResultView> {
    const res = await call('GET', `/api/v1/open-days/${openDayId}/selection`, undefined, harness.staffToken);
    expect(res.status).toBe(200);
    return (await res.json()) as SelectionResultView;
  }

  it('draws exactly 20 within the quotas and the one-third rule, answers everyone, and re-runs from the published seed', async () => {
    const openDay: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      planId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 20 }],
      quotas: QUOTAS,
      minOrdinaryShare: 1 / 3,
      mediaOutsideQuota: true,
      selectionMode: 'lottery',
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
      publishedAt: new Date().toISOString(),
    };
    await publish(openDay);
    await waitFor(async () => (await vettingCount('vetting_sessions WHERE open_day_id = $1', [openDay.openDayId])) === 1, { what: 'vetting’s copy' });

    // The commitment is public before anyone applies: on the bus and on the public notice, without its secret.
    const publicNotice = async () => (await (await call('GET', `/api/v1/public/open-days/${openDay.openDayId}/public-notice`)).json()) as PublicNoticeView;
    const committedMessage = await waitFor(
      () =>
        platform.jsm.streams
          .getMessage(platform.namespace.eventStream('vetting'), { last_by_subj: LotteryCommittedV1.contract.subjectIn(platform.namespace) })
          .then((m) => m ?? undefined, () => undefined),
      { what: 'lottery-committed on the bus', timeoutMs: 10_000, intervalMs: 100 },
    );
    const committed = committedMessage.json<CloudEvent<LotteryCommittedV1>>().data;
    expect(committed).toMatchObject({ openDayId: openDay.openDayId, recipe: 2, commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const beforeDraw = await publicNotice();
    expect(beforeDraw.lotteryCommitment).toMatchObject({ recipe: 2, commitment: committed.commitment, committedAt: committed.committedAt, secret: null });

    const people = Array.from({ length: APPLICANTS }, (_, n) => n);
    await timed(`sign in ${APPLICANTS} citizens (real OTP flow, batches of 50)`, async () => {
      for (let start = 0; start < APPLICANTS; start += 50) {
        await Promise.all(people.slice(start, start + 50).map(async (n) => tokens.set(n, await citizenSignIn(mobileOf(n)))));
      }
    });

    const category = (n: number) => CATEGORY_MIX[n % CATEGORY_MIX.length];
    const applications = new Map<number, ApplicationView>();
    await timed(`${APPLICANTS} concurrent applications through the gateway`, async () => {
      const responses = await Promise.all(
        people.map((n) =>
          call(
            'POST',
            `/api/v1/open-days/${openDay.openDayId}/applications`,
            {
              channel: 'self',
              applicant: {
                name: '李小明',
                idNumber: residentId(n),
                mobile: mobileOf(n),
                category: category(n),
                district: n % 2 === 0 ? 'gulou' : 'taijiang',
                privacyConsent: true,
              },
            },
            tokens.get(n),
          ),
        ),
      );
      const refused = responses.filter((r) => r.status !== 201);
      expect(await Promise.all(refused.slice(0, 3).map(async (r) => `${r.status} ${await r.text()}`))).toEqual([]);
      for (const [n, res] of responses.entries()) applications.set(n, (await res.json()) as ApplicationView);
    });
    const firstAccepted = Math.min(...[...applications.values()].map((application) => Date.parse(application.submittedAt)));
    expect(Date.parse(committed.committedAt)).toBeLessThan(firstAccepted);
    await timed('vetting screened all 500', () =>
      waitFor(async () => (await vettingCount('vetting_applicants WHERE open_day_id = $1', [openDay.openDayId])) === APPLICANTS, {
        what: 'vetting to screen every applicant',
        timeoutMs: 60_000,
        intervalMs: 200,
      }),
    );

    // Registration closes now: the timer row moves to now and the poller draws.
    await publish({ ...openDay, registrationClosesAt: new Date(Date.now() - 1000).toISOString() });
    const completedMessage = await timed('lottery drawn after the close', () =>
      waitFor(
        () =>
          platform.jsm.streams
            .getMessage(platform.namespace.eventStream('vetting'), { last_by_subj: SelectionCompletedV1.contract.subjectIn(platform.namespace) })
            .then((m) => m ?? undefined, () => undefined),
        { what: 'selection-completed on the bus', timeoutMs: 30_000, intervalMs: 100 },
      ),
    );
    const completed = completedMessage.json<CloudEvent<SelectionCompletedV1>>().data;
    expect(completed).toMatchObject({ openDayId: openDay.openDayId, placesTaken: 20, ordinaryShareMet: true, shortfall: null });

    const selection = await result(openDay.openDayId);
    const session = selection.sessions[0];
    const inQuota = session.selected.filter((a) => a.category !== 'media');
    const count = (c: string) => inQuota.filter((a) => a.category === c).length;
    expect(inQuota).toHaveLength(20);
    expect(session.placesTaken).toBe(20);
    for (const quota of QUOTAS) expect(count(quota.category)).toBeLessThanOrEqual(quota.places);
    expect(count('ordinary-citizen')).toBeGreaterThanOrEqual(Math.ceil(20 / 3));
    expect(session.selected.filter((a) => a.category === 'media').length).toBeLessThanOrEqual(5);

    // Everyone else has an answer: waitlisted in drawn order, or rejected with a reason.
    const { rows } = await harness.vettingDb.query(`SELECT status, reason_code FROM vetting_applicants WHERE open_day_id = $1`, [openDay.openDayId]);
    const answered = rows as Array<{ status: string; reason_code: string | null }>;
    expect(answered.filter((r) => !['selected', 'waitlisted', 'rejected'].includes(r.status))).toEqual([]);
    expect(answered.filter((r) => r.status !== 'selected' && !r.reason_code)).toEqual([]);
    const drawnRank = new Map(completed.lottery!.drawnOrder.map((id, i) => [id, i]));
    const waitRanks = session.waitlisted.filter((a) => a.category !== 'media').map((a) => drawnRank.get(a.personId)!);
    expect(waitRanks).toEqual([...waitRanks].sort((a, b) => a - b));

    // Anyone can re-run the draw from the published seed and entries (in any order) and get the same list.
    const shuffled = [...completed.lottery!.drawnOrder].sort();
    const verification = await call('POST', '/api/v1/public/lottery-verifications', { seed: completed.lottery!.seed, entryIds: shuffled });
    expect(verification.status).toBe(200);
    expect(((await verification.json()) as LotteryVerificationView).drawnOrder).toEqual(completed.lottery!.drawnOrder);
    const bad = await call('POST', '/api/v1/public/lottery-verifications', { seed: 'XYZ', entryIds: ['nope'] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual(['entryIds', 'seed']);

    const notice = await publicNotice();
    expect(notice.sessions[0].representatives).toHaveLength(session.selected.length);
    const draw = notice.sessions[0].lottery!;
    expect(draw).toMatchObject({ ...completed.lottery, recipe: 2, commitment: committed.commitment, committedAt: committed.committedAt });
    expect(notice.lotteryCommitment).toMatchObject({ commitment: committed.commitment, secret: draw.secret });

    // The published recipe, followed with the public notice's values only, gives the commitment seen before anyone applied, the hash, the seed and the order.
    expect(rerunPublishedRecipe({ secret: draw.secret!, drawnOrder: draw.drawnOrder })).toEqual({
      commitment: committed.commitment,
      entryListHash: draw.entryListHash,
      seed: draw.seed,
      order: draw.drawnOrder,
    });
    // The entries are everyone screened in: those the draw placed, and those whose category had no places.
    const { rows: entered } = await harness.vettingDb.query(
      `SELECT person_id::text AS id FROM vetting_applicants WHERE open_day_id = $1 AND (status <> 'rejected' OR reason_code = 'no-places-for-category')`,
      [openDay.openDayId],
    );
    expect([...draw.drawnOrder].sort()).toEqual((entered as Array<{ id: string }>).map((r) => r.id).sort());
    const revealed = (
      await platform.jsm.streams.getMessage(platform.namespace.eventStream('vetting'), { last_by_subj: LotteryRevealedV1.contract.subjectIn(platform.namespace) })
    )!.json<CloudEvent<LotteryRevealedV1>>().data;
    expect(revealed).toMatchObject({ sessionId: openDay.sessions[0].sessionId, secret: draw.secret, entryListHash: draw.entryListHash, seed: draw.seed, entries: draw.drawnOrder.length });
    expect(notice.sessions[0].representatives[0]).toEqual({ maskedName: '李*明', maskedIdentity: expect.stringMatching(/^110105\*{8}\d{3}[\dX]$/), category: expect.any(String), outsideQuota: expect.any(Boolean) });

    // A selected congress deputy withdraws: the first waiting person who fits the quotas moves up.
    const leaving = session.selected.find((a) => a.category === 'congress-deputy')!;
    const counts = new Map(QUOTAS.map((q) => [q.category as string, count(q.category) - (q.category === 'congress-deputy' ? 1 : 0)]));
    const fits = session.waitlisted.find((a) => QUOTAS.some((q) => q.category === a.category && counts.get(a.category)! < q.places))!;
    const applicant = [...applications.entries()].find(([, view]) => view.id === leaving.applicationId)![0];
    const withdrawn = await call('POST', `/api/v1/applications/${leaving.applicationId}/withdrawal`, {}, tokens.get(applicant));
    expect(withdrawn.status).toBe(200);
    const after = await timed('promotion after the withdrawal', () =>
      waitFor(async () => {
        const now = (await result(openDay.openDayId)).sessions[0];
        return now.selected.some((a) => a.personId === fits.personId) ? now : undefined;
      }, { what: 'the first fitting waitlisted person to be selected', timeoutMs: 20_000, intervalMs: 100 }),
    );
    expect(after.selected.map((a) => a.personId)).not.toContain(leaving.personId);
    expect(after.placesTaken).toBe(20);

    // Citizens see vetting's answer beside their application.
    const outcomeSeenBy = async (applicationId: string) => {
      const owner = [...applications.entries()].find(([, view]) => view.id === applicationId)![0];
      const mine = (await (await call('GET', '/api/v1/me/applications', undefined, tokens.get(owner))).json()) as {
        items: Array<{ id: string; people: Array<{ selection: { outcome: string; waitlistPosition: number | null } }> }>;
      };
      return mine.items.find((a) => a.id === applicationId)!.people[0].selection;
    };
    const stillWaiting = after.waitlisted.find((a) => a.personId !== fits.personId)!;
    await waitFor(async () => (await outcomeSeenBy(fits.applicationId)).outcome === 'selected', { what: 'promoted citizen sees selected' });
    expect(await outcomeSeenBy(stillWaiting.applicationId)).toMatchObject({ outcome: 'waitlisted', waitlistPosition: expect.any(Number) });
    const revised = (await (await call('GET', `/api/v1/public/open-days/${openDay.openDayId}/public-notice`)).json()) as PublicNoticeView;
    expect(revised.sessions[0].revision).toBe(2);
  }, 150_000);
});
