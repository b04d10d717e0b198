import createClient, { type Client } from 'openapi-fetch';
import { DEMO_PASSWORD } from '../demo-city';
import type { GatewayComponents as components, GatewayPaths as paths } from '@openday/contracts';
import { normalizeMobile } from '@openday/domain';
import type { SignInCodeSource } from './sign-in-codes';

/** Typed calls: every path, parameter and body from the gateway's OpenAPI document (services/gateway/openapi.json). */
export type GatewayApi = Client<paths>;

/** What a sign-in answers (staff and citizens alike). */
export type TokenPair = components['schemas']['TokenPairDto'];

export interface GatewayClientOptions {
  /** Sent with every call (e.g. x-forwarded-for, to be another client behind the proxy). */
  headers?: Record<string, string>;
  /**
   * For scripts against a running platform, not for tests (which assert 429s and 503s):
   * a 429 with a Retry-After up to this many seconds is waited out (3 times at most)…
   */
  waitOutRateLimitsUpToS?: number;
  /** …and a 503 (a service not listening yet) is retried this many times, a second apart. */
  retryUnavailable?: number;
}

/**
 * The one client of the gateway's public API that the end-to-end tests, the browser tests and the
 * scripts share: the staff and citizen sign-ins as the portal and the console do them, typed calls
 * (`api`), and untyped ones (`call`) for tests that send what the document does not allow.
 */
export class GatewayClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly options: GatewayClientOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Typed calls as `token`'s holder (none: anonymous). */
  api(token?: string): GatewayApi {
    return createClient<paths>({
      baseUrl: this.baseUrl,
      headers: { ...this.options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      fetch: (request) => this.send(request),
    });
  }

  /** One call with a JSON body (if any), answered as it came. */
  call(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(
      new Request(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...this.options.headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  }

  /** `call`, then the body of the expected status (or an error quoting what came instead). */
  async json<T = unknown>(method: string, path: string, body?: unknown, token?: string, status = 200): Promise<T> {
    return expectJson<T>(await this.call(method, path, body, token), status);
  }

  async staffSession(username: string, password = DEMO_PASSWORD): Promise<TokenPair> {
    return answered(await this.api().POST('/api/v1/auth/staff/sign-in', { body: { username, password } }));
  }

  /** A staff member's access token (the demo city's password unless told). */
  async staffSignIn(username: string, password = DEMO_PASSWORD): Promise<string> {
    return (await this.staffSession(username, password)).accessToken;
  }

  /** The citizen sign-in: ask for a code, read it where `codes` finds it (the bus, the SMS provider), sign in with it. */
  async citizenSession(mobile: string, codes: SignInCodeSource): Promise<TokenPair> {
    // The code is texted to the number as the gateway stores it, whatever spacing or +86 the citizen typed.
    const normalized = normalizeMobile(mobile);
    const nextCode = await codes.watch(normalized.ok ? normalized.value : mobile);
    answered(await this.api().POST('/api/v1/auth/citizen/sign-in-codes', { body: { mobile } }));
    const code = await nextCode();
    return answered(await this.api().POST('/api/v1/auth/citizen/sign-in', { body: { mobile, code } }));
  }

  async citizenSignIn(mobile: string, codes: SignInCodeSource): Promise<string> {
    return (await this.citizenSession(mobile, codes)).accessToken;
  }

  private async send(request: Request): Promise<Response> {
    const { waitOutRateLimitsUpToS = 0, retryUnavailable = 0 } = this.options;
    const body = request.body === null ? undefined : await request.arrayBuffer();
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(new Request(request, { body }));
      const retryAfterS = Number(res.headers.get('retry-after') ?? '');
      if (res.status === 429 && attempt <= 3 && Number.isFinite(retryAfterS) && retryAfterS <= waitOutRateLimitsUpToS) {
        await res.arrayBuffer();
        await sleep(retryAfterS * 1000 + 250);
      } else if (res.status === 503 && attempt <= retryUnavailable) {
        await res.arrayBuffer();
        await sleep(1000);
      } else {
        return res;
      }
    }
  }
}

/** A typed call's body when it succeeded, or an error quoting the problem that came instead. */
function answered<T>({ data, error, response }: { data?: T; error?: unknown; response: Response }): T {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${JSON.stringify(error)}`);
  return data as T;
}

/** The body of an answer with the expected status, or an error quoting what came instead. */
export async function expectJson<T = unknown>(res: Response, status = 200): Promise<T> {
  const body = await res.text();
  if (res.status !== status) throw new Error(`${res.url} answered ${res.status}, expected ${status}: ${body}`);
  return (body ? JSON.parse(body) : undefined) as T;
}

/** The claims of an access token (a JWT), unverified: tests read who they are signed in as. */
export function claimsOf<T = { sub: string }>(accessToken: string): T {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
