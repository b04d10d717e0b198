import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * What follows one request across HTTP, request/reply and events: the
 * correlation id (ours) and the W3C trace context (for tracing tools).
 */
export interface CorrelationContext {
  correlationId: string;
  traceparent: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export const CORRELATION_HEADER = 'x-correlation-id';
export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT_PATTERN = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

export function runWithCorrelation<T>(context: CorrelationContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Continues an incoming trace as a child span, or starts a new one when the header is absent or malformed. */
export function childTraceparent(incoming?: string): string {
  const match = incoming ? TRACEPARENT_PATTERN.exec(incoming) : null;
  const traceId = match ? match[1] : randomHex(16);
  const flags = match ? match[3] : '01';
  return `00-${traceId}-${randomHex(8)}-${flags}`;
}

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = 0;

/**
 * `bytes` random bytes as hex, cut from a pool filled POOL_BYTES at a time: every event a
 * consumer takes gets a span id, and a call into the CSPRNG for each 8 bytes cost more than
 * the rest of the id. Each byte is handed out once; W3C asks span ids to be unique, not secret.
 */
function randomHex(bytes: number): string {
  if (bytes > POOL_BYTES) return randomBytes(bytes).toString('hex');
  if (taken + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    taken = 0;
  }
  const hex = pool.toString('hex', taken, taken + bytes);
  taken += bytes;
  return hex;
}

export function correlationFrom(headers: {
  correlationId?: string | null;
  traceparent?: string | null;
}): CorrelationContext {
  const given = headers.correlationId ?? undefined;
  return {
    correlationId: given && CORRELATION_ID_PATTERN.test(given) ? given : randomUUID(),
    traceparent: childTraceparent(headers.traceparent ?? undefined),
  };
}
