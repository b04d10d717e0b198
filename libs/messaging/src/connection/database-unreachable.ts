/**
 * SQLSTATE classes and codes meaning "the server went away or is not taking work yet"
 * (restart, failover, start-up), not "this statement or this event is wrong".
 */
const CONNECTION_SQLSTATE = /^(08|57P0[1-4]$|53300$)/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres reports these without a code; TypeORM's last one follows a connection its query runner lost mid-transaction. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /Database connection provided by a query runner was already released/,
];

/** Whether a failed database call failed because the database could not be reached, so retrying later can succeed. */
export function isDatabaseUnreachable(err: unknown): boolean {
  // Duck-typed, not instanceof Error: socket errors come from Node's own realm (a different Error under jest's sandbox).
  if (typeof err !== 'object' || err === null) return false;
  const { code, message, driverError } = err as { code?: unknown; message?: unknown; driverError?: unknown };
  if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return driverError !== undefined && driverError !== err && isDatabaseUnreachable(driverError);
}
