#!/usr/bin/env node
// npm run demo:cycle: a seeded demo run of the whole open-day cycle that prints the figures.
//
//   npm run demo:cycle             # = build everything, then node scripts/demo/cycle.mjs
//   node scripts/demo/cycle.mjs --keep   # leave the platform running afterwards (Ctrl-C cleans up)
//
// Needs PostgreSQL (127.0.0.1:5432, DATABASE_ADMIN_URL) and NATS JetStream (127.0.0.1:4222, NATS_URL),
// as `npm test` does. Starts the six services from their dist/main.js with fresh databases and a fresh
// bus namespace (@openday/testing's NotificationHarness, as the e2e tests run it), seeds the demo city, then plays, over the gateway's HTTP
// API only, four open days of two agencies through a month (the fixed cast and choices are in
// scripts/demo/scenario.mjs):
//   plans filed and approved, published; 20 citizens sign in with the code texted to them and apply;
//   first-come selection, and one lottery drawn when its window closes (75 s after its plan is created);
//   each day: the reminders the evening before, check-in with real-name checks (some refused),
//   no-shows, opinions and survey answers, assignment to the tax bureau; then the department answers
//   with the four outcomes and representatives rate; weeks later the unanswered items are overdue
//   and chased; agencies file summaries; the city office fetches the city-wide table and its CSV and
//   XLSX exports (saved under ./.data/demo/).
// Clocks: registration and vetting run on the real clock; scheduling, notification and feedback are
// restarted with SCHEDULING_/NOTIFICATION_/FEEDBACK_TEST_NOW (NODE_ENV=test) to reach each day.
// Prints the figures per open day, per agency and city-wide, the messages per template and channel,
// and the wall time of each phase. Everything is removed at the end, also on Ctrl-C.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PASSWORD, NotificationHarness, SmsCaptureCodes, addMissingCalendarYears, calendarYearsAhead } from '@openday/testing';
import { GatewayClient } from '../seed/gateway-client.mjs';
import { UserError, color, runCli } from '../lib/run.mjs';
import { ROOT } from '../lib/services.mjs';
import { printReport } from './report.mjs';
import {
  CITIZENS,
  DAYS_TO_ANSWER,
  DEPARTMENT,
  OPEN_DAYS,
  SLOTS_NEEDED,
  addDays,
  answerOf,
  attendanceOf,
  isAssigned,
  opinionOf,
  planBody,
  ratingOf,
  satisfactionOf,
  shanghaiAt,
  shanghaiToday,
  summaryText,
} from './scenario.mjs';

const OUT_DIR = join(ROOT, '.data', 'demo');
const WORKING_DAYS_AHEAD = 10;
/** How far the demo's clocks travel: the month of open days, then their feedback's due dates and chases. */
const CALENDAR_DAYS_PLAYED = 120;
/** The lottery's window is a few minutes long; everything else answers within a minute. */
const LOTTERY_WAIT_MS = 300_000;
const say = (line = '') => process.stdout.write(`${line}\n`);
const QUIET = { LOG_LEVEL: 'warn' };
/** The services' settings beside the harness's: 20 citizens sign in from one address, tokens outlive the run, timers fire soon. */
const DEMO_ENV = {
  gateway: { ...QUIET, RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', ACCESS_TOKEN_TTL_SECONDS: '3600' },
  vetting: { ...QUIET, TIMER_POLL_MS: '200' },
  scheduling: QUIET,
  registration: QUIET,
  feedback: QUIET,
};

class DemoCycle {
  constructor(harness) {
    this.platform = harness.platform;
    this.sms = harness.sms;
    this.smtp = harness.smtp;
    this.client = new GatewayClient({ baseUrl: harness.platform.gateway });
    this.staffTokens = new Map();
    this.citizens = new Map();
    this.openDays = [];
    this.items = [];
  }

  async staff(username) {
    if (!this.staffTokens.has(username)) this.staffTokens.set(username, await this.client.staffSignIn(username, DEMO_PASSWORD));
    return this.staffTokens.get(username);
  }

  call(method, path, token, body, expect) {
    return this.client.call(method, path, { token, body, ...(expect ? { expect } : {}) });
  }

  until(what, probe, timeoutMs = 60_000) {
    return this.client.until(what, probe, { timeoutMs, intervalMs: 300 });
  }

  // ---- citizens sign in with the code texted to them (read from the SMS capture)

  async signInCitizens() {
    for (let i = 0; i < CITIZENS.length; i += 5) await Promise.all(CITIZENS.slice(i, i + 5).map((c) => this.signIn(c)));
    say(`  ${this.citizens.size} citizens signed in`);
  }

  async signIn(citizen) {
    const { accessToken: token } = await this.client.citizenSession(citizen.mobile, new SmsCaptureCodes(this.sms.url, 60_000));
    this.citizens.set(citizen.n, { ...citizen, token });
  }

  // ---- plans: filed, approved, published

  /** Working days per the platform's calendar, every one checked against scheduling's filing deadline. */
  async eventDates() {
    const today = shanghaiToday();
    // The month played through, its answers and chases reach a year the shipped calendar may lack: the city office adds it.
    for (const year of await addMissingCalendarYears(this.platform.gateway, await this.staff('city-office'), calendarYearsAhead(new Date(), CALENDAR_DAYS_PLAYED))) {
      say(`  the working-day calendar lacked ${year}: the city office added a provisional schedule (fixed-date holidays only)`);
    }
    const { body: calendar } = await this.call('GET', '/api/v1/working-calendar');
    const isWorkingDay = (date) => {
      if (!calendar.coveredYears.includes(Number(date.slice(0, 4)))) {
        throw new UserError(`the working-day calendar does not cover ${date.slice(0, 4)}: as the city office, add it (POST /api/v1/working-calendar/changes)`);
      }
      if (calendar.adjustedWorkingDays.includes(date)) return true;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return !calendar.holidays.includes(date) && weekday >= 1 && weekday <= 5;
    };
    const dates = [];
    for (let date = today, counted = 0; dates.length < SLOTS_NEEDED; ) {
      date = addDays(date, 1);
      if (!isWorkingDay(date)) continue;
      counted += 1;
      if (counted >= WORKING_DAYS_AHEAD) dates.push(date);
    }
    return dates;
  }

  async publishOpenDays() {
    const dates = await this.eventDates();
    const city = await this.staff('city-office');
    // The lottery first: its window closes a fixed time after its plan is created.
    for (const spec of lotteryFirst(OPEN_DAYS)) {
      const eventDate = dates[spec.slot];
      const token = await this.staff(spec.staff);
      const body = planBody(spec, eventDate);
      const { body: plan } = await this.call('POST', '/api/v1/plans', token, body, [201]);
      await this.call('POST', `/api/v1/plans/${plan.id}/submit`, token, undefined, [200]);
      await this.call('POST', `/api/v1/plans/${plan.id}/approve`, city, { comments: '同意备案' }, [200]);
      const published = await this.until(`publication of ${spec.title}`, async () => {
        const { body: view } = await this.call('GET', `/api/v1/plans/${plan.id}`, token);
        return view.status === 'published' && view.openDayId ? view : undefined;
      });
      const openDayId = published.openDayId;
      await this.until(`registration's copy of ${spec.title}`, async () => (await this.call('GET', `/api/v1/open-days/${openDayId}`, undefined, undefined, [200, 404])).status === 200);
      const openDay = { ...spec, index: OPEN_DAYS.indexOf(spec), eventDate, openDayId, sessionId: published.sessions[0].id, closesAt: body.registrationClosesAt };
      this.openDays[openDay.index] = openDay;
      say(`  ${eventDate}  ${spec.title} (${spec.agencyId}, ${spec.selectionMode}, ${spec.capacity} places) published`);
    }
  }

  // ---- applications and selection

  async apply() {
    for (const openDay of lotteryFirst(this.openDays)) {
      openDay.accepted = 0;
      for (const n of openDay.applicants) {
        const { token, name, idNumber, mobile, email, language, district } = this.citizens.get(n);
        const applicant = { name, idNumber, mobile, ...(email ? { email } : {}), language, category: 'ordinary-citizen', district, privacyConsent: true };
        const res = await this.call('POST', `/api/v1/open-days/${openDay.openDayId}/applications`, token, { channel: 'self', applicant }, [201, 422]);
        if (res.status === 201) openDay.accepted += 1;
        else say(`  refused at application: ${name} (${district}): ${res.body.errors?.map((e) => e.message).join('; ') ?? res.body.detail}`);
      }
      say(`  ${openDay.accepted} of ${openDay.applicants.length} applications accepted for ${openDay.title}`);
    }
  }

  async selection(openDay) {
    const { body } = await this.call('GET', `/api/v1/open-days/${openDay.openDayId}/selection`, await this.staff(openDay.staff));
    return body.sessions[0];
  }

  async awaitSelections() {
    for (const openDay of this.openDays) {
      const staff = await this.staff(openDay.staff);
      await this.until(`vetting to screen every applicant of ${openDay.title}`, async () => (await this.client.all(`/api/v1/open-days/${openDay.openDayId}/applicants`, staff)).length === openDay.accepted);
      if (openDay.selectionMode === 'lottery') {
        const wait = Date.parse(openDay.closesAt) - Date.now();
        say(`  the lottery's window closes in ${Math.max(0, Math.round(wait / 1000))} s`);
      }
      const session = await this.until(
        `the selection of ${openDay.title}`,
        async () => {
          const s = await this.selection(openDay);
          const decided = s.selected.length + s.waitlisted.length + s.rejected === openDay.accepted;
          return decided && (openDay.selectionMode !== 'lottery' || s.completed) ? s : undefined;
        },
        LOTTERY_WAIT_MS,
      );
      openDay.selection = session;
      say(`  ${openDay.title}: ${session.selected.length} selected, ${session.waitlisted.length} waitlisted, ${session.rejected} rejected${session.lottery ? ` (lottery seed ${session.lottery.seed})` : ''}`);
    }
  }

  /** Each selected citizen's ticket for each open day, in citizen order. */
  async collectTickets() {
    const expected = this.openDays.reduce((sum, o) => sum + o.selection.selected.length, 0);
    const holders = await this.until('every selected citizen’s ticket', async () => {
      const found = [];
      for (const citizen of this.citizens.values()) {
        const { body } = await this.call('GET', '/api/v1/my/tickets', citizen.token);
        for (const ticket of body.items) found.push({ citizen, ticket });
      }
      return found.length === expected ? found : undefined;
    });
    for (const openDay of this.openDays) {
      openDay.holders = holders.filter((h) => h.ticket.openDayId === openDay.openDayId).sort((a, b) => a.citizen.n - b.citizen.n);
    }
  }

  // ---- the day

  async playDay(openDay) {
    await this.platform.restartAt({
      notification: shanghaiAt(addDays(openDay.eventDate, -1), '18:00:05'),
      scheduling: shanghaiAt(openDay.eventDate, '08:40:00'),
      feedback: shanghaiAt(openDay.eventDate, '11:00:00'),
    });
    const city = await this.staff('city-office');
    const remindersSoFar = this.openDays.slice(0, openDay.index + 1).reduce((sum, o) => sum + o.holders.length, 0);
    await this.until('the reminders of the evening before', async () => {
      const deliveries = await this.client.all('/api/v1/notifications/deliveries?template=reminder', city);
      return new Set(deliveries.map((d) => d.causeEventId)).size >= remindersSoFar;
    });
    const admitted = await this.checkIn(openDay);
    await this.giveFeedback(openDay, admitted);
    await this.assign(openDay);
  }

  async checkIn(openDay) {
    const staff = await this.staff(openDay.staff);
    const admitted = [];
    const counts = { admitted: 0, refused: 0, absent: 0 };
    for (const [position, holder] of openDay.holders.entries()) {
      const what = attendanceOf(openDay.index, position, openDay.holders.length);
      const path = `/api/v1/open-days/${openDay.openDayId}/check-ins`;
      const code = holder.ticket.checkInCode;
      if (what === 'absent') {
        counts.absent += 1;
        continue;
      }
      if (what === 'wrong-then-right' || what === 'refused') {
        await this.call('POST', path, staff, { code, idLast4: wrongLast4(holder.citizen.idNumber) }, [422]);
        counts.refused += 1;
        if (what === 'refused') continue;
      }
      await this.call('POST', path, staff, { code, idLast4: holder.citizen.idNumber.slice(-4) }, [200]);
      counts.admitted += 1;
      admitted.push({ ...holder, position });
    }
    say(`  ${openDay.eventDate} ${openDay.title}: ${counts.admitted} checked in, ${counts.refused} real-name checks refused, ${counts.absent} stayed away`);
    return admitted;
  }

  async giveFeedback(openDay, admitted) {
    let opinions = 0;
    let surveys = 0;
    for (const { citizen, position } of admitted) {
      const opinion = opinionOf(openDay.index, position);
      if (opinion) {
        const item = await this.untilAccepted(`feedback to accept ${citizen.name}'s opinion`, 'POST', `/api/v1/open-days/${openDay.openDayId}/feedback`, citizen.token, opinion);
        this.items.push({ id: item.id, openDay, citizen });
        opinions += 1;
      }
      const satisfaction = satisfactionOf(openDay.index, position);
      if (satisfaction) {
        await this.untilAccepted(`feedback to accept ${citizen.name}'s survey`, 'POST', `/api/v1/open-days/${openDay.openDayId}/survey/responses`, citizen.token, {
          answers: [{ questionId: 'overall', value: satisfaction }],
        });
        surveys += 1;
      }
    }
    say(`  ${opinions} opinions, ${surveys} survey answers`);
  }

  /** Feedback learns of tickets and check-ins from events: until then it answers 404 or 409 (not checked in). */
  async untilAccepted(what, method, path, token, body) {
    let last;
    try {
      return await this.until(what, async () => {
        last = await this.call(method, path, token, body, [201, 404, 409]);
        return last.status === 201 ? last.body : undefined;
      });
    } catch (error) {
      throw new UserError(`${error.message}; ${method} ${path} last answered ${last?.status}: ${JSON.stringify(last?.body)}`);
    }
  }

  async assign(openDay) {
    const staff = await this.staff(openDay.staff);
    const dueDate = addDays(openDay.eventDate, DAYS_TO_ANSWER);
    let assigned = 0;
    for (const [index, item] of this.items.entries()) {
      if (item.openDay !== openDay || !isAssigned(index)) continue;
      await this.call('POST', `/api/v1/feedback/${item.id}/assignment`, staff, { departmentId: DEPARTMENT.id, dueDate }, [200]);
      Object.assign(item, { assigned: true, dueDate });
      assigned += 1;
    }
    say(`  ${assigned} assigned to ${DEPARTMENT.id}, due ${dueDate}`);
  }

  // ---- afterwards

  async endLastDay() {
    const last = this.openDays.at(-1);
    await this.platform.restartAt({ scheduling: shanghaiAt(last.eventDate, '12:00:00') });
    const city = await this.staff('city-office');
    await this.until('every open day to have ended (no-shows recorded)', async () => {
      const { body } = await this.call('GET', '/api/v1/reports/open-days', city);
      const ours = body.rows.filter((r) => this.openDays.some((o) => o.openDayId === r.openDayId));
      return ours.length === this.openDays.length && ours.every((r) => r.noShows !== null);
    });
  }

  async answerAndRate() {
    const handler = await this.staff(DEPARTMENT.handler);
    const assigned = this.items.filter((i) => i.assigned);
    const answered = [];
    for (const [index, item] of assigned.entries()) {
      const answer = answerOf(index, item.openDay.eventDate);
      if (!answer) continue;
      await this.call('POST', `/api/v1/feedback/${item.id}/answer`, handler, answer, [200]);
      answered.push(item);
    }
    let rated = 0;
    for (const [index, item] of answered.entries()) {
      const rating = ratingOf(index);
      if (!rating) continue;
      await this.call('POST', `/api/v1/my/feedback/${item.id}/rating`, item.citizen.token, { rating }, [200]);
      rated += 1;
    }
    this.unanswered = assigned.length - answered.length;
    say(`  ${answered.length} of ${assigned.length} answered, ${rated} rated; ${this.unanswered} left unanswered`);
  }

  async overdue() {
    const latestDue = this.items.filter((i) => i.dueDate).map((i) => i.dueDate).sort().at(-1);
    const instant = shanghaiAt(addDays(latestDue, 3), '10:00:00');
    await this.platform.restartAt({ feedback: instant });
    const city = await this.staff('city-office');
    await this.until('the overdue items to be marked', async () => (await this.call('GET', '/api/v1/statistics/city', city)).body.figures.overdueNow === this.unanswered);
    await this.until('the chases to reach the department', async () => (await this.client.all('/api/v1/notifications/deliveries?template=feedback-chase', city)).length >= this.unanswered);
    say(`  feedback's clock at ${instant}: ${this.unanswered} overdue and chased`);
  }

  async fileSummaries() {
    const rows = await this.reportRows();
    for (const openDay of this.openDays) {
      const row = rows.find((r) => r.openDayId === openDay.openDayId);
      await this.call('PUT', `/api/v1/open-days/${openDay.openDayId}/summary`, await this.staff(openDay.admin), { text: summaryText(openDay, row) }, [200, 201]);
    }
    say(`  ${this.openDays.length} summaries filed`);
  }

  async reportRows() {
    const { body } = await this.call('GET', '/api/v1/reports/open-days', await this.staff('city-office'));
    return body.rows;
  }

  /** The city-wide table as JSON, CSV and XLSX, saved under ./.data/demo/. */
  async exportTable() {
    await mkdir(OUT_DIR, { recursive: true });
    const city = await this.staff('city-office');
    const saved = [];
    for (const [file, path] of [['open-days.json', '/api/v1/reports/open-days'], ['open-days.csv', '/api/v1/reports/open-days.csv'], ['open-days.xlsx', '/api/v1/reports/open-days.xlsx']]) {
      const res = await fetch(`${this.platform.gateway}${path}`, { headers: { authorization: `Bearer ${city}` } });
      const bytes = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new UserError(`GET ${path} answered ${res.status}: ${bytes.toString('utf8').slice(0, 500)}`);
      await writeFile(join(OUT_DIR, file), bytes);
      saved.push(`${join('.data', 'demo', file)} (${res.headers.get('content-type')}, ${bytes.length} bytes)`);
    }
    return saved;
  }

  /** Everything the report prints, fetched over the API at the end. */
  async figures() {
    const city = await this.staff('city-office');
    await this.until('every message to be delivered', async () => (await this.client.all('/api/v1/notifications/deliveries?status=pending', city)).length === 0, 30_000).catch(() => undefined);
    const rows = await this.reportRows();
    const perOpenDay = [];
    for (const openDay of this.openDays) {
      const { body: stats } = await this.call('GET', `/api/v1/statistics/open-days/${openDay.openDayId}`, await this.staff(openDay.staff));
      perOpenDay.push({ openDay, row: rows.find((r) => r.openDayId === openDay.openDayId), figures: stats.figures });
    }
    const agencies = [...new Set(this.openDays.map((o) => o.agencyId))];
    const perAgency = [];
    for (const agencyId of agencies) perAgency.push((await this.call('GET', `/api/v1/statistics/agencies/${agencyId}`, city)).body);
    const cityWide = (await this.call('GET', '/api/v1/statistics/city', city)).body;
    const deliveries = await this.client.all('/api/v1/notifications/deliveries', city);
    return { perOpenDay, perAgency, cityWide, deliveries, sms: this.sms.messages(), mails: this.smtp.messages() };
  }
}

/** The lottery's window closes a fixed time after its plan is created, so it goes first. */
const lotteryFirst = (openDays) => [...openDays].sort((a, b) => Number(b.selectionMode === 'lottery') - Number(a.selectionMode === 'lottery'));

/** A last four that is not the ID card's: the real-name check must refuse it. */
function wrongLast4(idNumber) {
  const last4 = idNumber.slice(-4);
  return last4 === '0000' ? '1111' : '0000';
}

/** How to reach a kept platform. */
function describe({ platform, sms, smtp }) {
  return [
    `gateway        ${platform.gateway}   (API docs ${platform.gateway}/api/docs)`,
    `SMS capture    ${sms.url}?to=<mobile>   e-mail: ${sms.url.replace(/\/sms$/, '/mail')}?to=<address>   (SMTP 127.0.0.1:${smtp.port})`,
    `bus namespace  ${platform.namespace.root}`,
    ...[...platform.processes].map(([service, p], i) => `${service.padEnd(14)} ${p.url}   database ${platform.databases[i].name}`),
  ].join('\n');
}

async function main() {
  const keep = process.argv.includes('--keep');
  const started = Date.now();
  const harness = new NotificationHarness();
  let stopping;
  const cleanUp = () => (stopping ??= harness.stop());
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    say('\ninterrupted: stopping the platform, removing its databases and streams…');
    cleanUp().finally(() => process.exit(130));
  });
  const phases = [];
  const timed = async (name, work) => {
    say(color.bold(`▶ ${name}`));
    const phaseStarted = Date.now();
    const result = await work();
    phases.push({ name, ms: Date.now() - phaseStarted });
    return result;
  };
  try {
    await timed('start the six services (fresh databases and namespace), seed the demo city', () => harness.start({}, DEMO_ENV));
    const cycle = new DemoCycle(harness);
    await timed('citizens sign in with the code texted to them', () => cycle.signInCitizens());
    await timed('plans filed, approved by the city office, published', () => cycle.publishOpenDays());
    await timed('citizens apply', () => cycle.apply());
    await timed('selection (first come; the lottery when its window closes), tickets', async () => {
      await cycle.awaitSelections();
      await cycle.collectTickets();
    });
    for (const openDay of cycle.openDays) await timed(`the day ${openDay.eventDate}: ${openDay.title}`, () => cycle.playDay(openDay));
    await timed('the last day ends; the department answers, representatives rate', async () => {
      await cycle.endLastDay();
      await cycle.answerAndRate();
    });
    await timed('weeks later: unanswered items overdue and chased', () => cycle.overdue());
    const exports = await timed('summaries filed; the city-wide table and its exports', async () => {
      await cycle.fileSummaries();
      return cycle.exportTable();
    });
    const figures = await timed('figures fetched', () => cycle.figures());
    printReport({ ...figures, exports, phases, wallMs: Date.now() - started });
  } catch (error) {
    if (interrupted) return stopping;
    process.stderr.write(`\n${color.red('The demo stopped:')} ${error.message}\n\nService output (tails):\n${harness.platform.logTails()}\n`);
    await cleanUp();
    throw new UserError('the demo run failed (see above)');
  }
  if (!keep) return cleanUp();
  say(`\n${color.bold('The platform keeps running; Ctrl-C stops it and removes its databases and streams.')}\n${describe(harness)}`);
  say(`Staff: the demo city's logins, password ${DEMO_PASSWORD}. Citizens: ${CITIZENS[0].mobile} … ${CITIZENS.at(-1).mobile}, code at the SMS capture.`);
  await new Promise(() => {});
}

runCli(main);
