import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Input, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime, shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { useAgencyNames } from '../api/agency-names';
import { allPages } from '../api/all-pages';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { ChangeQueue } from '../changes/ChangeQueue';
import { CHANGE_QUEUE_KEY, changesToReview } from '../changes/use-changes';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { daysUntil } from '../todo/todo-items';
import { COMMENT_MAX, decisionBody, filingQueue, planFromQuery, type CommentProblem, type Decision } from './filing-queue';

type Plan = components['schemas']['PlanDto'];

const QUEUE_KEY = ['console', 'plans', 'filing-queue'] as const;

/** The city office's filing queue: submitted plans, each opened to read it whole and approve or return it. */
export default function FilingPage() {
  const { t, i18n } = useTranslation();
  const agencyName = useAgencyNames();
  const today = shanghaiDate(useNow(60_000));
  const queue = useQuery({
    queryKey: QUEUE_KEY,
    queryFn: async () =>
      filingQueue(
        (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/plans', { params: { query: { status: 'submitted', limit: 100, ...(cursor ? { cursor } : {}) } } })))).items,
      ),
  });
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'changes' ? 'changes' : 'plans';
  const openId = planFromQuery(params.get('plan'));
  const open = (id: string | null) => setParams(id ? { plan: id } : {}, { replace: true });
  const changes = useQuery({ queryKey: CHANGE_QUEUE_KEY, queryFn: changesToReview });
  const [done, setDone] = useState<string | null>(null);
  const chosen = queue.data?.find((plan) => plan.id === openId);

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.filing.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.filing.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'changes' ? { tab: key } : {}, { replace: true })}
        items={[
          {
            key: 'plans',
            label: t('console.changes.queue.plansTab', { count: queue.data?.length ?? 0 }),
            children: (
              <>
                {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} style={{ marginBottom: '1rem' }} role="status" />}
                {queue.isPending ? (
                  <ConsoleLoading />
                ) : queue.isError ? (
                  <ConsoleError error={queue.error} onRetry={() => void queue.refetch()} />
                ) : queue.data.length === 0 ? (
                  <ConsoleEmpty title={t('console.filing.empty')} />
                ) : (
                  <Table<Plan>
                    rowKey="id"
                    dataSource={queue.data}
                    pagination={queue.data.length > 20 ? { pageSize: 20 } : false}
                    columns={[
                      { title: t('console.filing.columns.agency'), key: 'agency', render: (_v, plan) => agencyName(plan.agencyId) },
                      {
                        title: t('console.filing.columns.title'),
                        key: 'title',
                        render: (_v, plan) => (
                          <Button type="link" onClick={() => open(plan.id)} style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}>
                            {plan.title}
                          </Button>
                        ),
                      },
                      { title: t('console.filing.columns.eventDate'), key: 'event', render: (_v, plan) => formatDate(plan.firstSessionDate, i18n.language) },
                      {
                        title: t('console.filing.columns.deadline'),
                        key: 'deadline',
                        render: (_v, plan) => {
                          if (!plan.lastOnTimeFilingDate) return t('console.filing.noDeadline');
                          const days = daysUntil(plan.lastOnTimeFilingDate, today);
                          return (
                            <Space size="small" wrap>
                              <span>{formatDate(plan.lastOnTimeFilingDate, i18n.language)}</span>
                              {days < 0 && <Tag className="console-tag-overdue">{t('console.filing.pastDeadline')}</Tag>}
                            </Space>
                          );
                        },
                      },
                      { title: t('console.filing.columns.submittedAt'), key: 'submitted', render: (_v, plan) => formatDateTime(plan.updatedAt, i18n.language) },
                    ]}
                  />
                )}
              </>
            ),
          },
          { key: 'changes', label: t('console.changes.queue.tab', { count: changes.data?.length ?? 0 }), children: <ChangeQueue /> },
        ]}
      />
      <Drawer
        open={openId !== null}
        onClose={() => open(null)}
        size="large"
        title={chosen?.title ?? t('console.filing.detailTitle')}
        destroyOnHidden
      >
        {openId && !queue.isPending && !chosen ? (
          <ConsoleEmpty title={t('console.filing.notInQueue')} />
        ) : chosen ? (
          <PlanDetail
            plan={chosen}
            onDecided={(decision) => {
              setDone(t(`console.filing.decided.${decision}`, { title: chosen.title }));
              open(null);
            }}
          />
        ) : null}
      </Drawer>
    </>
  );
}

function PlanDetail({ plan, onDecided }: { plan: Plan; onDecided: (decision: Decision) => void }) {
  const { t, i18n } = useTranslation();
  const agencyName = useAgencyNames();
  const language = i18n.language;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('console.filing.columns.agency')}>{agencyName(plan.agencyId)}</Descriptions.Item>
        <Descriptions.Item label={t('console.filing.theme')}>{plan.theme}</Descriptions.Item>
        <Descriptions.Item label={t('console.filing.columns.deadline')}>
          {plan.lastOnTimeFilingDate ? formatDate(plan.lastOnTimeFilingDate, language) : t('console.filing.noDeadline')}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.filing.window')}>
          {t('console.filing.windowValue', { opens: formatDateTime(plan.registrationOpensAt, language), closes: formatDateTime(plan.registrationClosesAt, language) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.filing.publishAt')}>{formatDateTime(plan.publishAt, language)}</Descriptions.Item>
        <Descriptions.Item label={t('console.filing.selectionMode')}>{t(`console.filing.modes.${plan.selectionMode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('console.filing.places')}>
          {t('console.filing.placesValue', { total: plan.totalPlaces, share: Math.round(plan.minOrdinaryShare * 100) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.filing.quotas')}>
          {plan.quotas.length === 0
            ? t('console.filing.none')
            : plan.quotas.map((quota) => t('console.filing.quotaValue', { category: t(`console.filing.categories.${quota.category}`), places: quota.places })).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.filing.venues')}>
          {plan.venues.length === 0 ? t('console.filing.none') : plan.venues.map((venue) => `${venue.name}（${venue.address}）`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.filing.assembly')}>{plan.assemblyPoint || t('console.filing.none')}</Descriptions.Item>
        <Descriptions.Item label={t('console.filing.transport')}>{plan.transport || t('console.filing.none')}</Descriptions.Item>
        <Descriptions.Item label={t('console.filing.submissions')}>{plan.submissions}</Descriptions.Item>
      </Descriptions>

      <section aria-labelledby="filing-sessions">
        <Typography.Title level={2} id="filing-sessions" className="console-section-title">
          {t('console.filing.sessions')}
        </Typography.Title>
        {plan.sessions.map((session) => (
          <div key={session.id} style={{ marginBottom: '0.75rem' }}>
            <Typography.Text strong>
              {t('console.filing.sessionValue', { date: formatDate(session.date, language), from: session.startsAt, to: session.endsAt, capacity: session.capacity })}
            </Typography.Text>
            {session.agenda.length > 0 && (
              <ul style={{ margin: '0.25rem 0 0', paddingInlineStart: '1.25rem' }}>
                {session.agenda.map((item, index) => (
                  <li key={index}>
                    {item.startsAt}–{item.endsAt} {item.activity}
                    {item.venue ? `（${item.venue}）` : ''}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="filing-notices">
        <Typography.Title level={2} id="filing-notices" className="console-section-title">
          {t('console.filing.notices')}
        </Typography.Title>
        {plan.notices.length === 0 ? (
          <Typography.Text type="secondary">{t('console.filing.none')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {plan.notices.map((notice, index) => (
              <li key={index}>{notice}</li>
            ))}
          </ul>
        )}
      </section>

      <PlanHistory planId={plan.id} />
      <DecisionForm plan={plan} onDecided={onDecided} />
    </Space>
  );
}

function PlanHistory({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const agencyName = useAgencyNames();
  const history = useQuery({
    queryKey: ['console', 'plans', planId, 'history'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/plans/{id}/history', { params: { path: { id: planId } } })),
  });
  return (
    <section aria-labelledby="filing-history">
      <Typography.Title level={2} id="filing-history" className="console-section-title">
        {t('console.filing.history')}
      </Typography.Title>
      {history.isPending ? (
        <ConsoleLoading />
      ) : history.isError ? (
        <ConsoleError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <ConsoleEmpty title={t('console.filing.noHistory')} />
      ) : (
        <Timeline
          items={history.data.map((entry, index) => ({
            key: index,
            content: (
              <>
                <div>
                  <Typography.Text strong>{t(`console.filing.actions.${entry.action}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatDateTime(entry.at, i18n.language)} · {entry.actor ? t(`console.roles.${entry.actor.role}`) : t('console.filing.platform')}
                    {entry.actor?.agencyId ? `（${agencyName(entry.actor.agencyId)}）` : ''}
                  </Typography.Text>
                </div>
                {entry.comments && <div>{t('console.filing.commentsValue', { comments: entry.comments })}</div>}
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}

function DecisionForm({ plan, onDecided }: { plan: Plan; onDecided: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<CommentProblem | null>(null);
  const decide = useMutation({
    mutationFn: ({ decision, body }: { decision: Decision; body: { comments?: string } }) =>
      decision === 'approve'
        ? unwrap(consoleApi.POST('/api/v1/plans/{id}/approve', { params: { path: { id: plan.id } }, body }))
        : unwrap(consoleApi.POST('/api/v1/plans/{id}/return', { params: { path: { id: plan.id } }, body: { comments: body.comments ?? '' } })),
    onSuccess: async (_plan, { decision }) => {
      await client.invalidateQueries({ queryKey: ['console', 'plans'] });
      onDecided(decision);
    },
    onError: () => void client.invalidateQueries({ queryKey: ['console', 'plans'] }),
  });
  const submit = (decision: Decision) => {
    const checked = decisionBody(decision, comments);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    decide.mutate({ decision, body: checked.body });
  };
  return (
    <section aria-labelledby="filing-decision">
      <Typography.Title level={2} id="filing-decision" className="console-section-title">
        {t('console.filing.decision')}
      </Typography.Title>
      <label htmlFor="filing-comments" className="console-label">
        {t('console.filing.comments')}
      </label>
      <Typography.Paragraph type="secondary" id="filing-comments-hint" style={{ marginBottom: '0.25rem' }}>
        {t('console.filing.commentsHint')}
      </Typography.Paragraph>
      <Input.TextArea
        id="filing-comments"
        rows={4}
        value={comments}
        maxLength={COMMENT_MAX}
        aria-describedby={problem ? 'filing-comments-hint filing-comments-problem' : 'filing-comments-hint'}
        aria-invalid={problem !== null}
        status={problem ? 'error' : undefined}
        onChange={(event) => {
          setComments(event.target.value);
          setProblem(null);
        }}
      />
      {problem && (
        <Typography.Text type="danger" id="filing-comments-problem" role="alert">
          {t(`console.filing.commentProblem.${problem}`)}
        </Typography.Text>
      )}
      {decide.isError && (
        <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(decide.error), t)} style={{ marginTop: '0.75rem' }} />
      )}
      <Space style={{ marginTop: '0.75rem' }} wrap>
        <Button type="primary" loading={decide.isPending && decide.variables?.decision === 'approve'} disabled={decide.isPending} onClick={() => submit('approve')}>
          {t('console.filing.approve')}
        </Button>
        <Button danger loading={decide.isPending && decide.variables?.decision === 'return'} disabled={decide.isPending} onClick={() => submit('return')}>
          {t('console.filing.return')}
        </Button>
      </Space>
    </section>
  );
}
