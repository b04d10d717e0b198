import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, GatewayClient, PlatformHarness, testApplicant, testResidentId } from '@openday/testing';

/**
 * `npm run seed` (scripts/seed/seed-demo.mjs) against the whole platform,
 * every deployable its own process: the demo city is made through the public
 * HTTP API, and a second run adds nothing. The states are then checked through
 * the API as the demo users would see them.
 *
 * The seed picks event dates 10+ working days after the real today; when that
 * runs past the years the official calendar covers, the city office adds the
 * next year first, as it would each November (here with New Year's Day only).
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'scripts/seed/seed-demo.mjs');
const ACCOUNT_SEED = path.join(ROOT, 'services/gateway/dist/seed/seed.js');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const TITLES = {
  draft: '节约用水进社区：水价听证前的座谈会',
  submitted: '走进防汛抗旱指挥中心',
  returned: '污水变清水：城市污水处理厂开放参观',
  waterPublished: '走进自来水厂：从源头到龙头',
  gulouPublished: '鼓楼区政务服务中心开放日：一窗通办体验',
  cancelled: '水土保持科技示范园开放日',
};
const CITIZENS = { chen: '13800138000', lin: '13800138001', huang: '13800138002' };

interface PlanView {
  id: string;
  agencyId: string;
  status: string;
  title: string;
  openDayId: string | null;
  firstSessionDate: string;
  lastOnTimeFilingDate: string | null;
  submissions: number;
}
interface ApplicationView {
  id: string;
  openDayId: string;
  channel: string;
  status: string;
  recommendingOrganisation: string | null;
  unit: { name: string; creditCode: string } | null;
  people: Array<{ maskedIdNumber: string; maskedMobile: string; category: string }>;
}
interface PublicOpenDay {
  id: string;
  title: string;
  agencyId: string;
  status: string;
  openForApplications: boolean;
  cancellationReason: string | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('npm run seed: the demo city through the public API, idempotently', () => {
  const platform = new PlatformHarness();
  const tokens: Record<'cityOffice' | 'waterStaff' | 'gulouStaff', string> = { cityOffice: '', waterStaff: '', gulouStaff: '' };
  let seedEnv: NodeJS.ProcessEnv;
  let sessionDir: string;
  const outputs: string[] = [];

  beforeAll(async () => {
    await platform.start({
      // The sign-in limits would make the test wait: the seed and the test sign people in within a minute.
      gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', SIGN_IN_CODE_RESEND_SECONDS: '1' },
    });
    const gateway = platform.service('gateway').options.env;
    sessionDir = mkdtempSync(path.join(os.tmpdir(), 'demo-seed-test-'));
    seedEnv = {
      ...process.env,
      GATEWAY_URL: platform.gateway,
      DATABASE_URL: gateway.DATABASE_URL,
      NATS_URL: gateway.NATS_URL,
      BUS_NAMESPACE: gateway.BUS_NAMESPACE,
      SEED_SESSION_FILE: path.join(sessionDir, 'sessions.json'),
      NODE_ENV: 'development',
      NO_COLOR: '1',
      LOG_LEVEL: 'warn',
    };
    // The accounts first (the seed runs this too).
    await run(process.execPath, [ACCOUNT_SEED], { env: seedEnv });
    tokens.cityOffice = await staffSignIn('city-office');
    tokens.waterStaff = await staffSignIn('water-staff');
    tokens.gulouStaff = await staffSignIn('gulou-staff');
  }, 120_000);
  afterAll(async () => {
    rmSync(sessionDir, { recursive: true, force: true });
    await platform.stop();
  }, 60_000);

  /** The shared client, waiting out the code-resend interval (the seed signed the same people in a moment before). */
  const client = () => new GatewayClient(platform.gateway, { waitOutRateLimitsUpToS: 5 });

  async function call<T = unknown>(method: string, route: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const res = await client().call(method, route, body, token);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  function staffSignIn(username: string): Promise<string> {
    return client().staffSignIn(username);
  }

  /** The real citizen sign-in, the code read where the notification service reads it. */
  async function citizenSignIn(mobile: string): Promise<string> {
    return client().citizenSignIn(mobile, await platform.signInCodes());
  }

  async function seed(): Promise<string> {
    const { stdout } = await run(process.execPath, [SEED], { env: seedEnv, cwd: ROOT, timeout: 55_000 });
    outputs.push(stdout);
    return stdout;
  }

  async function plans(token: string, query = ''): Promise<PlanView[]> {
    const res = await call<Page<PlanView>>('GET', `/api/v1/plans?limit=100${query}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items;
  }

  async function applicationsOf(token: string): Promise<ApplicationView[]> {
    const res = await call<Page<ApplicationView>>('GET', '/api/v1/me/applications?limit=100', { token });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const byTitle = (list: PlanView[], title: string) => {
    const found = list.filter((p) => p.title === title);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('says to run `npm start` first when no gateway answers', async () => {
    const failed = await run(process.execPath, [SEED], { env: { ...seedEnv, GATEWAY_URL: `http://127.0.0.1:${await freePort()}` }, cwd: ROOT }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/No Open Day gateway answers at .*`npm start`/);
  });

  it('creates every state on the first run and nothing on the second', async () => {
    const first = await seed();
    expect(first).toContain('created');
    const afterFirst = (await plans(tokens.cityOffice)).map((p) => `${p.id} ${p.status}`).sort();
    expect(afterFirst).toHaveLength(6);

    const second = await seed();
    const secondActions = second.slice(second.indexOf('2/2'), second.indexOf('Demo open days'));
    expect(secondActions).not.toMatch(/created|→/);
    expect((await plans(tokens.cityOffice)).map((p) => `${p.id} ${p.status}`).sort()).toEqual(afterFirst);
    // Both summaries name the same plans, open days and applications.
    const ids = (out: string) => [...new Set(out.slice(out.indexOf('Demo open days')).match(UUID))].sort();
    expect(ids(second)).toEqual(ids(first));
    expect(ids(first)).toHaveLength(6 + 3 + 4);
    expect(second).toContain('Demo logins (password OpenDay-demo-2026)');
  }, 120_000);

  it('leaves water’s plans in every filing state and gulou’s published, each filed on time', async () => {
    const all = await plans(tokens.cityOffice);
    const water = all.filter((p) => p.agencyId === 'water-affairs-bureau');
    expect(water.map((p) => p.status).sort()).toEqual(['cancelled', 'draft', 'published', 'returned', 'submitted']);
    expect(all.filter((p) => p.agencyId === 'gulou-district').map((p) => [p.title, p.status])).toEqual([[TITLES.gulouPublished, 'published']]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const plan of all) expect(plan.lastOnTimeFilingDate! >= today).toBe(true);

    // The city office sees the submitted plan awaiting it.
    const submitted = await plans(tokens.cityOffice, '&status=submitted');
    expect(submitted.map((p) => p.title)).toEqual([TITLES.submitted]);

    // The returned plan carries the city office's comments.
    const returned = byTitle(water, TITLES.returned);
    const history = await call<Array<{ action: string; comments: string | null }>>('GET', `/api/v1/plans/${returned.id}/history`, { token: tokens.waterStaff });
    expect(history.body.map((h) => h.action)).toEqual(['created', 'submitted', 'returned']);
    expect(history.body.at(-1)!.comments).toMatch(/交通安排/);
    expect(byTitle(water, TITLES.draft)).toMatchObject({ status: 'draft', submissions: 0 });
  });

  it('lists the published open days publicly, open for applications, and not the cancelled one', async () => {
    const listing = await call<Page<PublicOpenDay>>('GET', '/api/v1/public/open-days?limit=100');
    expect(listing.status).toBe(200);
    expect(listing.body.items.map((d) => [d.title, d.agencyId, d.status, d.openForApplications]).sort()).toEqual(
      [
        [TITLES.waterPublished, 'water-affairs-bureau', 'published', true],
        [TITLES.gulouPublished, 'gulou-district', 'published', true],
      ].sort(),
    );
    const openNow = await call<Page<PublicOpenDay>>('GET', '/api/v1/public/open-days?openNow=true&agencyId=gulou-district');
    expect(openNow.body.items.map((d) => d.title)).toEqual([TITLES.gulouPublished]);

    const cancelled = byTitle(await plans(tokens.waterStaff), TITLES.cancelled);
    const day = await call<PublicOpenDay>('GET', `/api/v1/public/open-days/${cancelled.openDayId}`);
    expect(day.body).toMatchObject({ status: 'cancelled', openForApplications: false, cancellationReason: expect.stringMatching(/取消/) });
  });

  it('keeps agencies apart: gulou staff get 404 for every water plan and list only their own', async () => {
    const water = await plans(tokens.waterStaff);
    expect(water).toHaveLength(5);
    for (const plan of water) {
      const res = await call('GET', `/api/v1/plans/${plan.id}`, { token: tokens.gulouStaff });
      expect({ title: plan.title, status: res.status }).toEqual({ title: plan.title, status: 404 });
    }
    expect((await plans(tokens.gulouStaff)).map((p) => p.title)).toEqual([TITLES.gulouPublished]);
    const gulou = byTitle(await plans(tokens.cityOffice), TITLES.gulouPublished);
    expect((await call('GET', `/api/v1/plans/${gulou.id}`, { token: tokens.waterStaff })).status).toBe(404);
  });

  it('has the citizens’ applications in all three channels, once each', async () => {
    const all = await plans(tokens.cityOffice);
    const water = byTitle(all, TITLES.waterPublished).openDayId;
    const gulou = byTitle(all, TITLES.gulouPublished).openDayId;

    const chen = await applicationsOf(await citizenSignIn(CITIZENS.chen));
    expect(chen.map((a) => [a.openDayId, a.channel, a.status]).sort()).toEqual(
      [
        [water, 'self', 'submitted'],
        [gulou, 'self', 'submitted'],
      ].sort(),
    );
    const lin = await applicationsOf(await citizenSignIn(CITIZENS.lin));
    expect(lin).toHaveLength(1);
    expect(lin[0]).toMatchObject({ openDayId: water, channel: 'organisation', recommendingOrganisation: expect.any(String) });
    expect(lin[0].people[0]).toMatchObject({ category: 'congress-deputy', maskedMobile: '138****8001' });

    const huang = await applicationsOf(await citizenSignIn(CITIZENS.huang));
    expect(huang).toHaveLength(1);
    expect(huang[0]).toMatchObject({ openDayId: water, channel: 'group', unit: { name: expect.any(String), creditCode: expect.stringMatching(/^[0-9A-Y]{18}$/) } });
    expect(huang[0].people).toHaveLength(3);
  });

  it('refuses applications to the cancelled open day, which registration learned of from the bus', async () => {
    const cancelled = byTitle(await plans(tokens.cityOffice), TITLES.cancelled).openDayId;
    const applicant = testApplicant({ name: '周文静', idNumber: testResidentId('1988-08-12', '063', '350102'), mobile: CITIZENS.lin });
    const refused = await call<{ type: string; detail: string }>('POST', `/api/v1/open-days/${cancelled}/applications`, {
      token: await citizenSignIn(CITIZENS.lin),
      body: { channel: 'self', applicant },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/open-day-cancelled$/);
    expect(refused.body.detail).toContain('cancelled');
  });
});
