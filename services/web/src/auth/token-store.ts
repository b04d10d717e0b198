/**
 * The signed-in citizen's tokens, kept in localStorage so a session survives closing
 * WeChat's in-app browser. A plain module, not React state: the API client reads
 * and refreshes tokens outside any component.
 */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** 138****5678, for "signed in as"; the full number is never stored. */
  mobileMasked?: string;
}

const STORAGE_KEY = 'openday.session';
const listeners = new Set<() => void>();
let current: StoredSession | null = read();

export function getStoredSession(): StoredSession | null {
  return current;
}

export function setStoredSession(session: StoredSession | null): void {
  current = session;
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the session lasts as long as the page.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signed in or out.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  current = read();
  listeners.forEach((listener) => listener());
});

function read(): StoredSession | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<StoredSession> | null;
    return parsed?.accessToken && parsed.refreshToken ? (parsed as StoredSession) : null;
  } catch {
    return null;
  }
}
