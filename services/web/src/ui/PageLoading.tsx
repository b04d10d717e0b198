import { useTranslation } from 'react-i18next';
import { LoadingState } from './LoadingState';

/** While a page's code loads: still a main region with a heading, so assistive technology finds its way. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <main id="main" className="page-main">
      <h1 className="visually-hidden">{t('common.loading')}</h1>
      <LoadingState />
    </main>
  );
}
