import type { components } from '../../api/schema';
import { formatDate } from '../../time/shanghai';

export type PublicOpenDay = components['schemas']['PublicOpenDayDto'];
export type SelectionResult = components['schemas']['SelectionResultDto'];

/** A session as people name it: its date and hours (the id itself when the open day no longer has it). */
export function sessionLabeller(sessions: readonly Pick<PublicOpenDay['sessions'][number], 'sessionId' | 'date' | 'startsAt' | 'endsAt'>[], language: string): (sessionId: string) => string {
  const labels = new Map(sessions.map((s) => [s.sessionId, `${formatDate(s.date, language)} ${s.startsAt}–${s.endsAt}`]));
  return (sessionId) => labels.get(sessionId) ?? sessionId;
}
