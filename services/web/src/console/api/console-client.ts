import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage } from '../../i18n';
import type { paths } from '../../api/schema';
import { getStaffSession, setStaffSession } from './staff-session';

export { ApiError, problemMessage, problemOf, unwrap, type Problem } from '../../api/client';

const REFRESH_PATH = '/api/v1/auth/refresh';

// Requests as they were before fetch used up their bodies, to send again after a refresh.
const replayable = new WeakMap<Request, Request>();

const staffSession: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    const session = getStaffSession();
    if (session && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    replayable.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const original = replayable.get(request);
    if (response.status !== 401 || !original || !original.headers.has('Authorization')) return response;
    if (new URL(request.url).pathname === REFRESH_PATH) return response;
    const accessToken = await refreshedAccessToken();
    if (!accessToken) return response;
    original.headers.set('Authorization', `Bearer ${accessToken}`);
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
  const session = getStaffSession();
  if (!session) return null;
  try {
    const response = await fetch(REFRESH_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!response.ok) {
      setStaffSession(null); // expired, revoked or reused: sign in again
      return null;
    }
    const tokens = (await response.json()) as { accessToken: string; refreshToken: string; actor: typeof session.actor };
    setStaffSession({ ...session, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, actor: tokens.actor ?? session.actor });
    return tokens.accessToken;
  } catch {
    return null; // offline: keep the session, the caller shows the 401's problem
  }
}

/** The console's typed client: the staff member's token only, never a citizen's. */
export const consoleApi = createClient<paths>({ baseUrl: '' });
consoleApi.use(staffSession);
