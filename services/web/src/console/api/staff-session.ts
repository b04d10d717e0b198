/**
 * The signed-in staff member's tokens, kept apart from a citizen's (`openday.session`): one
 * browser may hold both, and the console's client never sends a citizen's token, nor the
 * portal's a staff member's. sessionStorage: a shared desk or door tablet forgets the
 * account when the tab closes.
 */
import type { components } from '../../api/schema';

export type Actor = components['schemas']['ActorDto'];
export type Role = Actor['role'];

export interface StaffSession {
  accessToken: string;
  refreshToken: string;
  username: string;
  actor: Actor;
}

const STORAGE_KEY = 'openday.console.session';
const listeners = new Set<() => void>();
let current: StaffSession | null = read();

export function getStaffSession(): StaffSession | null {
  return current;
}

export function setStaffSession(session: StaffSession | null): void {
  current = session;
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the session lasts as long as the page.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeToStaffSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function read(): StaffSession | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<StaffSession> | null;
    return parsed?.accessToken && parsed.refreshToken && parsed.actor ? (parsed as StaffSession) : null;
  } catch {
    return null;
  }
}
