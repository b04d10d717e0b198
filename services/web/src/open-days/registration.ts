import type { PublicOpenDay } from './views';

export type RegistrationState = 'cancelled' | 'none' | 'upcoming' | 'open' | 'closed';

type Window = Pick<PublicOpenDay, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>;

/** Where an open day's registration window stands at `now`. */
export function registrationState(openDay: Window, now: number): RegistrationState {
  if (openDay.status === 'cancelled') return 'cancelled';
  if (!openDay.registrationOpensAt || !openDay.registrationClosesAt) return 'none';
  if (now < Date.parse(openDay.registrationOpensAt)) return 'upcoming';
  if (now < Date.parse(openDay.registrationClosesAt)) return 'open';
  return 'closed';
}

/** The instant the countdown counts to: the opening while upcoming, the deadline while open. */
export function countdownTarget(openDay: Window, now: number): { kind: 'opens' | 'closes'; at: number } | undefined {
  const state = registrationState(openDay, now);
  if (state === 'upcoming') return { kind: 'opens', at: Date.parse(openDay.registrationOpensAt!) };
  if (state === 'open') return { kind: 'closes', at: Date.parse(openDay.registrationClosesAt!) };
  return undefined;
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Whole days, hours, minutes and seconds until `target`; zero once it has passed. */
export function countdown(target: number, now: number): Countdown {
  const total = Math.max(0, Math.floor((target - now) / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}

export interface Places {
  total: number;
  /** Undefined when the gateway does not say. */
  left?: number;
  applied?: number;
}

/** The places of an open day over all its sessions, and what is left where the gateway tells. */
export function placesOf(openDay: Pick<PublicOpenDay, 'sessions' | 'placesLeft' | 'applied'>): Places {
  const total = openDay.sessions.reduce((sum, session) => sum + session.capacity, 0);
  const sessionsLeft = openDay.sessions.map((session) => session.placesLeft);
  const left =
    openDay.placesLeft ??
    (sessionsLeft.length > 0 && sessionsLeft.every((value) => typeof value === 'number')
      ? (sessionsLeft as number[]).reduce((sum, value) => sum + value, 0)
      : undefined);
  return { total, left: left ?? undefined, applied: openDay.applied ?? undefined };
}
