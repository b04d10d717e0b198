// A small client of the gateway's public HTTP API for the seed: JSON in and
// out, problem+json turned into readable errors, rate limits waited out. The
// sign-ins are the shared client's (libs/testing), as the tests sign in.
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
  /** @param {{ baseUrl: string, say?: (line: string) => void }} options */
  constructor({ baseUrl, say = () => {} }) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.say = say;
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
   * Calls the API and answers { status, body, headers }. Waits out 429s with a
   * short Retry-After (sign-in endpoints, code resends) and retries 503s (a
   * service not listening yet) a few times. `expect` lists the statuses that
   * are answers; any other throws an ApiError naming the call.
   */
  async call(method, path, { token, body, headers = {}, expect = [200, 201, 202, 204] } = {}) {
    const what = `${method} ${path}`;
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            accept: 'application/json',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            'x-correlation-id': `demo-seed-${Date.now().toString(36)}-${attempt}`,
            ...headers,
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
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
      if (res.status === 429) {
        const wait = Number(res.headers.get('retry-after') ?? '');
        if (Number.isFinite(wait) && wait <= MAX_RATE_LIMIT_WAIT_S && attempt <= 3) {
          this.say(`  … ${what} is rate limited (${parsed?.detail ?? 'too many requests'}); waiting ${wait} s`);
          await sleep(wait * 1000 + 250);
          continue;
        }
      }
      if (res.status === 503 && attempt <= 5) {
        await sleep(1000);
        continue;
      }
      if (!expect.includes(res.status)) throw new ApiError(what, res.status, parsed);
      return { status: res.status, body: parsed, headers: res.headers };
    }
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
