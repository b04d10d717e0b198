import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorState } from '../ui/ErrorState';
import { PageLayout } from '../ui/PageLayout';
import { NotFoundPage } from './NotFoundPage';

/** The router's error boundary: a page that failed to render or load says so in words. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
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
