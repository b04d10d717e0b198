import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { districtOptions } from '../../open-days/list/district-options';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';

/**
 * District code → name as the portal offers it (鼓楼区 for gulou, from the agencies directory);
 * a district the directory does not name is shown by its code.
 */
export function useDistrictNames(): (district: string) => string {
  const directory = useQuery({
    queryKey: ['console', 'selection', 'districts'],
    queryFn: async () =>
      districtOptions((await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/agencies', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } })))).items),
    staleTime: 30 * 60_000,
  });
  return useMemo(() => {
    const names = new Map((directory.data ?? []).map((option) => [option.value, option.label]));
    return (district: string) => names.get(district) ?? district;
  }, [directory.data]);
}
