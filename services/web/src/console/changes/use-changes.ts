import { useQueries, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';

export type OpenDayChange = components['schemas']['OpenDayChangeDto'];
export type Ticket = components['schemas']['AttendanceEntryDto'];

/** The open day's filed changes, newest first (under the plan's key: whatever refreshes the plan refreshes them). */
export function useOpenDayChanges(planId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['console', 'plans', planId, 'changes'],
    queryFn: async () => (await unwrap(consoleApi.GET('/api/v1/plans/{id}/open-day/changes', { params: { path: { id: planId! } } }))).items,
    enabled: planId !== null && enabled,
  });
}

/** A ticket that takes a place: any not revoked (scheduling counts checked-in and no-show ones too). */
function holdsPlace(ticket: Ticket): boolean {
  return ticket.status !== 'revoked';
}

/**
 * Each session's tickets that take a place (masked names, from the roster the door uses): the
 * places taken, and among them (the issued ones) the people the agency may name to leave.
 */
export function useSessionTickets(openDayId: string | null | undefined, sessionIds: readonly string[]) {
  const rosters = useQueries({
    queries: sessionIds.map((sessionId) => ({
      queryKey: ['console', 'roster', openDayId, sessionId],
      queryFn: async () =>
        (
          await allPages((cursor) =>
            unwrap(
              consoleApi.GET('/api/v1/open-days/{id}/sessions/{sessionId}/roster', {
                params: { path: { id: openDayId!, sessionId }, query: { limit: 500, ...(cursor ? { cursor } : {}) } },
              }),
            ).then((page) => ({ items: page.items, nextCursor: page.nextCursor ?? null })),
          )
        ).items.filter(holdsPlace),
      enabled: !!openDayId,
    })),
  });
  const bySession = new Map<string, Ticket[]>();
  rosters.forEach((roster, i) => {
    if (roster.data) bySession.set(sessionIds[i], roster.data);
  });
  return {
    bySession,
    pending: rosters.some((roster) => roster.isPending),
    error: rosters.find((roster) => roster.isError)?.error ?? null,
    retry: () => rosters.forEach((roster) => void roster.refetch()),
  };
}

/** The changes waiting for the city office (every agency's), oldest first. */
export const CHANGE_QUEUE_KEY = ['console', 'open-day-changes', 'submitted'] as const;

export async function changesToReview(): Promise<OpenDayChange[]> {
  const all = await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/open-day-changes', { params: { query: { status: 'submitted', limit: 100, ...(cursor ? { cursor } : {}) } } })));
  return all.items;
}

/** An agency's filed changes, every status (the newest pages), to find the returned ones still to correct. */
export async function agencyChanges(): Promise<OpenDayChange[]> {
  const all = await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/open-day-changes', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })));
  return all.items;
}
