import { DeadLetterStore } from '@openday/messaging';
import { addDays, examplePlan, shanghaiDateOf, toCalendarDate, type CalendarDate } from '@openday/domain';
import { testResidentId, waitFor } from '@openday/testing';
import { SelectionHarness } from './selection-harness';

/**
 * A published first-come open day changes, over HTTP with every deployable its own process,
 * and everything follows: the morning session (10 places) fills with 15 applicants; the agency
 * files a change (an afternoon session, two more morning places) that waits for the city
 * office; once approved the waiting list moves up and is told, and the afternoon fills; a
 * capacity lowered below the places taken is refused until the agency names who leaves; a
 * staff revocation moves the next person up; a moved date re-checks age on the day. No event
 * goes to the dead letters. Dates come from the real clock: the event is three weeks ahead.
 */
const TODAY = toCalendarDate(shanghaiDateOf(new Date()));
const EVENT_DATE = addDays(TODAY, 21);
const MOVED_DATE = addDays(EVENT_DATE, 7);
const TITLE = '走进自来水厂：加场与改期';
/** 65 on the first date, 66 on the moved one (the open day takes 18 to 65). */
const TURNS_66_IN_BETWEEN = `${Number(EVENT_DATE.slice(0, 4)) - 66}${addDays(EVENT_DATE, 3).slice(4)}`;

interface Problem {
  status: number;
  errors?: Array<{ field: string; rule: string; message: string }>;
}
interface ChangeView {
  id: string;
  status: 'submitted' | 'returned' | 'applied';
  review: 'required' | 'not-required';
}
interface Roster {
  items: Array<{ ticketId: string; personId: string; status: string }>;
}

const mobileOf = (n: number) => `137${String(40_000_000 + n).slice(-8)}`;
function residentIdOf(n: number, birthDate?: string): string {
  return testResidentId(birthDate ?? addDays('1980-01-01' as CalendarDate, n * 11), String(100 + n).padStart(3, '0'));
}

describe('a published open day changes, and everything follows', () => {
  const harness = new SelectionHarness();
  const call = harness.call.bind(harness);
  const people = new Map<number, { token: string; personId?: string }>();
  let water: string;
  let cityOffice: string;
  let planId: string;
  let openDayId: string;
  let morning: string;
  let afternoon: string;

  beforeAll(async () => {
    await harness.start();
    water = harness.staffToken;
    cityOffice = await harness.staffSignIn('city-office');
  }, 180_000);
  afterAll(() => harness.stop(), 60_000);

  async function json<T>(res: Response, status: number): Promise<T> {
    const body = (await res.json()) as T;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(body)}`);
    return body;
  }

  async function signIn(numbers: number[]): Promise<void> {
    await Promise.all(numbers.map(async (n) => people.set(n, { token: await harness.citizenSignIn(mobileOf(n)) })));
  }

  /** Applies one by one, so the order of arrival is the order of the numbers. */
  async function apply(numbers: number[], sessionId: string, birthDates: Record<number, string> = {}): Promise<void> {
    for (const n of numbers) {
      const body = {
        channel: 'self',
        sessionId,
        applicant: { name: '林小溪', idNumber: residentIdOf(n, birthDates[n]), mobile: mobileOf(n), category: 'ordinary-citizen', district: 'gulou', privacyConsent: true },
      };
      await json(await call('POST', `/api/v1/open-days/${openDayId}/applications`, body, people.get(n)!.token), 201);
    }
  }

  const statusCount = (sessionId: string, status: string) =>
    harness.vettingCount(`vetting_applicants WHERE session_id = $1 AND status = $2`, [sessionId, status]);

  async function settled(sessionId: string, expected: { selected: number; waitlisted: number }): Promise<void> {
    await waitFor(
      async () => (await statusCount(sessionId, 'selected')) === expected.selected && (await statusCount(sessionId, 'waitlisted')) === expected.waitlisted,
      { timeoutMs: 30_000, intervalMs: 250, what: `${expected.selected} selected and ${expected.waitlisted} waiting in session ${sessionId}` },
    );
  }

  async function promotedBy(cause: string): Promise<string[]> {
    const { rows } = await harness.vettingDb.query(`SELECT person_id FROM vetting_applicants WHERE open_day_id = $1 AND promotion->>'cause' = $2`, [openDayId, cause]);
    return rows.map((row: { person_id: string }) => row.person_id);
  }

  async function inboxTemplates(n: number): Promise<string[]> {
    const page = await json<{ items: Array<{ template: string }> }>(await call('GET', '/api/v1/my/inbox?limit=100', undefined, people.get(n)!.token), 200);
    return page.items.map((item) => item.template);
  }

  async function sessionsNow(): Promise<Array<{ id?: string; date: string; startsAt: string; endsAt: string; capacity: number; agenda: unknown[] }>> {
    const plan = await json<{ sessions: Array<{ id: string; date: string; startsAt: string; endsAt: string; capacity: number; agenda: unknown[] }> }>(
      await call('GET', `/api/v1/plans/${planId}`, undefined, water),
      200,
    );
    return plan.sessions.map(({ id, date, startsAt, endsAt, capacity, agenda }) => ({ id, date, startsAt, endsAt, capacity, agenda }));
  }

  /** Files a change and has the city office approve it; answers the applied change. */
  async function fileAndApprove(change: Record<string, unknown>): Promise<ChangeView> {
    const filed = await json<ChangeView>(await call('POST', `/api/v1/plans/${planId}/open-day/changes`, change, water), 201);
    expect(filed).toMatchObject({ status: 'submitted', review: 'required' });
    return json<ChangeView>(await call('POST', `/api/v1/open-day-changes/${filed.id}/approve`, { comments: '同意变更' }, cityOffice), 200);
  }

  it('publishes a first-come open day whose morning fills with 15 applicants: 10 selected, 5 waiting', async () => {
    const publishAt = new Date(Date.now() + 1_500).toISOString();
    const example = examplePlan(EVENT_DATE);
    const body = {
      ...example,
      title: TITLE,
      sessions: [{ ...example.sessions[0], capacity: 10 }],
      quotas: [],
      selectionMode: 'first-come',
      registrationOpensAt: publishAt,
      publishAt,
    };
    planId = (await json<{ id: string }>(await call('POST', '/api/v1/plans', body, water), 201)).id;
    await json(await call('POST', `/api/v1/plans/${planId}/submit`, undefined, water), 200);
    await json(await call('POST', `/api/v1/plans/${planId}/approve`, { comments: '同意备案' }, cityOffice), 200);
    const published = await waitFor(
      async () => {
        const plan = await json<{ status: string; openDayId: string | null; sessions: Array<{ id: string }> }>(await call('GET', `/api/v1/plans/${planId}`, undefined, water), 200);
        return plan.status === 'published' && plan.openDayId ? plan : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the publication' },
    );
    openDayId = published.openDayId!;
    morning = published.sessions[0].id;
    await waitFor(async () => (await call('GET', `/api/v1/open-days/${openDayId}`)).status === 200, { timeoutMs: 30_000, what: 'registration’s copy' });
    await waitFor(async () => (await harness.vettingCount('vetting_sessions WHERE id = $1', [morning])) === 1, { timeoutMs: 30_000, what: 'vetting’s copy' });

    await signIn([...Array(27).keys()].map((i) => i + 1));
    // Number 3 turns 66 between the first date and the moved one.
    await apply([...Array(15).keys()].map((i) => i + 1), morning, { 3: TURNS_66_IN_BETWEEN });
    await settled(morning, { selected: 10, waitlisted: 5 });
  }, 240_000);

  it('files an afternoon session and two more morning places; nothing changes until the city office approves', async () => {
    const sessions = await sessionsNow();
    const change = {
      sessions: [{ ...sessions[0], capacity: 12 }, { date: EVENT_DATE, startsAt: '14:00', endsAt: '16:30', capacity: 10, agenda: [{ startsAt: '14:00', endsAt: '16:30', activity: '参观水厂中控室', venue: '第一水厂' }] }],
      reason: '上午场报满，加开下午场，上午场增加 2 个名额',
    };
    const filed = await json<ChangeView>(await call('POST', `/api/v1/plans/${planId}/open-day/changes`, change, water), 201);
    expect(filed).toMatchObject({ status: 'submitted', review: 'required' });
    const publicView = await json<{ sessions: unknown[] }>(await call('GET', `/api/v1/public/open-days/${openDayId}`), 200);
    expect(publicView.sessions).toHaveLength(1);
    const queue = await json<{ items: ChangeView[] }>(await call('GET', '/api/v1/open-day-changes?status=submitted', undefined, cityOffice), 200);
    expect(queue.items.map((item) => item.id)).toContain(filed.id);

    const applied = await json<ChangeView>(await call('POST', `/api/v1/open-day-changes/${filed.id}/approve`, { comments: '同意变更' }, cityOffice), 200);
    expect(applied.status).toBe('applied');
    afternoon = (await sessionsNow()).find((session) => session.startsAt === '14:00')!.id!;
    await settled(morning, { selected: 12, waitlisted: 3 });
    const promoted = await promotedBy('capacity-raised');
    expect(promoted).toHaveLength(2);
    // The first two on the waiting list (numbers 11 and 12) moved up and were told.
    for (const n of [11, 12]) await waitFor(async () => (await inboxTemplates(n)).includes('promoted'), { timeoutMs: 30_000, what: `the promotion message to ${n}` });
    // Those still waiting hear of the change of time and place.
    await waitFor(async () => (await inboxTemplates(13)).includes('open-day-changed'), { timeoutMs: 30_000, what: 'the change message to a waiting applicant' });
  }, 120_000);

  it('fills the new afternoon session: every application to it is decided, none waits or dies', async () => {
    await waitFor(async () => (await harness.vettingCount('vetting_sessions WHERE id = $1', [afternoon])) === 1, { timeoutMs: 30_000, what: 'vetting’s afternoon session' });
    await apply([...Array(12).keys()].map((i) => i + 16), afternoon);
    await settled(afternoon, { selected: 10, waitlisted: 2 });
  }, 120_000);

  it('refuses an afternoon capacity below the places taken until the agency names who leaves; nobody moves into those places', async () => {
    const sessions = await sessionsNow();
    const lowered = sessions.map((session) => (session.id === afternoon ? { ...session, capacity: 8 } : session));
    const refused = await json<Problem>(await call('POST', `/api/v1/plans/${planId}/open-day/changes`, { sessions: lowered, reason: '下午场地缩小' }, water), 422);
    const index = lowered.findIndex((session) => session.id === afternoon);
    expect(refused.errors).toEqual([expect.objectContaining({ field: `sessions[${index}].capacity`, rule: 'capacityBelowPlacesTaken' })]);

    const roster = await json<Roster>(await call('GET', `/api/v1/open-days/${openDayId}/sessions/${afternoon}/roster?limit=100`, undefined, water), 200);
    const released = roster.items.filter((entry) => entry.status === 'issued').slice(-2);
    expect(released).toHaveLength(2);
    await fileAndApprove({ sessions: lowered, releasedTicketIds: released.map((entry) => entry.ticketId), reason: '下午场地缩小' });
    await settled(afternoon, { selected: 8, waitlisted: 2 });
    const left = await harness.vettingCount(`vetting_applicants WHERE person_id = ANY($1) AND status IN ('selected', 'waitlisted')`, [released.map((entry) => entry.personId)]);
    expect(left).toBe(0);
  }, 120_000);

  it('moves the next person up when staff revoke a ticket', async () => {
    const roster = await json<Roster>(await call('GET', `/api/v1/open-days/${openDayId}/sessions/${morning}/roster?limit=100`, undefined, water), 200);
    const holder = roster.items.find((entry) => entry.status === 'issued')!;
    await json(await call('POST', `/api/v1/tickets/${holder.ticketId}/revocation`, { reason: '本人来电表示无法参加' }, water), 200);
    await waitFor(async () => (await promotedBy('ticket-revoked')).length === 1, { timeoutMs: 30_000, what: 'a promotion after the revocation' });
    await settled(morning, { selected: 12, waitlisted: 2 });
    await waitFor(async () => (await inboxTemplates(13)).includes('promoted'), { timeoutMs: 30_000, what: 'the promotion message to number 13' });
  }, 120_000);

  it('moves the date a week: age is checked again on the new day, and who no longer qualifies is told and replaced', async () => {
    const sessions = await sessionsNow();
    await fileAndApprove({ sessions: sessions.map((session) => ({ ...session, date: MOVED_DATE })), reason: '水厂检修，活动顺延一周' });
    await waitFor(async () => (await inboxTemplates(3)).includes('rejected'), { timeoutMs: 30_000, what: 'the message to number 3, now 66' });
    await waitFor(async () => (await promotedBy('no-longer-eligible')).length === 1, { timeoutMs: 30_000, what: 'a promotion for the place number 3 left' });
    await settled(morning, { selected: 12, waitlisted: 1 });
    // Their ticket no longer admits them.
    await waitFor(
      async () => {
        const tickets = await json<{ items: Array<{ openDayId: string; status: string }> }>(await call('GET', '/api/v1/my/tickets', undefined, people.get(3)!.token), 200);
        return tickets.items.some((ticket) => ticket.openDayId === openDayId && ticket.status === 'revoked');
      },
      { timeoutMs: 30_000, what: 'the ticket of number 3 revoked' },
    );
    const ticketHolders = [1, 2, 4];
    for (const n of ticketHolders) await waitFor(async () => (await inboxTemplates(n)).filter((t) => t === 'open-day-changed').length >= 2, { timeoutMs: 30_000, what: `both change messages to ${n}` });
  }, 120_000);

  it('sent nothing to the dead letters', async () => {
    const { platform } = harness;
    const letters = await new DeadLetterStore(platform.js, platform.jsm, platform.namespace).list();
    expect(letters.map((letter) => `${letter.consumer}: ${letter.reason}`)).toEqual([]);
  });
});
