import { collectDefaultMetrics, Histogram, register } from 'prom-client';

/** Labelled with the route pattern (`/applications/:id`), never the raw URL, so the series stay few. */
export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests handled by a route, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
});

/** `outcome` is `ok`, `rejected` (a 4xx problem, e.g. validation) or `error` (5xx). */
export const rpcRequestDuration = new Histogram({
  name: 'rpc_request_duration_seconds',
  help: 'NATS request/reply messages handled by a @MessagePattern handler, by pattern and outcome',
  labelNames: ['pattern', 'outcome'],
});

let collecting = false;

/** Process metrics (CPU, memory, event-loop lag, GC) once per process; every series gets a `service` label. */
export function collectProcessMetrics(serviceName: string): void {
  if (collecting) return;
  collecting = true;
  register.setDefaultLabels({ service: serviceName });
  collectDefaultMetrics();
}
