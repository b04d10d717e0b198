// A small client of the gateway's public HTTP API for the seed: JSON in and
// out, problem+json turned into readable errors. Every call goes through the
// shared client (libs/testing), which waits out rate limits and signs in as the tests do.
import { GatewayClient as SharedGatewayClient } from '@openday/testing';
import { UserError, sleep } from '../lib/run.mjs';

/** A 429 whose Retry-After is at most this long is waited out; a longer one fails the step. */
const MAX_RATE_LIMIT_WAIT_S = 75;

export class ApiError extends UserError {
  constructor(what, status, problem) {
    const fields = (problem?.errors ?? []).map((e) => `\n    ${e.field}: ${e.message} (${e.rule})`).join('');
    super(`${what} answered ${status}: ${problem?.detail ?? problem?.title ?? 'no detail'}${fields}`);
    this.status = status;
    this.problem = problem;
  }
}

export class GatewayClient {
  /** @param {{ baseUrl: string }} options */
  constructor({ baseUrl }) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.shared = new SharedGatewayClient(this.baseUrl, { waitOutRateLimitsUpToS: MAX_RATE_LIMIT_WAIT_S, retryUnavailable: 5 });
  }

  /** Whether the gateway answers its readiness check (false when nothing listens). */
  async ready() {
    try {
      const res = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(3000) });
      await res.arrayBuffer().catch(() => {});
      return res.status === 200;
    } catch {
      return false;
    }
  }

  /**
   * Calls the API and answers { status, body, headers }. The shared client waits out 429s with a
   * short Retry-After (sign-in endpoints, code resends) and retries 503s (a service not listening
   * yet) a few times. `expect` lists the statuses that are answers; any other throws an ApiError
   * naming the call.
   */
  async call(method, path, { token, body, headers = {}, expect = [200, 201, 202, 204] } = {}) {
    const what = `${method} ${path}`;
    let res;
    try {
      res = await this.shared.call(method, path, body, token, { accept: 'application/json', 'x-correlation-id': `demo-seed-${Date.now().toString(36)}`, ...headers });
    } catch (error) {
      throw new UserError(`${what}: the gateway at ${this.baseUrl} did not answer (${error.cause?.code ?? error.message}); is \`npm start\` still running?`);
    }
    const text = await res.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { detail: text.slice(0, 300) };
    }
    if (!expect.includes(res.status)) throw new ApiError(what, res.status, parsed);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  staffSignIn(username, password) {
    return this.shared.staffSignIn(username, password).catch(failed(`staff sign-in of ${username}`));
  }

  /** A citizen's token pair through the real code flow; `codes` says where the code is read (libs/testing's SignInCodeSource). */
  citizenSession(mobile, codes) {
    return this.shared.citizenSession(mobile, codes).catch(failed(`citizen sign-in of ${mobile}`));
  }

  /** Every item of a cursor-paginated list. */
  async all(path, token) {
    const items = [];
    let cursor = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const { body } = await this.call('GET', `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token, expect: [200] });
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  /** Polls `probe` until it answers something truthy, or throws naming `what`. */
  async until(what, probe, { timeoutMs = 30_000, intervalMs = 300 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new UserError(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
      await sleep(intervalMs);
    }
  }
}

const failed = (what) => (error) => {
  throw new UserError(`${what}: ${error.message}`);
};
