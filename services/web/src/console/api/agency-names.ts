import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { agencyNamer } from './agency-namer';
import { allPages } from './all-pages';
import { consoleApi, unwrap } from './console-client';

/**
 * The agencies directory as names (public to read, so every role may): the header and the lists
 * name an agency as people know it, not by its code. Read once per session and kept.
 */
export function useAgencyNames(): (agencyId: string | null | undefined) => string {
  const directory = useQuery({
    queryKey: ['console', 'agencies'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/agencies', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } })))).items,
    staleTime: 30 * 60_000,
  });
  return useMemo(() => agencyNamer(directory.data ?? []), [directory.data]);
}
