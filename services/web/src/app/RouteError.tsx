import { useEffect, useState } from 'react';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { PageLayout } from '../ui/PageLayout';
import { NotFoundPage } from './NotFoundPage';
import { isChunkLoadError, shouldReloadForStaleBuild } from './stale-build';

const RELOADED_AT = 'openday.reloadedForStaleBuild';

/** The router's error boundary: a page that failed to render or load says so in words. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const reloading = useReloadForStaleBuild(error);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (reloading) return <LoadingState />;
  return (
    <PageLayout title={t('errorPage.title')}>
      {error instanceof ApiError ? (
        <ErrorState error={error} />
      ) : (
        <div className="state" role="alert">
          <p className="state-title">{t('errorPage.body')}</p>
        </div>
      )}
      <div className="state">
        <Button color="primary" onClick={() => window.location.reload()}>
          {t('errorPage.reload')}
        </Button>
      </div>
    </PageLayout>
  );
}

/** A page chunk of an older build is gone: load the page again (once a minute at most). */
function useReloadForStaleBuild(error: unknown): boolean {
  // Decided once, when the error page appears.
  const [reload] = useState(() => shouldReloadForStaleBuild(error, lastReloadAt(), Date.now()));
  useEffect(() => {
    if (reload) {
      sessionStorage.setItem(RELOADED_AT, String(Date.now()));
      window.location.reload();
    } else if (!isChunkLoadError(error)) {
      // The words on the page say nothing technical; the console keeps what happened for whoever debugs it.
      // eslint-disable-next-line no-console
      console.error(error);
    }
  }, [reload, error]);
  return reload;
}

function lastReloadAt(): number | null {
  const stored = Number(sessionStorage.getItem(RELOADED_AT));
  return Number.isFinite(stored) && stored > 0 ? stored : null;
}
