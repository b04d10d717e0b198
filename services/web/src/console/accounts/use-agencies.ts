import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { components } from '../../api/schema';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';

export type Agency = components['schemas']['AgencyDto'];

/** The agencies directory key: every console page that names agencies shares one copy. */
export const AGENCIES_KEY = ['console', 'agencies'] as const;

/** Every agency by name (the directory is public to read), for pickers and for naming an agency code. */
export function useAgencies(): { list: Agency[]; nameOf: (agencyId: string | null | undefined) => string; pending: boolean } {
  const directory = useQuery({
    queryKey: AGENCIES_KEY,
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/agencies', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } })))).items,
    staleTime: 30 * 60_000,
  });
  return useMemo(() => {
    const list = [...(directory.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const names = new Map(list.map((agency) => [agency.id, agency.name]));
    return { list, nameOf: (agencyId) => (agencyId ? (names.get(agencyId) ?? agencyId) : ''), pending: directory.isPending };
  }, [directory.data, directory.isPending]);
}
