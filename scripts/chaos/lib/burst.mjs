// The citizens' side of a chaos run: every application POSTed with an Idempotency-Key of its
// own, and retried with the same key as a real client would after a 5xx, a 409 "in progress",
// a 429 or a connection that failed, so an application is "acknowledged" exactly when some
// attempt was answered 201 — the same application, however many attempts it took.
import { randomUUID } from 'node:crypto';

const ATTEMPT_TIMEOUT_MS = 30_000;
const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 3_000;
/** A client gives up on an application that got no answer for this long. */
const GIVE_UP_AFTER_MS = 300_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const IN_PROGRESS = 'https://openday.example/problems/idempotency-key-in-progress';
/** Worth the same request again: the server failed or was busy, or the first attempt with this key still runs. */
const retryable = ({ status, body }) => status === 'connection' || status >= 500 || status === 429 || status === 408 || (status === 409 && body?.type === IN_PROGRESS);

/** The queue: citizen by citizen, each applying to every open day; lottery applications ahead of first-come ones, so its window can close mid-burst. */
export function applicationQueue(people, openDays, total) {
  const lotteries = openDays.filter((o) => o.selectionMode === 'lottery');
  const firstCome = openDays.filter((o) => o.selectionMode !== 'lottery');
  const pairs = (days) => people.flatMap((person) => days.map((openDay) => ({ person, openDay })));
  const early = pairs(lotteries);
  const late = pairs(firstCome);
  // Interleaved 1:1 while lottery applications last, so first-come days take arrivals from the start too.
  const queue = [];
  while (early.length || late.length) {
    if (early.length) queue.push(early.shift());
    if (late.length) queue.push(late.shift());
  }
  return queue.slice(0, total).map((item) => ({ ...item, key: randomUUID(), attempts: 0, status: undefined, applicationId: undefined }));
}

async function attempt(gatewayUrl, application) {
  const { person, openDay, key } = application;
  const body = {
    channel: 'self',
    applicant: {
      name: person.name,
      idNumber: person.idNumber,
      mobile: person.mobile,
      email: person.email,
      language: 'zh-CN',
      category: 'ordinary-citizen',
      district: 'gulou',
      privacyConsent: true,
    },
  };
  try {
    const res = await fetch(`${gatewayUrl}/api/v1/open-days/${openDay.openDayId}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}`, 'idempotency-key': key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      // a proxy's or a dying server's page: the status is what counts
    }
    return { status: res.status, body: parsed, retryAfter: Number(res.headers.get('retry-after')) };
  } catch (error) {
    return { status: 'connection', error: error.cause?.code ?? error.name };
  }
}

/** Sends one application until it has a final answer (or the client gives up). */
async function submit(gatewayUrl, application, stats) {
  const began = Date.now();
  for (let backoff = FIRST_BACKOFF_MS; ; backoff = Math.min(MAX_BACKOFF_MS, backoff * 2)) {
    application.attempts += 1;
    const answer = await attempt(gatewayUrl, application);
    stats.attempts[answer.status] = (stats.attempts[answer.status] ?? 0) + 1;
    if (retryable(answer)) {
      if (Date.now() - began > GIVE_UP_AFTER_MS) {
        application.status = `gave up after ${answer.status}`;
        return;
      }
      await sleep(answer.status === 429 && answer.retryAfter > 0 ? answer.retryAfter * 1000 : backoff);
      continue;
    }
    application.status = answer.status;
    if (answer.status === 201) application.applicationId = answer.body.id ?? answer.body.applicationId;
    else application.problem = answer.body.type ?? answer.body.title;
    return;
  }
}

/**
 * Sends the queue `concurrency` at a time, each once `beforeSending(index)` resolves; `onProgress(finished)` after each final answer.
 * Answers { applications, attempts (by status), seconds }.
 */
export async function runBurst({ gatewayUrl, queue, concurrency, beforeSending = async () => {}, onProgress = () => {} }) {
  const stats = { attempts: {} };
  const began = Date.now();
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < queue.length) {
      const index = next++;
      await beforeSending(index);
      const application = queue[index];
      await submit(gatewayUrl, application, stats);
      finished += 1;
      onProgress(finished);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return { applications: queue, attempts: stats.attempts, seconds: (Date.now() - began) / 1000 };
}
