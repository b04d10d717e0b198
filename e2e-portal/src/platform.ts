import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApplicationView, FeedbackItemView, TicketPage, TicketView, VettingApplicantPage } from '@openday/contracts';
import { addDays, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { addMissingCalendarYears, calendarYearsAhead, waitFor } from '@openday/testing';
import { NotificationHarness } from '../../e2e/src/notification-harness';
import { testResidentId } from '../../e2e/src/test-people';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../services/gateway/src/seed/demo-city';

export const ROOT = path.resolve(__dirname, '../..');
/** The built portal the gateway serves (services/web's Vite output). */
export const PORTAL_DIR = path.join(ROOT, 'services', 'web', 'dist');

/** Every date comes from the clock: the open days are two weeks ahead, whatever day the suite runs. */
export const TODAY = toCalendarDate(shanghaiDateOf(new Date()));
export const EVENT_DATE = addDays(TODAY, 14);
/** On the day, inside the 09:00–12:00 session: scheduling's and feedback's clocks when check-in and opinions happen. */
export const ON_THE_DAY = `${EVENT_DATE}T09:05:00+08:00`;

/** The demo city's staff (services/gateway/src/seed/demo-city.ts), every one signed in by the global setup. */
export type StaffUser = 'city-office' | 'water-admin' | 'water-staff' | 'water-reviewer' | 'tax-handler' | 'gulou-admin' | 'gulou-staff';

export interface OpenDay {
  openDayId: string;
  sessionId: string;
  title: string;
}

export interface Person {
  name: string;
  idNumber: string;
  mobile: string;
}

// Started from the process id: a worker restarted after a failure makes other people than the one before.
let serial = process.pid % 900;
/** A valid resident ID of someone born on `birth` (YYYY-MM-DD); a new serial each call. */
export function residentId(birth: string): string {
  serial += 1;
  return testResidentId(birth, String(100 + (serial % 900)).padStart(3, '0'), '350102');
}

let mobiles = 0;
/** A fresh mainland mobile number per call (unique within a run; each run has its own databases). */
export function newMobile(): string {
  mobiles += 1;
  return `137${String(process.pid % 10_000).padStart(4, '0')}${String(mobiles).padStart(4, '0')}`;
}

/** What the workers learn from the global setup (environment variables set there reach them). */
const ENV = { url: 'PORTAL_E2E_URL', sms: 'PORTAL_E2E_SMS_URL', control: 'PORTAL_E2E_CONTROL_URL', staff: 'PORTAL_E2E_STAFF' } as const;

/**
 * The whole platform for the browser, started once by the global setup (in Playwright's runner
 * process, so a failed test, which restarts its worker, does not restart the platform): every
 * deployable its own process on fresh databases and a bus namespace of its own (the e2e
 * suite's NotificationHarness), the SMS capture that receives the texted sign-in codes, the
 * demo city's staff signed in, and the gateway serving the built portal on its origin
 * (PORTAL_DIR). A small control endpoint on loopback lets the tests restart scheduling on
 * another clock.
 *
 * Clocks: registration and vetting run on the real clock; feedback runs on the event day from
 * the start (opinions are given after the visit); scheduling runs on the real clock while
 * citizens browse and apply, and is restarted on the event day for check-in.
 */
export class PlatformProcesses {
  readonly harness = new NotificationHarness();
  private control?: Server;
  private schedulingNow: string | null = null;

  /** `portalDir`: the built portal the gateway serves (a copy of PORTAL_DIR, see global-setup.ts). */
  async start(portalDir: string): Promise<void> {
    await this.harness.start(
      { DELIVERY_POLL_MS: '100' },
      {
        // A citizen signed in in the browser is signed in again through the API a moment later.
        // The staff are signed in once, here: their tokens must outlast the whole run (15 minutes and more).
        gateway: { PORTAL_DIR: portalDir, RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', SIGN_IN_CODE_RESEND_SECONDS: '1', ACCESS_TOKEN_TTL_SECONDS: '3600' },
        feedback: { NODE_ENV: 'test', FEEDBACK_TEST_NOW: ON_THE_DAY },
        vetting: { LOG_LEVEL: 'warn' },
        registration: { LOG_LEVEL: 'warn' },
        scheduling: { LOG_LEVEL: 'warn' },
      },
    );
    const url = this.harness.platform.gateway;
    const page = await fetch(`${url}/`);
    if (!(page.headers.get('content-type') ?? '').includes('text/html')) {
      throw new Error(`the gateway does not serve the portal at / (answered ${page.status} ${page.headers.get('content-type')}): does it read PORTAL_DIR?`);
    }
    const staff: Record<string, string> = {};
    for (const user of STAFF) {
      const res = await this.harness.call('POST', '/api/v1/auth/staff/sign-in', { username: user, password: DEMO_PASSWORD });
      staff[user] = (await json<{ accessToken: string }>(res)).accessToken;
    }
    // The event, and its feedback's 15-working-day due date, may fall in a year the shipped calendar lacks.
    // (retried: a service may answer /health before its request/reply subscription is up: 503)
    await waitFor(() => addMissingCalendarYears(url, staff['city-office'], calendarYearsAhead(new Date(), 14 + 45)).then(() => true), {
      timeoutMs: 30_000,
      intervalMs: 500,
      what: 'the working-day calendar to cover the event and its answers',
    });

    this.control = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.control!.listen(0, '127.0.0.1', resolve));
    process.env[ENV.url] = url;
    process.env[ENV.sms] = this.harness.sms.url;
    process.env[ENV.control] = `http://127.0.0.1:${(this.control.address() as AddressInfo).port}`;
    process.env[ENV.staff] = JSON.stringify(staff);
  }

  async stop(): Promise<void> {
    this.control?.closeAllConnections();
    await new Promise<void>((resolve) => (this.control ? this.control.close(() => resolve()) : resolve()));
    await this.harness.stop();
  }

  /** POST /scheduling {"now": instant | null}: restarts scheduling on that clock (nothing when already there). */
  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      if (req.method !== 'POST' || req.url !== '/scheduling') throw new Error(`unknown control ${req.method} ${req.url}`);
      await this.schedulingOn((JSON.parse(body) as { now: string | null }).now);
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
    }
  }

  private async schedulingOn(instant: string | null): Promise<void> {
    if (this.schedulingNow === instant) return;
    const scheduling = this.harness.platform.service('scheduling');
    await scheduling.stop();
    if (instant) {
      scheduling.options.env.NODE_ENV = 'test';
      scheduling.options.env.SCHEDULING_TEST_NOW = instant;
    } else {
      delete scheduling.options.env.SCHEDULING_TEST_NOW;
    }
    await scheduling.start({ readyTimeoutMs: 60_000 });
    this.schedulingNow = instant;
  }
}

const STAFF = DEMO_ACCOUNTS.map((account) => account.username as StaffUser);

/**
 * The tests' side of the platform, in the worker: staff actions through the public API as
 * staff would, the SMS capture read over HTTP, and the clock control.
 */
export class PortalPlatform {
  readonly url = required(ENV.url);
  private readonly smsUrl = required(ENV.sms);
  private readonly controlUrl = required(ENV.control);
  private readonly tokens = JSON.parse(required(ENV.staff)) as Record<StaffUser, string>;

  staff(user: StaffUser): string {
    return this.tokens[user];
  }

  call(method: string, url: string, body?: unknown, token?: string): Promise<Response> {
    return fetch(`${this.url}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Plans, files, approves and publishes an open day of the water bureau; answers once registration has its copy. Sets scheduling's clock back to now. */
  async publishOpenDay(
    title: string,
    options: { selectionMode?: 'first-come' | 'selection-group' | 'lottery'; capacity?: number; registrationClosesInMs?: number; coSigningDepartments?: string[] } = {},
  ): Promise<OpenDay> {
    // Filing (5 working days ahead) and "open for applications" need scheduling on the real clock,
    // where a test before may have left it on the event day.
    await this.schedulingOn(null);
    const water = this.staff('water-staff');
    const publishAt = new Date(Date.now() + 1_500).toISOString();
    const plan = await json<{ id: string }>(await this.call('POST', '/api/v1/plans', planBody(title, publishAt, options), water), 201);
    await json(await this.call('POST', `/api/v1/plans/${plan.id}/submit`, undefined, water));
    await json(await this.call('POST', `/api/v1/plans/${plan.id}/approve`, { comments: '同意备案' }, this.staff('city-office')));
    const published = await waitFor(
      async () => {
        const view = await json<{ status: string; openDayId: string | null; sessions: Array<{ id: string }> }>(await this.call('GET', `/api/v1/plans/${plan.id}`, undefined, water));
        return view.status === 'published' ? view : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: `publication of ${title}` },
    );
    const openDayId = published.openDayId!;
    await waitFor(async () => (await this.call('GET', `/api/v1/open-days/${openDayId}`)).status === 200, { timeoutMs: 30_000, intervalMs: 200, what: 'registration’s copy' });
    return { openDayId, sessionId: published.sessions[0].id, title };
  }

  /** Every SMS the capture received for a number, oldest first. */
  async texts(mobile: string): Promise<string[]> {
    const res = await fetch(`${this.smsUrl}?to=${encodeURIComponent(mobile)}&limit=1000`);
    return (await json<{ items: Array<{ text: string }> }>(res)).items.map((m) => m.text).reverse();
  }

  /** The sign-in code of the first text to `mobile` after the first `seen` texts. */
  async signInCode(mobile: string, seen: number): Promise<string> {
    const text = await waitFor(
      async () => (await this.texts(mobile)).slice(seen).find((t) => /\b\d{6}\b/.test(t)),
      { timeoutMs: 30_000, intervalMs: 100, what: `a sign-in code texted to ${mobile}` },
    );
    return /\b(\d{6})\b/.exec(text)![1];
  }

  /** Signs a citizen in through the API with the texted code (a session of their own, beside the browser's). */
  async citizenSession(mobile: string): Promise<{ accessToken: string; refreshToken: string }> {
    const seen = (await this.texts(mobile)).length;
    // (a second code to one number waits SIGN_IN_CODE_RESEND_SECONDS)
    await waitFor(async () => (await this.call('POST', '/api/v1/auth/citizen/sign-in-codes', { mobile })).status === 202, { timeoutMs: 5_000, intervalMs: 250, what: `a sign-in code for ${mobile}` });
    const code = await this.signInCode(mobile, seen);
    return json<{ accessToken: string; refreshToken: string }>(await this.call('POST', '/api/v1/auth/citizen/sign-in', { mobile, code }));
  }

  async citizenToken(mobile: string): Promise<string> {
    return (await this.citizenSession(mobile)).accessToken;
  }

  /** An ordinary citizen of Gulou unless `as` says otherwise. */
  async applyByApi(openDayId: string, token: string, person: Person, as: { category?: string; district?: string } = {}): Promise<ApplicationView> {
    const applicant = { ...person, category: 'ordinary-citizen', district: 'gulou', ...as, privacyConsent: true };
    return json<ApplicationView>(await this.call('POST', `/api/v1/open-days/${openDayId}/applications`, { channel: 'self', applicant }, token), 201);
  }

  /** The selection group selects these applications' people (once vetting has screened them) and completes the selection. */
  async selectByGroup(openDayId: string, applicationIds: string[]): Promise<void> {
    const reviewer = this.staff('water-reviewer');
    const applicants = await waitFor(
      async () => {
        const page = await json<VettingApplicantPage>(await this.call('GET', `/api/v1/open-days/${openDayId}/applicants?limit=100`, undefined, reviewer));
        const found = page.items.filter((a) => applicationIds.includes(a.applicationId) && a.status === 'eligible');
        return found.length >= applicationIds.length ? found : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the screened applicants' },
    );
    await json(await this.call('POST', `/api/v1/open-days/${openDayId}/selection/decisions`, { decisions: applicants.map((a) => ({ personId: a.personId, decision: 'select' })) }, reviewer));
    await json(await this.call('POST', `/api/v1/open-days/${openDayId}/selection/completion`, undefined, reviewer));
  }

  async ticketOf(citizenToken: string, openDayId: string): Promise<TicketView> {
    return waitFor(
      async () => (await json<TicketPage>(await this.call('GET', '/api/v1/my/tickets', undefined, citizenToken))).items.find((t) => t.openDayId === openDayId && t.status === 'issued'),
      { timeoutMs: 30_000, intervalMs: 200, what: 'the ticket' },
    );
  }

  /** Restarts scheduling on a shifted clock (an instant), or on the real clock (null); nothing when already there. */
  async schedulingOn(now: string | null): Promise<void> {
    const res = await fetch(`${this.controlUrl}/scheduling`, { method: 'POST', body: JSON.stringify({ now }) });
    if (res.status !== 204) throw new Error(`restarting scheduling at ${now ?? 'the real time'}: ${await res.text()}`);
  }

  /** Staff check the ticket's holder in on the day, with the real-name check. */
  async checkIn(openDayId: string, ticket: TicketView, idNumber: string): Promise<void> {
    await this.schedulingOn(ON_THE_DAY);
    await json(await this.call('POST', `/api/v1/open-days/${openDayId}/check-ins`, { code: ticket.checkInCode, idLast4: idNumber.slice(-4) }, this.staff('water-staff')));
  }

  /** The agency assigns the citizen's opinion to the tax bureau, whose handler answers it. */
  async assignAndAnswer(openDayId: string, opinionText: string, answer: string): Promise<FeedbackItemView> {
    const water = this.staff('water-staff');
    const item = await waitFor(
      async () => (await json<{ items: FeedbackItemView[] }>(await this.call('GET', `/api/v1/open-days/${openDayId}/feedback?limit=100`, undefined, water))).items.find((i) => i.text === opinionText),
      { timeoutMs: 30_000, intervalMs: 200, what: 'the opinion in the agency’s list' },
    );
    await json(await this.call('POST', `/api/v1/feedback/${item.id}/assignment`, { departmentId: 'tax-bureau' }, water));
    const handler = this.staff('tax-handler');
    await waitFor(
      async () => (await json<{ items: FeedbackItemView[] }>(await this.call('GET', '/api/v1/department/feedback', undefined, handler))).items.some((i) => i.id === item.id),
      { timeoutMs: 30_000, intervalMs: 200, what: 'the opinion in the department’s list' },
    );
    return json<FeedbackItemView>(await this.call('POST', `/api/v1/feedback/${item.id}/answer`, { outcome: 'will-be-solved', promisedBy: addDays(EVENT_DATE, 120), answer }, handler));
  }
}


function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the platform starts in the global setup (src/global-setup.ts)`);
  return value;
}

export async function json<T = unknown>(res: Response, status = 200): Promise<T> {
  const body = await res.text();
  if (res.status !== status) throw new Error(`${res.url} answered ${res.status}, expected ${status}: ${body}`);
  return (body ? JSON.parse(body) : undefined) as T;
}

function planBody(
  title: string,
  publishAt: string,
  {
    selectionMode = 'selection-group',
    capacity = 10,
    registrationClosesInMs = 3 * 86_400_000,
    coSigningDepartments = [],
  }: { selectionMode?: string; capacity?: number; registrationClosesInMs?: number; coSigningDepartments?: string[] },
) {
  return {
    title,
    theme: '了解城市供水全过程，座谈水价与水质',
    forms: ['site-visit', 'forum'],
    sessions: [
      {
        date: EVENT_DATE,
        startsAt: '09:00',
        endsAt: '12:00',
        capacity,
        agenda: [
          { startsAt: '09:00', endsAt: '10:00', activity: '参观水厂中控室', venue: '第一水厂' },
          { startsAt: '10:00', endsAt: '12:00', activity: '座谈交流', venue: '水质监测中心' },
        ],
      },
    ],
    venues: [
      { name: '第一水厂', address: '滨江路 1 号' },
      { name: '水质监测中心', address: '滨江路 9 号' },
    ],
    assemblyPoint: '市民中心北门',
    transport: '统一乘坐大巴',
    quotas: [{ category: 'ordinary-citizen', places: capacity }],
    minOrdinaryShare: 0.34,
    mediaOutsideQuota: true,
    eligibility: { minAge: 18, maxAge: 65, districts: ['gulou'] },
    registrationOpensAt: publishAt,
    registrationClosesAt: new Date(Date.now() + registrationClosesInMs).toISOString(),
    selectionMode,
    coSigningDepartments,
    notices: ['请携带本人身份证原件'],
    publishAt,
  };
}
