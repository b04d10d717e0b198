import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLayout } from '../ui/PageLayout';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('notFound.title')}>
      <div className="state">
        <p className="state-title">{t('notFound.body')}</p>
        <Link className="button-link" to="/">
          {t('notFound.home')}
        </Link>
      </div>
    </PageLayout>
  );
}
