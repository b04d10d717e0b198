// What came out of a chaos run, counted where a citizen would see it: vetting's decisions as
// published on the bus, and the selection messages at the SMS provider, the mail server and in
// the in-app inbox. Lost: acknowledged (201) without a decision, or selected without a message
// on a channel; duplicated: the same decision twice for an application, or more than one
// selection message per person per open day per channel (a resend under the same SMS key or
// Message-ID is the same message: counted apart); exceeded: more selected than places.
import { jetstream } from '@nats-io/jetstream';
import { ApplicationRejectedV1, ApplicationSelectedV1, ApplicationWaitlistedV1 } from '@openday/contracts';
import pg from 'pg';

/** The v1 decisions: all three on vetting's public stream (v2 of waitlisted and rejected are internal), one per decision. */
const DECISIONS = { selected: ApplicationSelectedV1, waitlisted: ApplicationWaitlistedV1, rejected: ApplicationRejectedV1 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every decision vetting published, by application: [{ outcome, openDayId, personId }, …]. */
async function publishedDecisions(platform) {
  const subjects = Object.fromEntries(Object.entries(DECISIONS).map(([outcome, event]) => [event.contract.subjectIn(platform.namespace), outcome]));
  // One filter subject (several need NATS 2.10): every public v1 event of vetting's, the decisions picked out below.
  const everyV1 = ApplicationSelectedV1.contract.subjectIn(platform.namespace).replace('application-selected', '*');
  const consumer = await jetstream(platform.connection).consumers.get(platform.namespace.eventStream('vetting'), { filter_subjects: everyV1 });
  const byApplication = new Map();
  const { num_pending: pending } = await consumer.info(true);
  if (pending === 0) return byApplication;
  const messages = await consumer.consume();
  for await (const message of messages) {
    const outcome = subjects[message.subject];
    if (outcome) {
      const { data } = message.json();
      const list = byApplication.get(data.applicationId) ?? [];
      list.push({ outcome, openDayId: data.openDayId, personId: data.personId });
      byApplication.set(data.applicationId, list);
    }
    if (message.info.pending === 0) break;
  }
  messages.close();
  return byApplication;
}

/** How many selection messages went to each person for each open day, per channel: Map<`${who}|${title}`, n>. */
function countBy(items, keyOf) {
  const counts = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const titleIn = (text, titles) => titles.find((title) => text.includes(title));

async function selectionMessages({ platform, sms: smsCapture, smtp }, titles) {
  const sms = countBy(smsCapture.messages(), (m) => (m.text.includes('恭喜您入选') ? `${m.to}|${titleIn(m.text, titles)}` : undefined));
  // A mail resent after a crash carries the first one's Message-ID, so a mailbox shows it once (as the SMS provider keeps a resent key once).
  const distinctMails = [...new Map(smtp.messages().map((m) => [m.messageId, m])).values()];
  const mail = countBy(distinctMails, (m) => (m.subject.startsWith('入选通知') ? `${m.to}|${titleIn(m.subject, titles)}` : undefined));
  const db = new pg.Client({ connectionString: platform.processes.get('notification').options.env.DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT owner_id, title, body FROM notification_inbox WHERE template = 'selected'`);
    const inApp = countBy(rows, (r) => `${r.owner_id}|${titleIn(`${r.title}\n${r.body}`, titles)}`);
    return { sms, mail, inApp };
  } finally {
    await db.end();
  }
}

/** Decided applications and delivered selection messages, cheaply, while the backlog drains. */
async function drainProgress({ platform, sms, smtp }) {
  const vetting = new pg.Client({ connectionString: platform.processes.get('vetting').options.env.DATABASE_URL });
  const notification = new pg.Client({ connectionString: platform.processes.get('notification').options.env.DATABASE_URL });
  await Promise.all([vetting.connect(), notification.connect()]);
  try {
    const [decided, inbox] = await Promise.all([
      vetting.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'selected')::int AS selected FROM vetting_applicants WHERE status IN ('selected', 'waitlisted', 'rejected')`),
      notification.query(`SELECT count(*)::int AS n FROM notification_inbox WHERE template = 'selected'`),
    ]);
    const selectedSms = sms.messages().filter((m) => m.text.includes('恭喜您入选')).length;
    const selectedMail = new Set(smtp.messages().filter((m) => m.subject.startsWith('入选通知')).map((m) => m.messageId)).size;
    return { decided: decided.rows[0].n, selected: decided.rows[0].selected, sms: selectedSms, mail: selectedMail, inApp: inbox.rows[0].n };
  } finally {
    await Promise.all([vetting.end(), notification.end()]);
  }
}

/**
 * Waits until every acknowledged application is decided and every selected one has its three
 * messages, or until nothing moved for `quietMs` (what is missing then is lost). Answers the seconds it took.
 */
export async function awaitDrain({ harness, acknowledged, lotteryClosesAt, quietMs, say }) {
  const began = Date.now();
  let last = '';
  let lastChange = Date.now();
  for (;;) {
    let progress;
    try {
      progress = await drainProgress(harness);
    } catch (error) {
      progress = { error: error.message };
    }
    const state = JSON.stringify(progress);
    if (state !== last) {
      last = state;
      lastChange = Date.now();
      if (!progress.error) say(`  decided ${progress.decided}/${acknowledged}; selection messages: sms ${progress.sms}, e-mail ${progress.mail}, in-app ${progress.inApp} of ${progress.selected}`);
    }
    const complete = progress.decided >= acknowledged && [progress.sms, progress.mail, progress.inApp].every((n) => n === progress.selected);
    if (complete && Date.now() > Date.parse(lotteryClosesAt)) return (Date.now() - began) / 1000;
    const waitingForLottery = Date.now() < Date.parse(lotteryClosesAt) + quietMs;
    if (!waitingForLottery && Date.now() - lastChange > quietMs) {
      say(`  nothing moved for ${quietMs / 1000} s: counting what is there`);
      return (Date.now() - began) / 1000;
    }
    await sleep(1000);
  }
}

/** The final count (see the file's comment). */
export async function tally({ harness, applications, openDays }) {
  const acknowledged = applications.filter((a) => a.status === 201);
  const decisions = await publishedDecisions(harness.platform);
  const titles = openDays.map((o) => o.title);
  const messages = await selectionMessages(harness, titles);
  const byOpenDay = new Map(openDays.map((o) => [o.openDayId, o]));

  const lost = { decisions: 0, sms: 0, mail: 0, inApp: 0 };
  const duplicated = { decisions: 0, sms: 0, mail: 0, inApp: 0 };
  const selectedPerOpenDay = new Map();
  let decided = 0;
  for (const application of acknowledged) {
    const outcomes = decisions.get(application.applicationId) ?? [];
    if (outcomes.length === 0) {
      lost.decisions += 1;
      continue;
    }
    decided += 1;
    // A waitlisted applicant later promoted has two decisions; the same one twice is a duplicate.
    if (new Set(outcomes.map((o) => o.outcome)).size < outcomes.length) duplicated.decisions += 1;
    if (!outcomes.some((o) => o.outcome === 'selected')) continue;
    const { openDayId } = application.openDay;
    selectedPerOpenDay.set(openDayId, (selectedPerOpenDay.get(openDayId) ?? 0) + 1);
    const title = byOpenDay.get(openDayId).title;
    const { person } = application;
    for (const [channel, who] of [['sms', person.mobile], ['mail', person.email], ['inApp', person.userId]]) {
      const n = messages[channel].get(`${who}|${title}`) ?? 0;
      if (n === 0) lost[channel] += 1;
      if (n > 1) duplicated[channel] += 1;
    }
  }
  const acknowledgedIds = new Set(acknowledged.map((a) => a.applicationId));
  const unknown = [...decisions.keys()].filter((id) => !acknowledgedIds.has(id)).length;
  const exceeded = openDays
    .map((o) => ({ title: o.title, capacity: o.capacity, selected: selectedPerOpenDay.get(o.openDayId) ?? 0 }))
    .filter((o) => o.selected > o.capacity);
  const sent = (channel) => [...messages[channel].values()].reduce((sum, n) => sum + n, 0);
  return {
    acknowledged: acknowledged.length,
    decided,
    outcomes: Object.fromEntries(countBy([...decisions.values()].flat(), (o) => o.outcome)),
    selectedPerOpenDay: openDays.map((o) => ({ title: o.title, capacity: o.capacity, selected: selectedPerOpenDay.get(o.openDayId) ?? 0 })),
    messages: { sms: sent('sms'), mail: sent('mail'), inApp: sent('inApp') },
    resent: { sms: harness.sms.posts - harness.sms.messages().length, mail: harness.smtp.messages().length - new Set(harness.smtp.messages().map((m) => m.messageId)).size },
    decidedButNotAcknowledged: unknown,
    lost,
    duplicated,
    exceeded,
  };
}
