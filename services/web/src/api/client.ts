import createClient, { type Middleware } from 'openapi-fetch';
import type { TFunction } from 'i18next';
import { getStoredSession, setStoredSession } from '../auth/token-store';
import { currentLanguage } from '../i18n';
import { describeProblem, isProblem, networkProblem, problemFromStatus, retryAfterSeconds, type Problem } from './problem';
import type { paths } from './schema';

export { fieldErrors, type FieldProblem, type Problem } from './problem';

const REFRESH_PATH = '/api/v1/auth/refresh';

/** A failed call: the problem the gateway answered with (or one made up for a network failure). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

/** The problem inside anything a query or mutation threw; a bug in our code counts as a 500. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { type: 'about:blank', title: 'Internal error', status: 500 };
}

/** What went wrong, in words in the reader's language (never a stack trace). */
export function problemMessage(problem: Problem, t: TFunction): string {
  return describeProblem(problem, t, currentLanguage());
}

// Requests as they were before fetch used up their bodies, to send again after a refresh.
const replayable = new WeakMap<Request, Request>();

const sessionAndLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    const session = getStoredSession();
    if (session && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    }
    replayable.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const original = replayable.get(request);
    if (response.status !== 401 || !original || !original.headers.has('Authorization')) return response;
    if (new URL(request.url).pathname === REFRESH_PATH) return response;
    const accessToken = await refreshedAccessToken();
    if (accessToken) original.headers.set('Authorization', `Bearer ${accessToken}`);
    // Signed out now (the refresh was refused): public pages still load without the old token.
    else if (!getStoredSession()) original.headers.delete('Authorization');
    else return response;
    return fetch(original);
  },
};

let refreshing: Promise<string | null> | null = null;

/** One refresh for any number of requests that met a 401 together: a refresh token is single use. */
function refreshedAccessToken(): Promise<string | null> {
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refresh(): Promise<string | null> {
  const session = getStoredSession();
  if (!session) return null;
  try {
    const response = await fetch(REFRESH_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!response.ok) {
      // Expired, revoked or reused: the citizen signs in again.
      setStoredSession(null);
      return null;
    }
    const tokens = (await response.json()) as { accessToken: string; refreshToken: string };
    setStoredSession({ ...session, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    return tokens.accessToken;
  } catch {
    return null; // offline: keep the session, the caller shows the 401's problem
  }
}

/** The typed API client; paths and bodies come from the gateway's OpenAPI document (src/api/schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(sessionAndLanguage);

interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiError carrying the problem (429s also carry Retry-After's seconds). */
export async function unwrap<Data>(result: Promise<FetchResult<Data>> | FetchResult<Data>): Promise<Data> {
  let settled: FetchResult<Data>;
  try {
    settled = await result;
  } catch {
    throw new ApiError(networkProblem());
  }
  const { data, error, response } = settled;
  if (response.ok) return data as Data;
  const problem = isProblem(error) ? { ...error } : problemFromStatus(response.status);
  const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
  if (retryAfter !== undefined) problem.retryAfterSeconds = retryAfter;
  throw new ApiError(problem);
}
