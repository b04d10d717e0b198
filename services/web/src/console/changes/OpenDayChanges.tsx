import { Alert, Button, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../time/shanghai';
import { ConsoleError } from '../shell/states';
import type { Plan } from '../plans/plan-form';
import { changeToCorrect, type ChangeStatus } from './change-history';
import { ChangeLines } from './ChangeLines';
import { useOpenDayChanges, type OpenDayChange } from './use-changes';
import '../plans/plans.css';
import './changes.css';

/** The plan statuses' colours (dark enough text on each, AA) for the change's like statuses. */
const STATUS_CLASS: Record<ChangeStatus, string> = { submitted: 'plans-status-submitted', returned: 'plans-status-returned', applied: 'plans-status-published' };

/** A change's status as a tag, in the page's words. */
export function ChangeStatusTag({ status }: { status: ChangeStatus }) {
  const { t } = useTranslation();
  return <Tag className={`plans-status ${STATUS_CLASS[status]}`}>{t(`console.changes.statuses.${status}`)}</Tag>;
}

/**
 * The plan page's part on the open day's filed changes (none: nothing shown): each with its
 * status, the change in words, the reason and the city office's comments. `justFiled`: the
 * status of a change filed a moment ago, said while it is still the newest in that status.
 */
export function OpenDayChanges({ plan, justFiled }: { plan: Plan; justFiled?: ChangeStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changes = useOpenDayChanges(plan.id);
  if (changes.isPending || (changes.isSuccess && changes.data.length === 0)) return null;
  const toCorrect = changes.data ? changeToCorrect(changes.data) : undefined;
  const filed = justFiled !== undefined && changes.data?.[0]?.status === justFiled;
  return (
    <section aria-labelledby="plan-changes">
      <Typography.Title level={2} id="plan-changes" className="console-section-title">
        {t('console.changes.history.title')}
      </Typography.Title>
      {filed && (
        <Alert type="success" showIcon role="status" style={{ marginBottom: '0.75rem' }} title={t(justFiled === 'applied' ? 'console.changes.form.applied' : 'console.changes.form.filed')} />
      )}
      {changes.isError ? (
        <ConsoleError error={changes.error} onRetry={() => void changes.refetch()} />
      ) : (
        <ol className="plans-plain-list" style={{ display: 'flex', flexDirection: 'column', gap: '0.75rem', listStyle: 'none', paddingInlineStart: 0 }}>
          {changes.data.map((change) => (
            <li key={change.id}>
              <ChangeEntry
                change={change}
                action={
                  change.id === toCorrect?.id && plan.status === 'published' ? (
                    <Button type="primary" onClick={() => navigate(`/console/plans/${plan.id}/change?correct=${change.id}`)}>
                      {t('console.changes.history.correct')}
                    </Button>
                  ) : undefined
                }
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One filed change: status, dates, the change in words, the reason, the people named to leave, the city office's comments. */
export function ChangeEntry({ change, action }: { change: OpenDayChange; action?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div className="changes-entry" data-testid="open-day-change">
      <div className="changes-entry-head">
        <ChangeStatusTag status={change.status} />
        <Typography.Text type="secondary">
          {t('console.changes.history.filedAt', { at: formatDateTime(change.submittedAt, language) })}
          {change.decidedAt ? ` · ${t(change.status === 'returned' ? 'console.changes.history.returnedAt' : 'console.changes.history.appliedAt', { at: formatDateTime(change.decidedAt, language) })}` : ''}
          {change.review === 'not-required' ? ` · ${t('console.changes.history.noReview')}` : ''}
        </Typography.Text>
      </div>
      <ChangeLines before={change.before} after={change.after} />
      <div>{t('console.changes.history.reason', { reason: change.reason })}</div>
      {change.releasedTicketIds.length > 0 && <div>{t('console.changes.history.released', { count: change.releasedTicketIds.length })}</div>}
      {change.comments && (
        <div className={change.status === 'returned' ? 'plans-history-comments' : undefined}>
          <Typography.Text strong={change.status === 'returned'}>{t('console.changes.history.comments', { comments: change.comments })}</Typography.Text>
        </div>
      )}
      {action && <div style={{ marginTop: '0.5rem' }}>{action}</div>}
    </div>
  );
}
