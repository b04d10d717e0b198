/**
 * Where an open day's registration stands (domain.md step 4): the window is [opens, closes), a
 * cancelled open day takes nobody, and one without a window takes no applications. Registration
 * refuses by it, the portal shows it, and the public listing's "open now" filter is the same
 * bounds in SQL (tested against this function).
 */
export type RegistrationState = 'cancelled' | 'none' | 'upcoming' | 'open' | 'closed';

export interface RegistrationWindow {
  opensAt: Date | null;
  closesAt: Date | null;
  cancelled: boolean;
}

export function registrationState(window: RegistrationWindow, now: Date): RegistrationState {
  if (window.cancelled) return 'cancelled';
  if (!window.opensAt || !window.closesAt) return 'none';
  if (now < window.opensAt) return 'upcoming';
  if (now < window.closesAt) return 'open';
  return 'closed';
}
