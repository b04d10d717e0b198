import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ListQuery } from './list/filters';
import type { Agency, CityCalendar, PublicOpenDay } from './views';

const PAGE_SIZE = 20;

export function usePublicOpenDays(query: ListQuery) {
  return useInfiniteQuery({
    queryKey: ['public-open-days', query],
    queryFn: async ({ pageParam }) => {
      const page = await unwrap(
        api.GET('/api/v1/public/open-days', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } } }),
      );
      return { items: page.items as PublicOpenDay[], nextCursor: page.nextCursor };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePublicOpenDay(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['public-open-day', id],
    enabled: options.enabled ?? true,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/public/open-days/{id}', { params: { path: { id } } }))) as PublicOpenDay,
  });
}

/** The city-wide calendar of a month, with the list's agency, form and district filters. */
export function useCityCalendar(month: string, filters: Pick<ListQuery, 'agencyId' | 'form' | 'district'>) {
  return useQuery({
    queryKey: ['city-calendar', month, filters],
    queryFn: async (): Promise<CityCalendar> =>
      unwrap(api.GET('/api/v1/public/calendar', { params: { query: { month, ...filters } } })),
    placeholderData: keepPreviousData,
  });
}

/** Every agency, for names on cards and the agency and district filters; they change rarely. */
export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: async (): Promise<Agency[]> => {
      const agencies: Agency[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/api/v1/agencies', { params: { query: { limit: 100, cursor } } }));
        agencies.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return agencies;
    },
    staleTime: 10 * 60_000,
  });
}

/** The agency's name, or its code while names load or when it is unknown. */
export function agencyName(agencies: Agency[] | undefined, agencyId: string): string {
  return agencies?.find((agency) => agency.id === agencyId)?.name ?? agencyId;
}
