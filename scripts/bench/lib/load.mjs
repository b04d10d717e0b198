// A fixed-concurrency load generator: every request its own URL, headers and
// body (each citizen applies with their own token), `concurrency` in flight.
// Runs in a worker thread (load-worker.mjs); answers the statuses, latencies
// and throughput, and calls `onSample` as soon as each sampled request answers.
import { Worker } from 'node:worker_threads';
import { countBy, summarise } from './stats.mjs';

/**
 * @param {Array<{ url: string, method?: string, headers?: Record<string,string>, body?: unknown }>} requests
 * @param {{ concurrency: number, sample?: number[], onSample?: (s: { index: number, status: number|string, sentAt: number, latencyMs: number, text: string }) => void, timeoutMs?: number }} options
 */
export function runLoad(requests, { concurrency, sample = [], onSample = () => {}, timeoutMs = 60_000 }) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { requests, concurrency, sample, timeoutMs } });
    worker.on('message', (message) => {
      if (message.kind === 'sample') onSample(message);
      else if (message.kind === 'failed') reject(new Error(message.message));
      else if (message.kind === 'done') resolve(loadReport(message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the load worker exited with ${code}`)));
  });
}

function loadReport({ startedAt, endedAt, results, failureSamples }) {
  const isOk = (r) => typeof r.status === 'number' && r.status >= 200 && r.status < 300;
  const ok = results.filter(isOk);
  const durationMs = endedAt - startedAt;
  return {
    startedAt,
    endedAt,
    durationMs,
    requests: results.length,
    accepted: ok.length,
    acceptedPerSecond: ok.length / (durationMs / 1000),
    latency: summarise(results.map((r) => r.latencyMs)),
    statuses: countBy(results.map((r) => r.status)),
    failures: countBy(results.filter((r) => !isOk(r)).map((r) => r.status)),
    failureSamples,
    results,
  };
}
