import { DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** A loading placeholder that screen readers announce. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state" role="status" aria-live="polite">
      <DotLoading color="primary" />
      <p>{label ?? t('common.loading')}</p>
    </div>
  );
}
