import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ApplicationSubmittedV1,
  ApplicationWithdrawnV1,
  OpenDayPublishedV2,
  type ApplicationView,
  type CloudEvent,
} from '@openday/contracts';
import { addDays, residentIdCheckCharacter, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { PlatformHarness, testResidentId, waitFor } from '@openday/testing';

/**
 * Applications over HTTP with every deployable as its own process: citizens
 * sign in (one-time code read from the internal bus, as the SMS would carry it),
 * an OpenDayPublishedV2 is put on the bus directly (scheduling's publication
 * path is being built in parallel), and registration takes the applications.
 */
const DAY = 86_400_000;
const EVENT_DATE = addDays(toCalendarDate(shanghaiDateOf(new Date())), 30);

const residentId = (birthDate: string, sequence: string) => testResidentId(birthDate, sequence);
let nextPerson = 0;
/** A new valid ID each call, born in the 1980s–90s (ages 26–46 on the event day). */
function newId(): string {
  nextPerson += 1;
  return residentId(addDays('1980-01-01', nextPerson * 11), String(100 + nextPerson).padStart(3, '0'));
}
/** Someone who turns `age` on the event day, shifted by `offsetDays`. */
function bornTurning(age: number, offsetDays = 0): string {
  const [y, m, d] = EVENT_DATE.split('-');
  return addDays(toCalendarDate(`${Number(y) - age}-${m}-${d}`), offsetDays);
}
let nextMobile = 0;
function newMobile(): string {
  nextMobile += 1;
  return `139${String(10_000_000 + nextMobile * 7919).slice(-8)}`;
}

function person(overrides: Record<string, unknown> = {}) {
  return {
    name: '张小三',
    idNumber: newId(),
    mobile: newMobile(),
    category: 'ordinary-citizen',
    district: 'gulou',
    privacyConsent: true,
    ...overrides,
  };
}

const UNIT = { name: '温泉街道社区服务中心', creditCode: '91350100M000100Y43' };

interface Problem {
  type: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; rule: string; message: string }>;
}

describe('applications: HTTP → gateway → registration, with the bus and the database', () => {
  const platform = new PlatformHarness();
  const personalDataKey = randomBytes(32).toString('base64');
  const personalDataHashKey = randomBytes(32).toString('base64');
  let registrationDb: Client;
  /** Every ID number and mobile sent, to prove none is stored or logged in the clear. */
  const sentSecrets = new Set<string>();
  let citizenToken: string;
  let otherCitizenToken: string;

  beforeAll(async () => {
    await platform.start({
      registration: { PERSONAL_DATA_KEY: personalDataKey, PERSONAL_DATA_HASH_KEY: personalDataHashKey },
      gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' },
    });
    registrationDb = new Client({ connectionString: platform.databases.find((d) => d.name.includes('registration'))!.url });
    await registrationDb.connect();
    citizenToken = await signInCitizen(newMobile());
    otherCitizenToken = await signInCitizen(newMobile());
  }, 180_000);
  afterAll(async () => {
    await registrationDb?.end();
    await platform.stop();
  }, 60_000);

  /** The real citizen sign-in: ask for a code, read it where the notification service would, sign in. */
  async function signInCitizen(mobile: string): Promise<string> {
    return platform.client.citizenSignIn(mobile, await platform.signInCodes());
  }

  function post(path: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<Response> {
    return platform.client.call('POST', path, body, token, headers);
  }

  function apply(openDayId: string, body: Record<string, unknown>, token = citizenToken, headers: Record<string, string> = {}): Promise<Response> {
    for (const p of [body.applicant, ...(Array.isArray(body.members) ? body.members : [])] as Array<Record<string, unknown> | undefined>) {
      if (typeof p?.idNumber === 'string') sentSecrets.add(p.idNumber.toUpperCase());
      if (typeof p?.mobile === 'string') sentSecrets.add(p.mobile.replace(/\D/g, '').slice(-11));
    }
    return post(`/api/v1/open-days/${openDayId}/applications`, body, token, headers);
  }

  async function problem(res: Response, status: number): Promise<Problem> {
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status, type: expect.stringContaining('application/problem+json') });
    return (await res.json()) as Problem;
  }

  async function rows(sql: string, params: unknown[] = []): Promise<number> {
    const { rows: [{ n }] } = await registrationDb.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return n as number;
  }

  /** Puts the published open day on the bus as scheduling will, and waits for registration's copy. */
  async function publishOpenDay(overrides: Partial<OpenDayPublishedV2> = {}): Promise<OpenDayPublishedV2> {
    const data: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      planId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 20 }],
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() + 5 * DAY).toISOString(),
      publishedAt: new Date().toISOString(),
      ...overrides,
    };
    const event = OpenDayPublishedV2.contract.create(data, { subject: data.openDayId });
    await platform.js.publish(OpenDayPublishedV2.contract.subjectIn(platform.namespace), JSON.stringify(event), { msgID: event.id });
    await waitFor(async () => (await rows('published_open_days WHERE id = $1 AND registration_opens_at IS NOT NULL', [data.openDayId])) === 1, {
      what: 'registration’s copy of the open day',
    });
    return data;
  }

  let openDay: OpenDayPublishedV2;
  const made: Record<string, ApplicationView> = {};
  let selfApplicant: ReturnType<typeof person>;

  it('takes applications in each of the three channels and answers them masked', async () => {
    openDay = await publishOpenDay();
    // Its check character is X, sent as a lower-case x.
    const self = person({ idNumber: residentId('1979-12-31', '100').toLowerCase() });
    selfApplicant = self;
    const selfRes = await apply(openDay.openDayId, { channel: 'self', applicant: { ...self, mobile: `+86 ${self.mobile.slice(0, 3)} ${self.mobile.slice(3, 7)} ${self.mobile.slice(7)}` } });
    expect(selfRes.status).toBe(201);
    made.self = (await selfRes.json()) as ApplicationView;
    expect(made.self).toMatchObject({
      openDayId: openDay.openDayId,
      openDayTitle: openDay.title,
      sessionId: openDay.sessions[0].sessionId,
      channel: 'self',
      status: 'submitted',
      people: [{ name: '张小三', maskedIdNumber: `110105********${self.idNumber.slice(-4).toUpperCase()}`, maskedMobile: `${self.mobile.slice(0, 3)}****${self.mobile.slice(-4)}` }],
    });

    const orgRes = await apply(openDay.openDayId, { channel: 'organisation', recommendingOrganisation: '鼓楼区人大常委会', applicant: person({ category: 'congress-deputy' }) });
    expect(orgRes.status).toBe(201);
    made.organisation = (await orgRes.json()) as ApplicationView;
    expect(made.organisation).toMatchObject({ channel: 'organisation', recommendingOrganisation: '鼓楼区人大常委会' });

    const members = [person(), person({ name: 'John Smith', category: 'party-member' }), person()];
    const groupRes = await apply(openDay.openDayId, { channel: 'group', unit: { ...UNIT, creditCode: UNIT.creditCode.toLowerCase() }, members }, otherCitizenToken);
    expect(groupRes.status).toBe(201);
    made.group = (await groupRes.json()) as ApplicationView;
    expect(made.group).toMatchObject({ channel: 'group', unit: UNIT });
    expect(made.group.people.map((p) => p.name)).toEqual(['张小三', 'John Smith', '张小三']);

    const body = JSON.stringify(made);
    for (const secret of sentSecrets) expect(body).not.toContain(secret);
  });

  it('puts application-submitted on the internal subject (one per person, masked) for vetting', async () => {
    const stream = platform.namespace.eventStream('registration', 'internal');
    const subject = ApplicationSubmittedV1.contract.subjectIn(platform.namespace);
    expect(subject).toMatch(/_internal\.registration\.application-submitted\.v1$/);
    const events = await waitFor(async () => {
      const info = await platform.jsm.streams.info(stream).catch(() => undefined);
      if (!info || info.state.messages < 5) return undefined;
      const found: ApplicationSubmittedV1[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
        const message = await platform.jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (message?.subject === subject) found.push(message.json<CloudEvent<ApplicationSubmittedV1>>().data);
      }
      return found.length >= 5 ? found : undefined;
    }, { what: 'application-submitted events' });
    const groupEvents = events.filter((e) => e.applicationId === made.group.id);
    expect(groupEvents).toHaveLength(3);
    expect(groupEvents.map((e) => e.maskedName)).toEqual(['张*三', 'J*** S****', '张*三']);
    expect(groupEvents[0]).toMatchObject({ channel: 'group', unit: UNIT, sessionId: openDay.sessions[0].sessionId, personKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const raw = JSON.stringify(events);
    for (const secret of sentSecrets) expect(raw).not.toContain(secret);
  });

  it('shows a citizen all their applications and states, and only theirs', async () => {
    const res = await platform.client.call('GET', '/api/v1/me/applications?limit=1', undefined, citizenToken);
    expect(res.status).toBe(200);
    const first = (await res.json()) as { items: ApplicationView[]; nextCursor: string | null };
    expect(first.items.map((a) => a.id)).toEqual([made.organisation.id]);
    const next = await platform.client.call('GET', `/api/v1/me/applications?limit=1&cursor=${first.nextCursor}`, undefined, citizenToken);
    const second = (await next.json()) as { items: ApplicationView[]; nextCursor: string | null };
    expect(second.items.map((a) => [a.id, a.status])).toEqual([[made.self.id, 'submitted']]);
    const others = (await (await platform.client.call('GET', '/api/v1/me/applications', undefined, otherCitizenToken)).json()) as { items: ApplicationView[] };
    expect(others.items.map((a) => a.id)).toEqual([made.group.id]);
  });

  it('withdraws: 200 with the new state, application-withdrawn on the public subject, and the person may apply again', async () => {
    const notMine = await post(`/api/v1/applications/${made.self.id}/withdrawal`, {}, otherCitizenToken);
    expect((await problem(notMine, 404)).detail).toContain(made.self.id);

    const res = await post(`/api/v1/applications/${made.self.id}/withdrawal`, {}, citizenToken);
    expect(res.status).toBe(200);
    const withdrawn = (await res.json()) as ApplicationView;
    expect(withdrawn).toMatchObject({ id: made.self.id, status: 'withdrawn', withdrawnAt: expect.any(String) });

    const stored = await waitFor(
      () =>
        platform.jsm.streams
          .getMessage(platform.namespace.eventStream('registration'), { last_by_subj: ApplicationWithdrawnV1.contract.subjectIn(platform.namespace) })
          .then((message) => message ?? undefined, () => undefined),
      { what: 'application-withdrawn on the bus' },
    );
    expect(stored.json<CloudEvent<ApplicationWithdrawnV1>>().data).toEqual({ applicationId: made.self.id, openDayId: openDay.openDayId, withdrawnAt: withdrawn.withdrawnAt });

    const list = (await (await platform.client.call('GET', '/api/v1/me/applications', undefined, citizenToken)).json()) as { items: ApplicationView[] };
    expect(list.items.find((a) => a.id === made.self.id)?.status).toBe('withdrawn');

    const again = await apply(openDay.openDayId, { channel: 'self', applicant: selfApplicant });
    expect(again.status).toBe(201);
    expect(((await again.json()) as ApplicationView).status).toBe('submitted');
  });

  it('refuses a second application by the same person (x or X, alone or in a group) with 409', async () => {
    const idNumber = newId();
    expect((await apply(openDay.openDayId, { channel: 'self', applicant: person({ idNumber }) })).status).toBe(201);
    const again = await problem(await apply(openDay.openDayId, { channel: 'self', applicant: person({ idNumber: idNumber.toLowerCase() }) }, otherCitizenToken), 409);
    expect(again.errors).toEqual([expect.objectContaining({ field: 'applicant.idNumber', rule: 'onePerPerson' })]);
    const before = await rows('application_people');
    const inGroup = await problem(await apply(openDay.openDayId, { channel: 'group', unit: UNIT, members: [person(), person({ idNumber })] }, otherCitizenToken), 409);
    expect(inGroup.errors).toEqual([expect.objectContaining({ field: 'members[1].idNumber', rule: 'onePerPerson' })]);
    expect(await rows('application_people')).toBe(before);
  });

  it('answers the first result again for a retried POST with the same Idempotency-Key', async () => {
    const body = { channel: 'self', applicant: person() };
    const first = await apply(openDay.openDayId, body, citizenToken, { 'idempotency-key': 'e2e-retry-1' });
    const retried = await apply(openDay.openDayId, body, citizenToken, { 'idempotency-key': 'e2e-retry-1' });
    expect(first.status).toBe(201);
    expect([200, 201]).toContain(retried.status);
    expect(await retried.json()).toEqual(await first.json());
  });

  const ID_WRONG_CHECKSUM = '110105199003071238';
  const ID_30_FEBRUARY = `11010519900230123${residentIdCheckCharacter('11010519900230123')}`;
  type Case = [string, () => Record<string, unknown>, number, string, string];
  const cases: Case[] = [
    ['a wrong ID checksum', () => ({ channel: 'self', applicant: person({ idNumber: ID_WRONG_CHECKSUM }) }), 400, 'applicant.idNumber', 'isResidentId'],
    ['30 February in an ID', () => ({ channel: 'self', applicant: person({ idNumber: ID_30_FEBRUARY }) }), 400, 'applicant.idNumber', 'isResidentId'],
    ['a member with a wrong ID', () => ({ channel: 'group', unit: UNIT, members: [person(), person(), person({ idNumber: ID_WRONG_CHECKSUM })] }), 400, 'members[2].idNumber', 'isResidentId'],
    ['age 17 on the event day', () => ({ channel: 'self', applicant: person({ idNumber: residentId(bornTurning(18, 1), '801') }) }), 422, 'applicant.idNumber', 'ageOnEventDay'],
    ['age 66 on the event day', () => ({ channel: 'self', applicant: person({ idNumber: residentId(bornTurning(66, 0), '802') }) }), 422, 'applicant.idNumber', 'ageOnEventDay'],
    ['a group member aged 66', () => ({ channel: 'group', unit: UNIT, members: [person(), person({ idNumber: residentId(bornTurning(66, -10), '803') })] }), 422, 'members[1].idNumber', 'ageOnEventDay'],
    ['a malformed mobile', () => ({ channel: 'self', applicant: person({ mobile: '12812345678' }) }), 400, 'applicant.mobile', 'isMainlandMobile'],
    ['a malformed credit code', () => ({ channel: 'group', unit: { ...UNIT, creditCode: '91350100M000100Y44' }, members: [person()] }), 400, 'unit.creditCode', 'isCreditCode'],
    ['no consent', () => ({ channel: 'self', applicant: person({ privacyConsent: false }) }), 400, 'applicant.privacyConsent', 'equals'],
    ['a missing applicant', () => ({ channel: 'self' }), 400, 'applicant', 'isDefined'],
    ['a missing mobile', () => ({ channel: 'self', applicant: { ...person(), mobile: undefined } }), 400, 'applicant.mobile', 'isMainlandMobile'],
    ['a missing organisation', () => ({ channel: 'organisation', applicant: person() }), 400, 'recommendingOrganisation', 'isFreeText'],
    ['a missing channel', () => ({ applicant: person() }), 400, 'channel', 'isIn'],
    ['consent as a string', () => ({ channel: 'self', applicant: person({ privacyConsent: 'yes' }) }), 400, 'applicant.privacyConsent', 'equals'],
    ['members as an object', () => ({ channel: 'group', unit: UNIT, members: { 0: person() } }), 400, 'members', 'isArray'],
    ['an ID number as a number', () => ({ channel: 'self', applicant: person({ idNumber: 110105 }) }), 400, 'applicant.idNumber', 'isResidentId'],
    ['an oversized name', () => ({ channel: 'self', applicant: person({ name: '张'.repeat(51) }) }), 400, 'applicant.name', 'isPersonName'],
    ['a NUL in the name', () => ({ channel: 'self', applicant: person({ name: '张\u0000三' }) }), 400, 'applicant.name', 'isPersonName'],
    ['a right-to-left override in the name', () => ({ channel: 'self', applicant: person({ name: '\u202E三张' }) }), 400, 'applicant.name', 'isPersonName'],
    ['an emoji in the name', () => ({ channel: 'self', applicant: person({ name: '张三😀' }) }), 400, 'applicant.name', 'isPersonName'],
    ['an oversized unit name', () => ({ channel: 'group', unit: { ...UNIT, name: 'x'.repeat(101) }, members: [person()] }), 400, 'unit.name', 'isFreeText'],
    ['too many members', () => ({ channel: 'group', unit: UNIT, members: Array.from({ length: 101 }, () => person()) }), 400, 'members', 'arrayMaxSize'],
    ['an unknown field', () => ({ channel: 'self', applicant: person(), idCard: 'x' }), 400, 'idCard', 'whitelistValidation'],
    ['a category the open day does not take', () => ({ channel: 'self', applicant: person({ category: 'village-cadre' }) }), 422, 'applicant.category', 'categoryOffered'],
  ];

  it.each(cases)('refuses %s with problem+json naming the field, storing nothing', async (_label, body, status, field, rule) => {
    const before = await rows('application_people');
    const answer = await problem(await apply(openDay.openDayId, body()), status);
    expect(answer.errors).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await rows('application_people')).toBe(before);
  });

  it('refuses a late application saying the window closed and when; and one before it opens', async () => {
    const closedAt = new Date(Date.now() - 3_600_000);
    const late = await publishOpenDay({ registrationOpensAt: new Date(Date.now() - 3 * DAY).toISOString(), registrationClosesAt: closedAt.toISOString() });
    const lateProblem = await problem(await apply(late.openDayId, { channel: 'self', applicant: person() }), 422);
    expect(lateProblem.type).toMatch(/registration-closed$/);
    expect(lateProblem.detail).toContain('closed');
    expect(lateProblem.detail).toContain(closedAt.toISOString());

    const early = await publishOpenDay({ registrationOpensAt: new Date(Date.now() + DAY).toISOString(), registrationClosesAt: new Date(Date.now() + 2 * DAY).toISOString() });
    expect((await problem(await apply(early.openDayId, { channel: 'self', applicant: person() }), 422)).type).toMatch(/registration-not-open$/);
    expect(await rows('applications WHERE open_day_id = ANY($1)', [[late.openDayId, early.openDayId]])).toBe(0);
  });

  it('answers 401 without a sign-in, 404 for an unknown open day, 400 for a malformed id', async () => {
    await problem(await apply(openDay.openDayId, { channel: 'self', applicant: person() }, ''), 401);
    await problem(await platform.client.call('GET', '/api/v1/me/applications'), 401);
    await problem(await apply(randomUUID(), { channel: 'self', applicant: person() }), 404);
    expect((await problem(await apply('not-a-uuid', { channel: 'self', applicant: person() }), 400)).errors).toContainEqual(expect.objectContaining({ field: 'id' }));
    expect((await problem(await post('/api/v1/applications/nope/withdrawal', {}, citizenToken), 400)).errors).toContainEqual(expect.objectContaining({ field: 'id' }));
  });

  it('keeps no ID number or phone in the clear in the registration database, nor in any log', async () => {
    const people = await registrationDb.query('SELECT id_number, mobile, person_key FROM application_people');
    expect(people.rows.length).toBeGreaterThanOrEqual(7);
    for (const row of people.rows) {
      expect(row.id_number).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
      expect(row.mobile).toMatch(/^v1:/);
    }
    const everything = await registrationDb.query(`
      SELECT string_agg(t::text, E'\\n') AS text FROM (
        SELECT a::text AS t FROM applications a UNION ALL
        SELECT p::text FROM application_people p UNION ALL
        SELECT o::text FROM outbox o UNION ALL
        SELECT i::text FROM inbox i) all_rows`);
    const dump = String(everything.rows[0].text);
    expect(sentSecrets.size).toBeGreaterThanOrEqual(20);
    for (const secret of sentSecrets) expect(dump).not.toContain(secret);

    const logs = platform.service('registration').logs + platform.service('gateway').logs;
    for (const secret of sentSecrets) expect(logs).not.toContain(secret);
  });
});
