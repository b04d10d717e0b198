import type { components } from '../../api/schema';

type Plan = components['schemas']['PlanDto'];

/** One session of a published open day of the caller's agency, as the door picks it. */
export interface DoorSession {
  openDayId: string;
  sessionId: string;
  title: string;
  /** Asia/Shanghai date and HH:mm times. */
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/**
 * The sessions check-in can be for: published plans (they carry their open day's id; a plan's
 * sessions are its open day's) from today on, in time order. Past days are left out: their
 * check-in has closed.
 */
export function doorSessions(plans: readonly Plan[], today: string): DoorSession[] {
  return plans
    .filter((plan) => plan.status === 'published' && plan.openDayId)
    .flatMap((plan) =>
      plan.sessions.map((session) => ({
        openDayId: plan.openDayId as string,
        sessionId: session.id,
        title: plan.title,
        date: session.date,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        capacity: session.capacity,
      })),
    )
    .filter((session) => session.date >= today)
    .sort((a, b) => `${a.date} ${a.startsAt}`.localeCompare(`${b.date} ${b.startsAt}`));
}

/** The session to offer first: today's that has not ended (the earliest), else the next one. */
export function defaultDoorSession(sessions: readonly DoorSession[], today: string, nowTime: string): DoorSession | undefined {
  return sessions.find((s) => s.date === today && s.endsAt > nowTime) ?? sessions.find((s) => s.date > today) ?? sessions[0];
}

export const sessionKey = (session: Pick<DoorSession, 'openDayId' | 'sessionId'>): string => `${session.openDayId}/${session.sessionId}`;
