#!/usr/bin/env node
// npm run seed: the demo city, idempotently, against a running platform.
//
//   npm start          # in another terminal, first
//   npm run seed       # = build the gateway, then node scripts/seed/seed-demo.mjs
//
// 1. the gateway's own seed (services/gateway/dist/seed/seed.js): agencies and
//    one staff account per role, straight into the gateway's database;
// 2. through the public HTTP API, as the demo staff and citizens would:
//    plans in every filing state (draft, submitted, returned), published open
//    days of two agencies, a cancelled one, and citizens' applications in the
//    three channels, the citizens signed in with real one-time codes.
// Re-running changes nothing: plans are found by agency and title (created
// with stable Idempotency-Keys), applications by citizen and open day, and a
// plan is only moved forward along its path, never back (one a demo has moved
// on is left as it is).
//
// Environment: GATEWAY_URL (default http://127.0.0.1:3000); DATABASE_URL of
// the gateway (default: as `npm start` provisions it, from DATABASE_ADMIN_URL
// and DB_PREFIX); NATS_URL and BUS_NAMESPACE (to read sign-in codes);
// SEED_SESSION_FILE (where citizens' refresh tokens are kept between runs).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, GatewayClient } from './gateway-client.mjs';
import { CitizenSessions, LAST_CODE_HELPER, defaultSessionFile } from './citizens.mjs';
import { DEMO_APPLICATIONS, DEMO_CITIZENS, EVENT_DATES_NEEDED, demoPlans } from './demo-data.mjs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, addMissingCalendarYears, calendarYearsAhead } from '@openday/testing';
import { UserError, color, run, runCli } from '../lib/run.mjs';
import { DEFAULT_PREFIX, ROOT, adminUrlFromEnv, isMain, natsUrlFromEnv, serviceDatabaseUrl } from '../lib/services.mjs';

const ACCOUNT_SEED = join(ROOT, 'services/gateway/dist/seed/seed.js');
/** Plans are filed at least this many working days ahead: twice the 5-day rule, so a returned plan can still be resubmitted. */
const WORKING_DAYS_AHEAD = 10;
/** The demo open days, their answers and their feedback's due dates reach this far ahead (calendar days). */
const CALENDAR_DAYS_NEEDED = 90;
const DAY_MS = 86_400_000;

/** The states a plan passes through on its way to each target; the seed never moves a plan off this path. */
const PATHS = {
  draft: ['draft'],
  submitted: ['draft', 'submitted'],
  returned: ['draft', 'submitted', 'returned'],
  published: ['draft', 'submitted', 'approved', 'published'],
  cancelled: ['draft', 'submitted', 'approved', 'published', 'cancelled'],
};

const say = (line = '') => process.stdout.write(`${line}\n`);

export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function shanghaiToday(now = new Date()) {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Working days from the 10th after today on, per the official calendar the
 * platform serves (holidays, adjusted working days); each is checked against
 * scheduling's own filing deadline.
 */
async function eventDates(client, today) {
  const { body: calendar } = await client.call('GET', '/api/v1/working-calendar', { expect: [200] });
  const covered = new Set(calendar.coveredYears);
  const holidays = new Set(calendar.holidays);
  const adjusted = new Set(calendar.adjustedWorkingDays);
  const isWorkingDay = (date) => {
    const year = Number(date.slice(0, 4));
    if (!covered.has(year)) {
      throw new UserError(
        `The working-day calendar has no official schedule for ${year} yet, and the demo open days need dates in it. ` +
          `As the city office, add the year (POST /api/v1/working-calendar/changes with its holidays and adjusted working days), then run the seed again.`,
      );
    }
    if (adjusted.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday >= 1 && weekday <= 5;
  };
  let date = today;
  for (let counted = 0; counted < WORKING_DAYS_AHEAD; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted += 1;
  }
  const dates = [];
  for (; dates.length < EVENT_DATES_NEEDED; date = addDays(date, 1)) if (isWorkingDay(date)) dates.push(date);
  for (const eventDate of dates) {
    const { body } = await client.call('GET', `/api/v1/working-calendar/filing-deadline?eventDate=${eventDate}`, { expect: [200] });
    if (body.lastOnTimeFilingDate < today) {
      throw new UserError(`scheduling says a plan for ${eventDate} had to be filed by ${body.lastOnTimeFilingDate}; the seed's calendar arithmetic disagrees`);
    }
  }
  return dates;
}

/** The dates ahead may run into a year the shipped calendar lacks: the city office adds it, provisionally. */
async function coverCalendarYears(client, gatewayUrl, password) {
  const cityOffice = await client.staffSignIn('city-office', password);
  const added = await addMissingCalendarYears(gatewayUrl, cityOffice, calendarYearsAhead(new Date(), CALENDAR_DAYS_NEEDED));
  for (const year of added) {
    say(`  the working-day calendar lacked ${year}: added a provisional schedule (fixed-date holidays only); the city office enters the State Council's notice over it`);
  }
}

class DemoSeed {
  constructor({ client, sessions, demoCity, today, dates }) {
    this.client = client;
    this.sessions = sessions;
    this.demoCity = demoCity;
    this.today = today;
    this.plans = demoPlans({ today, eventDates: dates, addDays });
    this.staffTokens = new Map();
    this.planLists = new Map();
    this.results = { plans: [], applications: [] };
  }

  async staff(username) {
    if (!this.staffTokens.has(username)) this.staffTokens.set(username, await this.client.staffSignIn(username, this.demoCity.DEMO_PASSWORD));
    return this.staffTokens.get(username);
  }

  /** The agency's plans with this title, oldest first (listed once per staff account and run). */
  async findPlans(staff, title) {
    if (!this.planLists.has(staff)) this.planLists.set(staff, await this.client.all('/api/v1/plans', await this.staff(staff)));
    return this.planLists
      .get(staff)
      .filter((p) => p.title === title)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Finds or creates the plan, then moves it along its path to the target state. */
  async ensurePlan(spec) {
    const agencyToken = await this.staff(spec.staff);
    const actions = [];
    const notes = [];
    const found = await this.findPlans(spec.staff, spec.body.title);
    let plan = found[0];
    if (found.length > 1) notes.push(`${found.length} plans have this title; the oldest is used`);
    if (plan) {
      actions.push('exists');
    } else {
      const key = `demo-seed:${spec.slug}:${spec.body.sessions[0].date}`;
      ({ body: plan } = await this.client.call('POST', '/api/v1/plans', {
        token: agencyToken,
        body: spec.body,
        headers: { 'idempotency-key': key },
        expect: [200, 201],
      }));
      actions.push('created');
    }

    const path = PATHS[spec.target];
    for (let step = 0; step < path.length + 1 && plan.status !== spec.target; step++) {
      const at = path.indexOf(plan.status);
      const resubmitted = spec.target === 'returned' && plan.status === 'submitted' && plan.submissions > 1;
      if (at < 0 || resubmitted) {
        notes.push(`left ${plan.status}: moved on by someone since it was seeded`);
        break;
      }
      const id = plan.id;
      switch (path[at + 1]) {
        case 'submitted':
          if (plan.lastOnTimeFilingDate && plan.lastOnTimeFilingDate < this.today) {
            // A draft left from an earlier, interrupted run whose date is now too close: move it to the new dates.
            ({ body: plan } = await this.client.call('PUT', `/api/v1/plans/${id}`, { token: agencyToken, body: spec.body, expect: [200] }));
            actions.push('re-dated');
          }
          ({ body: plan } = await this.client.call('POST', `/api/v1/plans/${id}/submit`, { token: agencyToken, expect: [200] }));
          actions.push('submitted');
          break;
        case 'returned':
          ({ body: plan } = await this.client.call('POST', `/api/v1/plans/${id}/return`, {
            token: await this.staff('city-office'),
            body: { comments: spec.returnComments },
            expect: [200],
          }));
          actions.push('returned');
          break;
        case 'approved':
          ({ body: plan } = await this.client.call('POST', `/api/v1/plans/${id}/approve`, {
            token: await this.staff('city-office'),
            body: spec.approveComments ? { comments: spec.approveComments } : {},
            expect: [200],
          }));
          actions.push('approved');
          break;
        case 'published':
          // Scheduling publishes approved plans at their publication time (already passed here) within a second or so.
          plan = await this.client.until(`plan ${id} to be published`, async () => {
            const { body } = await this.client.call('GET', `/api/v1/plans/${id}`, { token: agencyToken, expect: [200] });
            return body.status === 'approved' ? undefined : body;
          });
          actions.push('published');
          break;
        case 'cancelled':
          ({ body: plan } = await this.client.call('POST', `/api/v1/plans/${id}/open-day/cancellation`, {
            token: agencyToken,
            body: { reason: spec.cancelReason },
            expect: [200],
          }));
          actions.push('cancelled');
          break;
      }
    }
    const result = { spec, plan, actions, notes };
    this.results.plans.push(result);
    say(`  ${spec.agencyId.padEnd(21)} ${actions.join(' → ').padEnd(56)} ${plan.status.padEnd(10)} ${spec.body.title}`);
    for (const note of notes) say(color.yellow(`    ! ${note}`));
    return result;
  }

  async openDayOf(slug) {
    const result = this.results.plans.find((r) => r.spec.slug === slug);
    if (!result || result.plan.status !== 'published' || !result.plan.openDayId) return undefined;
    const openDayId = result.plan.openDayId;
    // Registration takes applications from its own copy of the open day, which arrives as an event.
    await this.client.until(`registration's copy of open day ${openDayId}`, async () => {
      const { status } = await this.client.call('GET', `/api/v1/open-days/${openDayId}`, { expect: [200, 404] });
      return status === 200;
    });
    return { openDayId, title: result.spec.body.title };
  }

  async ensureApplication(spec) {
    const openDay = await this.openDayOf(spec.plan);
    if (!openDay) {
      this.results.applications.push({ spec, application: null, action: 'skipped', notes: [`open day ${spec.plan} is not published`] });
      say(color.yellow(`  ! ${spec.slug}: skipped, ${spec.plan} is not published`));
      return;
    }
    const token = await this.sessions.token(spec.mobile);
    const mine = await this.client.all('/api/v1/me/applications', token);
    let application = mine.find((a) => a.openDayId === openDay.openDayId);
    let action = 'exists';
    const notes = [];
    if (!application) {
      try {
        ({ body: application } = await this.client.call('POST', `/api/v1/open-days/${openDay.openDayId}/applications`, {
          token,
          body: spec.body,
          headers: { 'idempotency-key': `demo-seed:${spec.slug}:${openDay.openDayId}` },
          expect: [200, 201],
        }));
        action = 'created';
      } catch (error) {
        if (!(error instanceof ApiError) || !/duplicate-application/.test(error.problem?.type ?? '')) throw error;
        action = 'exists';
        notes.push('someone in it already applied through another account');
      }
    }
    this.results.applications.push({ spec, application, openDay, action, notes });
    const channel = spec.body.channel.padEnd(12);
    say(`  ${spec.mobile}  ${channel} ${action.padEnd(8)} ${application?.status ?? '-'}  ${openDay.title}`);
  }

  async publicState(openDayId) {
    const { status, body } = await this.client.call('GET', `/api/v1/public/open-days/${openDayId}`, { expect: [200, 404] });
    return status === 200 ? body : null;
  }

  async summary(gatewayUrl) {
    say();
    say(color.bold(`Demo open days (through ${gatewayUrl}):`));
    say(`  ${'plan state'.padEnd(11)}${'agency'.padEnd(22)}${'plan id'.padEnd(38)}${'open day id'.padEnd(38)}${'date'.padEnd(12)}${'public'.padEnd(16)}title`);
    for (const { plan, spec } of this.results.plans) {
      let shown = '-';
      if (plan.openDayId) {
        const listed = await this.publicState(plan.openDayId);
        shown = !listed ? 'not listed' : listed.status === 'cancelled' ? 'cancelled' : listed.openForApplications ? 'open to apply' : 'listed';
      }
      say(`  ${plan.status.padEnd(11)}${spec.agencyId.padEnd(22)}${plan.id.padEnd(38)}${(plan.openDayId ?? '-').padEnd(38)}${plan.firstSessionDate.padEnd(12)}${shown.padEnd(16)}${plan.title}`);
    }
    const returned = this.results.plans.find((r) => r.plan.status === 'returned');
    if (returned) say(`  returned with the city office's comments: ${returned.spec.returnComments}`);

    say();
    say(color.bold('Citizens’ applications:'));
    say(`  ${'application id'.padEnd(38)}${'citizen'.padEnd(13)}${'channel'.padEnd(14)}${'people'.padEnd(8)}${'state'.padEnd(11)}open day`);
    for (const { spec, application, openDay } of this.results.applications) {
      if (!application) continue;
      say(
        `  ${application.id.padEnd(38)}${spec.mobile.padEnd(13)}${application.channel.padEnd(14)}${String(application.people.length).padEnd(8)}${application.status.padEnd(11)}${openDay.title}`,
      );
    }

    say();
    say(color.bold(`Demo logins (password ${this.demoCity.DEMO_PASSWORD}):`));
    for (const account of this.demoCity.DEMO_ACCOUNTS) {
      say(`  ${account.username.padEnd(16)}${account.role.padEnd(20)}${account.agencyId.padEnd(22)}${account.displayName}`);
    }
    say(`  citizens (mobile + the code texted to it; locally: curl 'http://127.0.0.1:3010/sms?to=<mobile>'):`);
    for (const citizen of DEMO_CITIZENS) {
      const count = this.results.applications.filter((a) => a.spec.mobile === citizen.mobile && a.application).length;
      say(`    ${citizen.mobile}  ${citizen.name}  ${count} application${count === 1 ? '' : 's'}`);
    }
    say('  (a number may be sent a code once a minute: right after a seed, wait a minute before signing these in)');
  }
}

export async function main(env = process.env) {
  if (env.NODE_ENV === 'production') throw new UserError('The demo seed has well-known passwords and refuses to run with NODE_ENV=production.');
  const gatewayUrl = (env.GATEWAY_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const client = new GatewayClient({ baseUrl: gatewayUrl });
  if (!(await client.ready())) {
    throw new UserError(
      `No Open Day gateway answers at ${gatewayUrl} (GET /health/ready). Start the platform first with \`npm start\` in another terminal, ` +
        `wait for "Open Day platform is up", then run \`npm run seed\` again (GATEWAY_URL says where the gateway listens).`,
    );
  }
  for (const file of [ACCOUNT_SEED, LAST_CODE_HELPER]) {
    if (!existsSync(file)) throw new UserError(`${file} is missing: build the gateway first (npx nx run @openday/gateway:build)`);
  }

  const databaseUrl = env.DATABASE_URL || serviceDatabaseUrl('gateway', { adminUrl: adminUrlFromEnv(env), prefix: env.DB_PREFIX || DEFAULT_PREFIX, env });
  const gatewayEnv = { ...env, DATABASE_URL: databaseUrl, NATS_URL: natsUrlFromEnv(env) };
  say(color.bold('1/2 Agencies and staff accounts (the gateway’s seed, in its database)'));
  await run(process.execPath, [ACCOUNT_SEED], { env: gatewayEnv, label: 'the gateway’s account seed (services/gateway/dist/seed/seed.js)' });

  say(color.bold(`2/2 Open days and applications (through the HTTP API at ${gatewayUrl})`));
  const demoCity = { DEMO_ACCOUNTS, DEMO_PASSWORD };
  const today = shanghaiToday();
  await coverCalendarYears(client, gatewayUrl, demoCity.DEMO_PASSWORD);
  const dates = await eventDates(client, today);
  say(`  today ${today} (Asia/Shanghai); event dates from ${dates[0]}, ${WORKING_DAYS_AHEAD} working days ahead, filed on time`);
  const sessions = new CitizenSessions({ client, file: env.SEED_SESSION_FILE || defaultSessionFile(gatewayUrl), env: gatewayEnv, say });
  const seed = new DemoSeed({ client, sessions, demoCity, today, dates });
  for (const spec of seed.plans) await seed.ensurePlan(spec);
  for (const spec of DEMO_APPLICATIONS) await seed.ensureApplication(spec);
  await seed.summary(gatewayUrl);
  return 0;
}

if (isMain(import.meta.url)) runCli(() => main());
