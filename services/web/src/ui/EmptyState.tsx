import type { ReactNode } from 'react';
import { FileOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';

export function EmptyState({ title, hint, action }: { title?: string; hint?: string; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="state" role="status">
      <FileOutline className="state-icon" aria-hidden />
      <p className="state-title">{title ?? t('common.empty')}</p>
      {hint && <p>{hint}</p>}
      {action}
    </div>
  );
}
