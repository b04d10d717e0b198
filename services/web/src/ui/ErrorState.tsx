import { Button } from 'antd-mobile';
import { ExclamationCircleOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf, type Problem } from '../api/client';

/** What went wrong in words, with a way to try again; takes what a query threw or a problem. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem: Problem = isProblemLike(error) ? error : problemOf(error);
  return (
    <div className="state state-error" role="alert">
      <ExclamationCircleOutline className="state-icon" aria-hidden />
      <p className="state-title">{problemMessage(problem, t)}</p>
      {onRetry && (
        <Button color="primary" fill="outline" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}

function isProblemLike(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value && !(value instanceof Error);
}
