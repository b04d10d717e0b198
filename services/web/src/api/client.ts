import createClient from 'openapi-fetch';
import type { TFunction } from 'i18next';
import { getStoredSession, setStoredSession } from '../auth/token-store';
import { currentLanguage } from '../i18n';
import { describeProblem, isProblem, networkProblem, problemFromStatus, retryAfterSeconds, type Problem } from './problem';
import type { paths } from './schema';
import { sessionMiddleware } from './session-middleware';

export { fieldErrors, type FieldProblem, type Problem } from './problem';

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

/** The typed API client; paths and bodies come from the gateway's OpenAPI document (libs/contracts/src/http/gateway-api.ts). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(
  sessionMiddleware(
    {
      get: getStoredSession,
      renew: (session, answer) => setStoredSession({ ...session, accessToken: answer.accessToken, refreshToken: answer.refreshToken }),
      forget: () => setStoredSession(null),
    },
    { retrySignedOut: true },
  ),
);

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
