import { registrationState as windowState, type RegistrationState } from '@openday/domain/plans';
import type { PublicOpenDay, PublicSession, SelectionMode } from './views';

export type { RegistrationState };

type Window = Pick<PublicOpenDay, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>;

/** Where an open day's registration window stands at `now`: registration's own rule, on the public view. */
export function registrationState(openDay: Window, now: number): RegistrationState {
  const instant = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  return windowState(
    { opensAt: instant(openDay.registrationOpensAt), closesAt: instant(openDay.registrationClosesAt), cancelled: openDay.status === 'cancelled' },
    new Date(now),
  );
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
  /** Null when the gateway cannot tell (no selection mode). */
  left: number | null;
  applied: number;
  mode: SelectionMode | null;
}

export type PlacesStatus = 'unknown' | 'available' | 'full' | 'oversubscribed';

/**
 * What "places left" means to a citizen. First come, first served: 0 left is full.
 * Lottery or selection group: applying takes no place, so 0 left means more people
 * applied than there are places, and applications are still taken.
 */
export function placesStatus(places: Places): PlacesStatus {
  if (places.left === null) return 'unknown';
  if (places.left > 0) return 'available';
  return places.mode === 'first-come' ? 'full' : 'oversubscribed';
}

export function placesOfOpenDay(openDay: Pick<PublicOpenDay, 'places' | 'placesLeft' | 'applied' | 'selectionMode'>): Places {
  return { total: openDay.places, left: openDay.placesLeft, applied: openDay.applied, mode: openDay.selectionMode };
}

export function placesOfSession(session: Pick<PublicSession, 'capacity' | 'placesLeft' | 'applied'>, mode: SelectionMode | null): Places {
  return { total: session.capacity, left: session.placesLeft, applied: session.applied, mode };
}
