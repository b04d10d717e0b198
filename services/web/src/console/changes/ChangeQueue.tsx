import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../time/shanghai';
import { useAgencyNames } from '../api/agency-names';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { COMMENT_MAX, decisionBody, type CommentProblem, type Decision } from '../filing/filing-queue';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { eventDateOf } from '../plans/plan-form';
import { ChangeEntry } from './OpenDayChanges';
import { CHANGE_QUEUE_KEY, changesToReview, type OpenDayChange } from './use-changes';
import '../plans/plans.css';
import './changes.css';

/** The city office's queue of filed changes to published open days: each read in words, approved or returned. */
export function ChangeQueue() {
  const { t, i18n } = useTranslation();
  const agencyName = useAgencyNames();
  const queue = useQuery({ queryKey: CHANGE_QUEUE_KEY, queryFn: changesToReview });
  const [deciding, setDeciding] = useState<{ change: OpenDayChange; decision: Decision } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('console.changes.queue.intro')}
      </Typography.Paragraph>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} role="status" />}
      {queue.isPending ? (
        <ConsoleLoading />
      ) : queue.isError ? (
        <ConsoleError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <ConsoleEmpty title={t('console.changes.queue.empty')} />
      ) : (
        <ol aria-label={t('console.changes.queue.listLabel')} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '1rem' }}>
          {queue.data.map((change) => {
            const eventDate = eventDateOf(change.before.sessions);
            return (
              <li key={change.id} id={`change-${change.id}`} aria-labelledby={`change-title-${change.id}`}>
                <Typography.Title level={2} id={`change-title-${change.id}`} className="console-section-title" style={{ marginBottom: '0.25rem' }}>
                  {change.title}
                </Typography.Title>
                <Typography.Paragraph type="secondary" style={{ marginBottom: '0.5rem' }}>
                  {t('console.changes.queue.about', { agency: agencyName(change.agencyId), date: eventDate ? formatDate(eventDate, i18n.language) : '—' })}
                </Typography.Paragraph>
                <ChangeEntry
                  change={change}
                  action={
                    <Space wrap>
                      <Button type="primary" onClick={() => setDeciding({ change, decision: 'approve' })}>
                        {t('console.changes.queue.approve')}
                      </Button>
                      <Button danger onClick={() => setDeciding({ change, decision: 'return' })}>
                        {t('console.changes.queue.return')}
                      </Button>
                    </Space>
                  }
                />
              </li>
            );
          })}
        </ol>
      )}
      {deciding && (
        <DecisionDialog
          change={deciding.change}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDone(t(`console.changes.queue.decided.${deciding.decision}`, { title: deciding.change.title }));
            setDeciding(null);
          }}
        />
      )}
    </Space>
  );
}

/** Approving (comments optional) or returning (comments required) one change, confirmed in a dialog. */
function DecisionDialog({ change, decision, onClose, onDecided }: { change: OpenDayChange; decision: Decision; onClose: () => void; onDecided: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<CommentProblem | null>(null);
  const decide = useMutation({
    mutationFn: (body: { comments?: string }) =>
      decision === 'approve'
        ? unwrap(consoleApi.POST('/api/v1/open-day-changes/{changeId}/approve', { params: { path: { changeId: change.id } }, body }))
        : unwrap(consoleApi.POST('/api/v1/open-day-changes/{changeId}/return', { params: { path: { changeId: change.id } }, body: { comments: body.comments ?? '' } })),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['console', 'open-day-changes'] }), client.invalidateQueries({ queryKey: ['console', 'plans'] })]);
      onDecided();
    },
  });
  const send = () => {
    const checked = decisionBody(decision, comments);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    decide.mutate(checked.body);
  };
  const hintId = `change-comments-hint-${decision}`;
  return (
    <Modal
      open
      title={t(`console.changes.queue.${decision}Title`, { title: change.title })}
      okText={t(`console.changes.queue.${decision}`)}
      okButtonProps={{ danger: decision === 'return', loading: decide.isPending }}
      cancelText={t('console.changes.queue.back')}
      onOk={send}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(`console.changes.queue.${decision}Body`)}</Typography.Paragraph>
      <label htmlFor="change-comments" className="console-label">
        {t(decision === 'return' ? 'console.changes.queue.commentsRequired' : 'console.changes.queue.commentsOptional')}
      </label>
      <Typography.Paragraph type="secondary" id={hintId} style={{ marginBottom: '0.25rem' }}>
        {t(`console.changes.queue.${decision}Hint`)}
      </Typography.Paragraph>
      <Input.TextArea
        id="change-comments"
        rows={4}
        value={comments}
        maxLength={COMMENT_MAX}
        aria-required={decision === 'return'}
        aria-invalid={problem !== null}
        aria-describedby={hintId}
        status={problem ? 'error' : undefined}
        onChange={(event) => {
          setComments(event.target.value);
          setProblem(null);
        }}
      />
      {problem && (
        <Typography.Text type="danger" className="plans-danger-text" role="alert">
          {t(`console.changes.queue.problem.${problem}`)}
        </Typography.Text>
      )}
      {decide.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(decide.error), t)} style={{ marginTop: '0.75rem' }} />}
    </Modal>
  );
}
