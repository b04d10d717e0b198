import { useQuery } from '@tanstack/react-query';
import { consoleApi, unwrap } from '../api/console-client';

/** The city office's district list (with the deactivated ones, so a plan's old choice keeps its name), read once per visit. */
export function useDistricts() {
  return useQuery({
    queryKey: ['console', 'districts', 'all'],
    queryFn: async () => (await unwrap(consoleApi.GET('/api/v1/districts', { params: { query: { includeInactive: true } } }))).items,
    staleTime: 10 * 60_000,
  });
}
