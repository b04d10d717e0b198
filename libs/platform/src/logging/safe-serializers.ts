import type { IncomingMessage } from 'node:http';
import pino from 'pino';

type SerializedRequest = Record<string, unknown> & { raw?: IncomingMessage };
type OriginalUrlRequest = IncomingMessage & { originalUrl?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A path segment that may be somebody's ID number, mobile, e-mail or name (encoded or not ASCII) rather than a route's word or code. */
const PERSONAL_LOOKING_SEGMENT = /\d{6,}|@|%|[^\x20-\x7E]/;

/**
 * The request as logged: method, path and headers. Never the query string
 * (a search for a name, a mobile in a filter) nor the parsed parameters, and
 * path segments that look like personal data (an ID number where an id was
 * expected) are masked. (Express's `req.route` names the last route matched,
 * a catch-all middleware's as often as the handler's, so it cannot stand in.)
 */
export function requestForLog(request: SerializedRequest): SerializedRequest {
  const raw = (request.raw ?? request) as OriginalUrlRequest;
  const { id, method, headers, remoteAddress, remotePort } = request;
  return { id, method, url: loggedPath(raw), headers, remoteAddress, remotePort };
}

/** Response headers worth a log line; others (a download's file name, a redirect's query) may carry what was asked for. */
const LOGGED_RESPONSE_HEADERS = ['content-type', 'content-length', 'x-correlation-id', 'retry-after'];

/** The response as logged: its status and the headers above. */
export function responseForLog(response: Record<string, unknown>): Record<string, unknown> {
  const headers = (response.headers ?? {}) as Record<string, unknown>;
  return {
    statusCode: response.statusCode,
    headers: Object.fromEntries(LOGGED_RESPONSE_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]])),
  };
}

function loggedPath(raw: OriginalUrlRequest): string {
  const path = (raw.originalUrl ?? raw.url ?? '').split('?')[0];
  return path
    .split('/')
    .map((segment) => (!UUID.test(segment) && PERSONAL_LOOKING_SEGMENT.test(segment) ? ':value' : segment))
    .join('/');
}

/** Fields of a database error that repeat the values of the failed statement. */
const VALUE_FIELDS = ['parameters', 'detail', 'where', 'driverError'];
/** PostgreSQL quotes an offending value in the message (`invalid input syntax for type uuid: "…"`). */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/**
 * An error as logged: pino's usual fields (type, message, stack, cause) without
 * what a failed query carries of its data: TypeORM's QueryFailedError keeps the
 * statement's parameters (a name, an ID number) and PostgreSQL's `detail`
 * (`Key (mobile)=(…) already exists`); a data exception quotes the value in its
 * message. The SQL text with its placeholders stays: it says what failed.
 */
export function errorForLog(error: unknown): unknown {
  // pino-http hands a custom serializer what pino's own has made of the error already (the error itself under `raw`).
  const raw = error instanceof Error ? error : (error as { raw?: unknown } | null)?.raw;
  const serialized = error instanceof Error ? (pino.stdSerializers.err(error) as unknown) : error;
  if (!serialized || typeof serialized !== 'object' || !fromDatabase(raw ?? error)) return serialized;
  const safe = Object.fromEntries(Object.entries(serialized).filter(([key]) => !VALUE_FIELDS.includes(key)));
  for (const key of ['message', 'stack'] as const) {
    if (typeof safe[key] === 'string') safe[key] = withoutQuotedValues(safe[key] as string);
  }
  return safe;
}

/**
 * pino's `logMethod` hook: a line logged with a failed query as its error takes
 * the error's message (pino does so when no message is given, Nest's logger
 * passes it along), and that message may quote a value: such a line's message
 * is written without the quoted values.
 */
export function withSafeErrorMessage(this: pino.Logger, args: Parameters<pino.LogFn>, method: pino.LogFn): void {
  const [first, ...rest] = args as unknown[];
  const error = first instanceof Error ? first : ((first as { err?: unknown } | null)?.err ?? (first as { error?: unknown } | null)?.error);
  if (!(error instanceof Error) || !fromDatabase(error)) return method.apply(this, args);
  const object = first instanceof Error ? { err: first } : (first as object);
  const message = typeof rest[0] === 'string' ? rest[0] : error.message;
  return method.apply(this, [object, withoutQuotedValues(message), ...rest.slice(1)] as Parameters<pino.LogFn>);
}

function withoutQuotedValues(text: string): string {
  return text.replace(QUOTED, '"[redacted]"');
}

/** A failed query (pg's DatabaseError, TypeORM's QueryFailedError), itself or as the cause of what was thrown. */
function fromDatabase(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const candidate = error as { query?: unknown; driverError?: unknown; parameters?: unknown; severity?: unknown; routine?: unknown; cause?: unknown };
  if ('query' in candidate || 'driverError' in candidate || 'parameters' in candidate || ('severity' in candidate && 'routine' in candidate)) return true;
  return fromDatabase(candidate.cause, depth + 1);
}
