import { useEffect, useRef } from 'react';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../time/useNow';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { agencyName, useAgencies, usePublicOpenDays } from '../queries';
import { apiQueryFromFilters, type ListFilters } from './filters';
import { OpenDayCard } from './OpenDayCard';

export function OpenDayResults({ filters, onClear }: { filters: ListFilters; onClear: () => void }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const agencies = useAgencies();
  const openDays = usePublicOpenDays(apiQueryFromFilters(filters));
  if (openDays.isPending) return <LoadingState />;
  if (openDays.isError) return <ErrorState error={openDays.error} onRetry={() => void openDays.refetch()} />;
  const items = openDays.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('list.empty')}
        hint={t('list.emptyHint')}
        action={
          <Button color="primary" fill="outline" onClick={onClear}>
            {t('list.clearFilters')}
          </Button>
        }
      />
    );
  }
  return (
    <section aria-label={t('list.results')} aria-busy={openDays.isFetching}>
      <ul className="card-list">
        {items.map((openDay) => (
          <OpenDayCard key={openDay.id} openDay={openDay} agency={agencyName(agencies.data, openDay.agencyId)} now={now} />
        ))}
      </ul>
      <MorePages
        hasMore={openDays.hasNextPage}
        loading={openDays.isFetchingNextPage}
        failed={openDays.isFetchNextPageError}
        onMore={() => void openDays.fetchNextPage()}
      />
    </section>
  );
}

/** Loads the next page as the reader nears the end, with a button for keyboards and when that fails. */
function MorePages({ hasMore, loading, failed, onMore }: { hasMore: boolean; loading: boolean; failed: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || loading || failed || !('IntersectionObserver' in window)) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && onMore(), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading, failed, onMore]);
  if (!hasMore) return <p className="list-end muted">{t('list.noMore')}</p>;
  return (
    <div ref={sentinel} className="list-end">
      <Button block fill="outline" color="primary" loading={loading} onClick={onMore}>
        {t('list.loadMore')}
      </Button>
    </div>
  );
}
