// The load generator's loop, in a worker thread of its own so the bench's main
// thread (the SMS and mail captures, the samplers) does not slow it down, and
// it does not slow them: `concurrency` requests in flight over keep-alive
// connections (node:http), each request sent as soon as one returns.
// Posts { kind: 'sample', index, … } as soon as a sampled request answers,
// and { kind: 'done', results } at the end.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { requests, concurrency, sample, timeoutMs } = workerData;
const sampled = new Set(sample);
const agents = new Map();

function agentFor(origin) {
  if (!agents.has(origin)) agents.set(origin, new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency }));
  return agents.get(origin);
}

function send({ url, method = 'POST', headers = {}, body }) {
  const target = new URL(url);
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        agent: agentFor(target.origin),
        headers: { 'content-type': 'application/json', ...(payload ? { 'content-length': payload.length } : {}), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => resolve({ status: `error:${error.code ?? error.message}`, text: '' }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error) => resolve({ status: `error:${error.code ?? error.message}`, text: '' }));
    req.end(payload);
  });
}

async function main() {
  const results = new Array(requests.length);
  /** The first answer of each non-2xx status, to say why. */
  const failureSamples = {};
  let next = 0;
  const startedAt = performance.timeOrigin + performance.now();
  const lane = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const sentAt = performance.timeOrigin + performance.now();
      const { status, text } = await send(requests[i]);
      const latencyMs = performance.timeOrigin + performance.now() - sentAt;
      results[i] = { status, sentAt, latencyMs };
      if (!(status >= 200 && status < 300) && !(status in failureSamples)) failureSamples[status] = text.slice(0, 500);
      if (sampled.has(i)) parentPort.postMessage({ kind: 'sample', index: i, status, sentAt, latencyMs, text });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, lane));
  const endedAt = performance.timeOrigin + performance.now();
  for (const agent of agents.values()) agent.destroy();
  parentPort.postMessage({ kind: 'done', startedAt, endedAt, results, failureSamples });
}

main().catch((error) => parentPort.postMessage({ kind: 'failed', message: String(error?.stack ?? error) }));
