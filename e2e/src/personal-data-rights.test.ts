import { randomUUID } from 'node:crypto';
import { OpenDayPublishedV2 } from '@openday/contracts';
import { addDays, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { testResidentId, waitFor } from '@openday/testing';
import { SelectionHarness } from './selection-harness';

/**
 * A citizen's rights over their data, every deployable its own process: staff reading the
 * applicant list and the roster are in the audit log (who, which list, how many) for the city
 * office; the citizen downloads everything held about them (their own only, decrypted, with
 * the access log naming the agency, not the person); erasure needs the mobile's last 4 and
 * answers in words; only the citizen may call these, bad input is problem+json.
 */
const DAY = 86_400_000;
const EVENT_DATE = addDays(toCalendarDate(shanghaiDateOf(new Date())), 30);
const ALICE = { mobile: '13712340001', idNumber: testResidentId('1985-03-14', '231'), name: '林晓雯' };
const BOB = { mobile: '13712340002', idNumber: testResidentId('1979-11-02', '517'), name: '陈国栋' };

interface AuditItem {
  action: string;
  actor: { role: string; agencyId: string | null } | null;
  targetId: string;
  details: { list?: string; openDayId?: string; people?: number; personIds?: string[] };
}

describe('personal data: reads audited, download, who read it, erasure', () => {
  const harness = new SelectionHarness();
  const call = harness.call.bind(harness);
  const tokens: Record<string, string> = {};
  let cityOffice: string;
  const openDay: OpenDayPublishedV2 = {
    ...OpenDayPublishedV2.contract.definition.example,
    openDayId: randomUUID(),
    planId: randomUUID(),
    sessions: [{ sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
    quotas: [],
    minOrdinaryShare: 1 / 3,
    mediaOutsideQuota: true,
    selectionMode: 'first-come',
    eligibility: { minAge: 18, maxAge: 65, districts: ['gulou'] },
    registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
    registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
    publishedAt: new Date().toISOString(),
  };

  async function readsOfApplicants(): Promise<AuditItem[]> {
    const res = await call('GET', `/api/v1/audit-log?action=personal-data.read&list=applicants&targetId=${openDay.openDayId}`, undefined, cityOffice);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: AuditItem[] }).items;
  }

  beforeAll(async () => {
    await harness.start();
    cityOffice = await harness.staffSignIn('city-office');
    await harness.publish(openDay);
    await waitFor(async () => (await harness.vettingCount('vetting_sessions WHERE open_day_id = $1', [openDay.openDayId])) === 1, { what: 'vetting’s copy' });
    for (const person of [ALICE, BOB]) {
      tokens[person.mobile] = await harness.citizenSignIn(person.mobile);
      const res = await call(
        'POST',
        `/api/v1/open-days/${openDay.openDayId}/applications`,
        { channel: 'self', applicant: { name: person.name, idNumber: person.idNumber, mobile: person.mobile, category: 'ordinary-citizen', district: 'gulou', privacyConsent: true } },
        tokens[person.mobile],
      );
      expect(res.status).toBe(201);
    }
    await waitFor(async () => (await harness.vettingCount(`vetting_applicants WHERE open_day_id = $1 AND status = 'selected'`, [openDay.openDayId])) === 2, {
      what: 'both selected',
      timeoutMs: 30_000,
    });
  }, 180_000);
  afterAll(() => harness.stop(), 60_000);

  it('records a staff read of the applicant list once (who, which list, how many) for the city office, not again when the same list is read again', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await call('GET', `/api/v1/open-days/${openDay.openDayId}/applicants`, undefined, harness.staffToken);
      expect(res.status).toBe(200);
    }
    const reads = await readsOfApplicants();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor: { role: 'agency-staff', agencyId: 'water-affairs-bureau' }, targetId: openDay.openDayId, details: { list: 'applicants', people: 2 } });
    expect(reads[0].details.personIds).toHaveLength(2);
    expect(JSON.stringify(reads)).not.toContain(ALICE.name);

    const bad = await call('GET', '/api/v1/audit-log?list=everything', undefined, cityOffice);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0].field).toBe('list');
  });

  it('lets a citizen download everything held about them as a JSON attachment: decrypted, their own only, with which agency read it', async () => {
    const res = await call('GET', '/api/v1/me/personal-data', undefined, tokens[ALICE.mobile]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="openday-personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = await res.text();
    expect(text).not.toContain(BOB.idNumber);
    expect(text).not.toContain(BOB.name);
    const document = JSON.parse(text) as {
      format: string;
      account: { mobileMasked: string };
      applicationIds: string[];
      services: Record<string, Array<Record<string, unknown>>>;
      accessLog: Array<{ agencyId: string; agencyName: string; list: string; openDayTitle: string; people: number }>;
    };
    expect(document.format).toBe('openday-personal-data/1');
    expect(document.account.mobileMasked).toBe('137****0001');
    expect(Object.keys(document.services).sort()).toEqual(['feedback', 'notification', 'registration', 'scheduling', 'vetting']);
    expect(document.applicationIds).toHaveLength(1);
    const [application] = document.services.registration as Array<{ openDayTitle: string; people: Array<Record<string, unknown>> }>;
    expect(application.openDayTitle).toBe(openDay.title);
    expect(application.people[0]).toMatchObject({ name: ALICE.name, idNumber: ALICE.idNumber, mobile: ALICE.mobile });
    expect(document.services.vetting).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'applicant', status: 'selected' })]));
    await waitFor(async () => {
      const again = (await (await call('GET', '/api/v1/me/personal-data', undefined, tokens[ALICE.mobile])).json()) as typeof document;
      return again.services.notification.some((record) => record.kind === 'contact' && record.name === ALICE.name);
    }, { what: 'notification’s copy of the contact details', timeoutMs: 30_000 });
    expect(document.accessLog).toEqual([expect.objectContaining({ agencyId: 'water-affairs-bureau', list: 'applicants', openDayTitle: openDay.title, people: 2 })]);
    expect(JSON.stringify(document.accessLog)).not.toMatch(/water-staff|userId/);
  });

  it('lists which agency read the citizen’s data and when, never the reader', async () => {
    const res = await call('GET', '/api/v1/me/personal-data/access', undefined, tokens[ALICE.mobile]);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ agencyName: expect.any(String), agencyId: 'water-affairs-bureau', list: 'applicants', readAt: expect.any(String) })]));
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['agencyId', 'agencyName', 'list', 'openDayId', 'openDayTitle', 'people', 'readAt', 'sessionId']);
  });

  it.each([
    ['GET', '/api/v1/me/personal-data'],
    ['GET', '/api/v1/me/personal-data/access'],
    ['DELETE', '/api/v1/me/personal-data'],
  ])('%s %s: 401 signed out, 403 for staff', async (method, path) => {
    const body = method === 'DELETE' ? { mobileLast4: '0001' } : undefined;
    const anonymous = await call(method, path, body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const staff = await call(method, path, body, cityOffice);
    expect(staff.status).toBe(403);
    expect(staff.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['no confirmation', {}, 400, 'mobileLast4'],
    ['letters', { mobileLast4: '00a1' }, 400, 'mobileLast4'],
    ['five digits', { mobileLast4: '00011' }, 400, 'mobileLast4'],
    ['an unknown field', { mobileLast4: '0001', everything: true }, 400, 'everything'],
    ['the wrong last 4', { mobileLast4: '0002' }, 422, 'mobileLast4'],
  ])('refuses an erasure with %s (problem+json naming the field), erasing nothing', async (_label, body, status, field) => {
    const res = await call('DELETE', '/api/v1/me/personal-data', body, tokens[ALICE.mobile]);
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status, type: expect.stringContaining('application/problem+json') });
    expect(((await res.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
    expect((await call('GET', '/api/v1/me/personal-data/access', undefined, tokens[ALICE.mobile])).status).toBe(200);
  });

  it('erases the account and applications when confirmed, answering in words what was erased and what is kept and why', async () => {
    const res = await call('DELETE', '/api/v1/me/personal-data', { mobileLast4: '0001' }, tokens[ALICE.mobile]);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { accountErased: boolean; erased: Record<string, number>; kept: Array<{ reason: string; zh: string; en: string }>; words: { zh: string[]; en: string[] } };
    expect(answer.accountErased).toBe(true);
    expect(answer.erased.gateway).toBeGreaterThan(0);
    expect(answer.words.zh.join('')).toContain('审计日志依法保存');
    expect(answer.words.en.join(' ')).toContain('audit log is kept by law');
    // The open day is a month ahead: its application is kept until it ends, and the answer says so by its title.
    expect(answer.kept).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'open-day-in-progress', openDayTitle: openDay.title })]));
    expect(answer.words.zh.join('')).toContain(`「${openDay.title}」正在进行或尚未结束`);
    for (const item of answer.kept) expect(item.zh.length * item.en.length).toBeGreaterThan(0);

    expect((await call('GET', '/api/v1/me/personal-data', undefined, tokens[ALICE.mobile])).status).toBe(401);
    const log = await call('GET', '/api/v1/audit-log?action=personal-data.erased', undefined, cityOffice);
    const erasures = ((await log.json()) as { items: AuditItem[] }).items;
    expect(erasures).toHaveLength(1);
    expect(JSON.stringify(erasures)).not.toContain(ALICE.mobile);

    // The other applicant keeps everything.
    const bob = (await (await call('GET', '/api/v1/me/personal-data', undefined, tokens[BOB.mobile])).json()) as { applicationIds: string[] };
    expect(bob.applicationIds).toHaveLength(1);
  });
});
