#!/usr/bin/env node
// npm run bench:notifications [-- <selections>]   (default 500)
//
// How fast the notification service turns selections into messages, on a throw-away platform
// (scripts/bench/lib/platform.mjs over the shared harness: every service its own process, fresh databases and bus namespace,
// the SMS provider and the SMTP server captured in this process). For each of N people the
// contact details (with an e-mail address), then vetting's selection and scheduling's ticket
// (v2, the ones notification reads) are published on the bus, as the relays would; the clock
// runs from the first selection's publish until
// every person's selection message has arrived at the SMS provider, at the SMTP server and in
// the in-app inbox. Prints throughput and publish→arrival latency per channel.
import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { ApplicationSelectedV2, ContactDetailsRecordedV1, TicketIssuedV2 } from '@openday/contracts';
import pg from 'pg';
import { BenchPlatform } from './lib/platform.mjs';
import { backendCpu, backendsUsed, cpuSeconds, cpuUsed } from './lib/cpu.mjs';

const count = Number(process.argv[2] ?? 500);
const say = (line = '') => process.stdout.write(`${line}\n`);

function people(n) {
  return Array.from({ length: n }, (_, i) => ({
    personId: randomUUID(),
    applicationId: randomUUID(),
    mobile: `137${String(10_000_000 + i).slice(-8)}`,
    email: `bench${i}@example.cn`,
  }));
}

async function publishAll(platform, persons) {
  const js = jetstream(platform.connection);
  const send = (contract, data) => {
    const event = contract.create(data, { subject: data.applicationId });
    return js.publish(contract.subjectIn(platform.namespace), JSON.stringify(event), { msgID: event.id });
  };
  const openDayId = randomUUID();
  const sentAt = new Map();
  await Promise.all(persons.map((p) => send(ContactDetailsRecordedV1.contract, {
    ...ContactDetailsRecordedV1.contract.definition.example, applicationId: p.applicationId, personId: p.personId, openDayId,
    applicantUserId: randomUUID(), mobile: p.mobile, email: p.email, recordedAt: new Date().toISOString(),
  })));
  const started = Date.now();
  const sessionId = TicketIssuedV2.contract.definition.example.sessionId;
  await Promise.all(persons.map(async (p) => {
    sentAt.set(p.mobile, Date.now());
    const ref = { applicationId: p.applicationId, personId: p.personId, openDayId, sessionId };
    await send(ApplicationSelectedV2.contract, {
      ...ApplicationSelectedV2.contract.definition.example, ...ref, promotion: null, selectedAt: new Date().toISOString(),
    });
    await send(TicketIssuedV2.contract, {
      ...TicketIssuedV2.contract.definition.example, ...ref, ticketId: randomUUID(), checkInCode: 'K7Q2M9XD', promoted: false, issuedAt: new Date().toISOString(),
    });
  }));
  return { started, sentAt, openDayId };
}

async function until(what, done, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now();
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function latencies(arrivals, sentAt) {
  return arrivals.map(({ key, at }) => at - sentAt.get(key)).sort((a, b) => a - b);
}

async function main() {
  const platform = new BenchPlatform();
  process.once('SIGINT', () => void platform.stop().then(() => process.exit(130)));
  try {
    say(`starting a throw-away platform…`);
    await platform.start();
    const persons = people(count);
    const byEmail = new Map(persons.map((p) => [p.email, p.mobile]));
    const selectedSms = () => platform.sms.messages().filter((m) => m.text.includes('恭喜您入选'));
    const selectedMail = () => platform.smtp.messages().filter((m) => m.text.includes('恭喜您入选'));
    const db = new pg.Client({ connectionString: platform.processes.get('notification').options.env.DATABASE_URL });
    await db.connect();
    const inApp = async () => (await db.query(`SELECT count(*)::int AS n FROM notification_inbox WHERE template = 'selected'`)).rows[0].n;

    // With CPU_PROFILE_DIR set (scripts/bench/cpu-profile-hook.mjs preloaded), profiles cover the run from here, not start-up.
    if (process.env.CPU_PROFILE_DIR) for (const service of platform.processes.values()) service.child?.kill('SIGUSR2');
    say(`publishing ${count} contact details, then ${count} selections and their tickets…`);
    const notificationPid = platform.processes.get('notification').child?.pid;
    const cpuBefore = cpuSeconds(notificationPid);
    const backendsBefore = await backendCpu(db);
    const { started, sentAt } = await publishAll(platform, persons);
    const smsDone = await until('every SMS', () => selectedSms().length >= count);
    const mailDone = await until('every e-mail', () => selectedMail().length >= count);
    const inAppDone = await until('every in-app message', async () => (await inApp()) >= count);
    const cpuAfter = cpuSeconds(notificationPid);
    const backendsAfter = await backendCpu(db);
    await db.end();

    const sms = latencies(selectedSms().map((m) => ({ key: m.to, at: Date.parse(m.receivedAt) })), sentAt);
    const mail = latencies(selectedMail().map((m) => ({ key: byEmail.get(m.to), at: Date.parse(m.receivedAt) })), sentAt);
    const row = (channel, doneAt, sorted) =>
      `  ${channel.padEnd(7)} ${String(count).padStart(6)} in ${((doneAt - started) / 1000).toFixed(1).padStart(5)} s  ${(count / ((doneAt - started) / 1000)).toFixed(0).padStart(5)} msg/s` +
      (sorted ? `   latency p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms` : '');
    say();
    say(`${count} selections → ${3 * count} messages (one notification replica, 2 cores):`);
    say(row('sms', smsDone, sms));
    say(row('e-mail', mailDone, mail));
    say(row('in-app', inAppDone));
    const allDone = Math.max(smsDone, mailDone, inAppDone);
    say(`  all     ${String(3 * count).padStart(6)} in ${((allDone - started) / 1000).toFixed(1).padStart(5)} s  ${((3 * count) / ((allDone - started) / 1000)).toFixed(0).padStart(5)} msg/s (every channel together)`);
    const cpuRow = (what, { user, system }) => {
      const perMessageMs = ((user + system) * 1000) / (3 * count);
      return `  ${what} CPU ${(user + system).toFixed(1)} s (user ${user.toFixed(1)}, system ${system.toFixed(1)}): ${perMessageMs.toFixed(2)} ms a message, ≈ ${(1000 / perMessageMs).toFixed(0)} msg/s a core`;
    };
    if (cpuBefore && cpuAfter) say(cpuRow('notification', cpuUsed(cpuBefore, cpuAfter)));
    if (backendsAfter.size > 0) say(cpuRow('its PostgreSQL backends', backendsUsed(backendsBefore, backendsAfter)));
    say(`  duplicates: ${platform.sms.posts - platform.sms.messages().length} SMS resent, ${selectedMail().length - new Set(selectedMail().map((m) => m.messageId)).size} e-mails resent`);
  } finally {
    await platform.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
