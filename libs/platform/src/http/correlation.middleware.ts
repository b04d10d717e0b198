import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, TRACEPARENT_HEADER, correlationFrom, runWithCorrelation } from '@openday/messaging';

/**
 * Takes the caller's correlation id and trace context (or starts new ones),
 * echoes the id on the response and runs the rest of the request inside that
 * correlation, so logs, outgoing NATS requests and events all carry it.
 *
 * Register it with `app.use(correlationMiddleware)` before `app.listen()`/`init()`:
 * Nest mounts its body parsers and module middleware (pino-http among them) at
 * init, behind anything `app.use` added earlier, so request logs and body-parser
 * errors already see the correlation.
 */
export function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const context = correlationFrom({
    correlationId: single(req.headers[CORRELATION_HEADER]),
    traceparent: single(req.headers[TRACEPARENT_HEADER]),
  });
  res.setHeader(CORRELATION_HEADER, context.correlationId);
  runWithCorrelation(context, next);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
