import type { Middleware } from 'openapi-fetch';
import { currentLanguage } from '../i18n';

const REFRESH_PATH = '/api/v1/auth/refresh';

export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string;
}

/** Where one kind of session (a citizen's, a staff member's) keeps its tokens. */
export interface TokenStore<Tokens extends RefreshedTokens> {
  get(): Tokens | null;
  /** The refresh answered: keep the new tokens (and whatever else it answered). */
  renew(session: Tokens, answer: RefreshedTokens & Partial<Tokens>): void;
  /** The refresh was refused (expired, revoked or reused): sign in again. */
  forget(): void;
}

/**
 * Sends the session's access token and the reader's language; on a 401 refreshes once and sends
 * the request again. `retrySignedOut`: when the refresh is refused, send it again without a token
 * (the citizen's public pages still load); otherwise answer the 401.
 */
export function sessionMiddleware<Tokens extends RefreshedTokens>(store: TokenStore<Tokens>, { retrySignedOut }: { retrySignedOut: boolean }): Middleware {
  // Requests as they were before fetch used up their bodies, to send again after a refresh.
  const replayable = new WeakMap<Request, Request>();
  let refreshing: Promise<string | null> | null = null;

  // One refresh for any number of requests that met a 401 together: a refresh token is single use.
  const refreshedAccessToken = () => {
    refreshing ??= refresh(store).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', currentLanguage());
      const session = store.get();
      if (session && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
      replayable.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response }) {
      const original = replayable.get(request);
      if (response.status !== 401 || !original || !original.headers.has('Authorization')) return response;
      if (new URL(request.url).pathname === REFRESH_PATH) return response;
      const accessToken = await refreshedAccessToken();
      if (accessToken) original.headers.set('Authorization', `Bearer ${accessToken}`);
      else if (retrySignedOut && !store.get()) original.headers.delete('Authorization');
      else return response;
      return fetch(original);
    },
  };
}

async function refresh<Tokens extends RefreshedTokens>(store: TokenStore<Tokens>): Promise<string | null> {
  const session = store.get();
  if (!session) return null;
  try {
    const response = await fetch(REFRESH_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!response.ok) {
      store.forget();
      return null;
    }
    const answer = (await response.json()) as RefreshedTokens & Partial<Tokens>;
    store.renew(session, answer);
    return answer.accessToken;
  } catch {
    return null; // offline: keep the session, the caller shows the 401's problem
  }
}
