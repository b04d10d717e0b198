import { Alert, Button, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../api/console-client';

/** What went wrong, in words, with a way to try again. */
export function ConsoleError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problemMessage(problemOf(error), t)}
      action={onRetry ? <Button onClick={onRetry}>{t('console.common.retry')}</Button> : undefined}
    />
  );
}

export function ConsoleLoading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="console-state" role="status" aria-live="polite">
      <Spin />
      <span>{label ?? t('console.common.loading')}</span>
    </div>
  );
}

export function ConsoleEmpty({ title }: { title: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={title} />;
}
