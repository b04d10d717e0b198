import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api } from '../api/client';
import { getStoredSession, setStoredSession, subscribeToSession } from './token-store';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** 138****5678, shown as "signed in as". */
  mobileMasked?: string;
}

export interface Session {
  signedIn: boolean;
  accessToken: string | null;
  mobileMasked?: string;
  signIn(tokens: SessionTokens): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const stored = useSyncExternalStore(subscribeToSession, getStoredSession);
  const signIn = useCallback((tokens: SessionTokens) => {
    setStoredSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, mobileMasked: tokens.mobileMasked });
  }, []);
  const signOut = useCallback(async () => {
    const refreshToken = getStoredSession()?.refreshToken;
    setStoredSession(null);
    // Ends the session on the server too; signed out here whatever it answers.
    if (refreshToken) await api.POST('/api/v1/auth/sign-out', { body: { refreshToken } }).catch(() => undefined);
  }, []);
  const session = useMemo<Session>(
    () => ({
      signedIn: stored !== null,
      accessToken: stored?.accessToken ?? null,
      mobileMasked: stored?.mobileMasked,
      signIn,
      signOut,
    }),
    [stored, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  return session;
}

/** The path to sign in at and come back from. */
export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/** Shows its children to a signed-in citizen; anyone else goes to sign in and comes back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <>{children}</>;
}
