import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from './states';

/** A query's three plain states (loading, a problem in words with a retry, nothing found) and otherwise its content. */
export function QueryStates<T>({ query, isEmpty, emptyTitle, children }: { query: UseQueryResult<T>; isEmpty: (data: T) => boolean; emptyTitle: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <ConsoleLoading />;
  if (query.isError) return <ConsoleError error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty(query.data)) return <ConsoleEmpty title={emptyTitle} />;
  return <>{children(query.data)}</>;
}
