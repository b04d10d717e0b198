import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApplicationView, FeedbackItemView, TicketPage, TicketView, VettingApplicantPage } from '@openday/contracts';
import { addDays, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import {
  addMissingCalendarYears,
  calendarYearsAhead,
  DEMO_ACCOUNTS,
  expectJson,
  GatewayClient,
  NotificationHarness,
  SmsCaptureCodes,
  testApplicant,
  testPlan,
  testResidentId,
  type TokenPair,
  waitFor,
} from '@openday/testing';

export const ROOT = path.resolve(__dirname, '../..');
/** The built portal the gateway serves (services/web's Vite output). */
export const PORTAL_DIR = path.join(ROOT, 'services', 'web', 'dist');

/** Every date comes from the clock: the open days are two weeks ahead, whatever day the suite runs. */
export const TODAY = toCalendarDate(shanghaiDateOf(new Date()));
export const EVENT_DATE = addDays(TODAY, 14);
/** On the day, inside the 09:00–12:00 session: scheduling's and feedback's clocks when check-in and opinions happen. */
export const ON_THE_DAY = `${EVENT_DATE}T09:05:00+08:00`;

/** The demo city's staff (libs/testing/src/demo-city.ts), every one signed in by the global setup. */
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
 * deployable its own process on fresh databases and a bus namespace of its own (libs/testing's
 * NotificationHarness, as the e2e suite runs it), the SMS capture that receives the texted sign-in codes, the
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
    const staff = Object.fromEntries(await Promise.all(STAFF.map(async (user) => [user, await this.harness.staffSignIn(user)] as const)));
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
  private readonly client = new GatewayClient(this.url);
  private readonly codes = new SmsCaptureCodes(required(ENV.sms));
  private readonly controlUrl = required(ENV.control);
  private readonly tokens = JSON.parse(required(ENV.staff)) as Record<StaffUser, string>;

  staff(user: StaffUser): string {
    return this.tokens[user];
  }

  /** A new session of a staff member, signed in through the API with the demo password. */
  staffSession(user: StaffUser): Promise<TokenPair> {
    return this.client.staffSession(user);
  }

  call(method: string, url: string, body?: unknown, token?: string): Promise<Response> {
    return this.client.call(method, url, body, token);
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
    // Due at once: scheduling publishes it on its next round (every second) after the approval.
    const publishAt = new Date().toISOString();
    const registrationClosesAt = new Date(Date.now() + (options.registrationClosesInMs ?? 3 * 86_400_000)).toISOString();
    const plan = await json<{ id: string }>(await this.call('POST', '/api/v1/plans', testPlan({ title, date: EVENT_DATE, publishAt, registrationClosesAt, ...options }), water), 201);
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
  texts(mobile: string): Promise<string[]> {
    return this.codes.texts(mobile);
  }

  /** The sign-in code of the first text to `mobile` after the first `seen` texts. */
  signInCode(mobile: string, seen: number): Promise<string> {
    return this.codes.codeAfter(mobile, seen);
  }

  /** Signs a citizen in through the API with the texted code (a session of their own, beside the browser's). */
  async citizenSession(mobile: string): Promise<{ accessToken: string; refreshToken: string }> {
    // (a second code to one number waits SIGN_IN_CODE_RESEND_SECONDS: 1 s here)
    return new GatewayClient(this.url, { waitOutRateLimitsUpToS: 2 }).citizenSession(mobile, this.codes);
  }

  async citizenToken(mobile: string): Promise<string> {
    return (await this.citizenSession(mobile)).accessToken;
  }

  /** An ordinary citizen of Gulou unless `as` says otherwise. */
  async applyByApi(openDayId: string, token: string, person: Person, as: { category?: string; district?: string } = {}): Promise<ApplicationView> {
    const applicant = testApplicant({ ...person, ...as });
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

/** The body of an answer with the expected status (or an error quoting what came instead). */
export const json = expectJson;
