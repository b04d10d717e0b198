import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatDateTime, shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { allPages } from '../api/all-pages';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { planFromQuery as idFromQuery } from '../filing/filing-queue';
import { ANSWER_MAX, answerBody, inboxRows, OUTCOMES, PASSED_TO_MAX, type AnswerBody, type AnswerForm, type AnswerProblems, type InboxRow } from './answer-inbox';

/** The department handler's inbox: assigned opinions by due date, overdue marked, each answered with one of four outcomes. */
export default function DepartmentFeedbackPage() {
  const { t, i18n } = useTranslation();
  const today = shanghaiDate(useNow(60_000));
  const feedback = useQuery({
    queryKey: ['console', 'department-feedback'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/department/feedback', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })))).items,
  });
  const rows = useMemo(() => inboxRows(feedback.data ?? [], today), [feedback.data, today]);
  const [params, setParams] = useSearchParams();
  const openId = idFromQuery(params.get('item'));
  const open = (id: string | null) => setParams(id ? { item: id } : {}, { replace: true });
  const chosen = rows.find((row) => row.item.id === openId);
  const [done, setDone] = useState<string | null>(null);

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.deptFeedback.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.deptFeedback.intro')}</Typography.Paragraph>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} style={{ marginBottom: '1rem' }} role="status" />}
      {feedback.isPending ? (
        <ConsoleLoading />
      ) : feedback.isError ? (
        <ConsoleError error={feedback.error} onRetry={() => void feedback.refetch()} />
      ) : rows.length === 0 ? (
        <ConsoleEmpty title={t('console.deptFeedback.empty')} />
      ) : (
        <Table<InboxRow>
          rowKey={(row) => row.item.id}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          columns={[
            {
              title: t('console.deptFeedback.columns.opinion'),
              key: 'opinion',
              render: (_v, row) => (
                <>
                  <Tag>{t(`console.deptFeedback.topics.${row.item.topic}`)}</Tag>
                  <span>{row.item.text.length > 80 ? `${row.item.text.slice(0, 80)}…` : row.item.text}</span>
                </>
              ),
            },
            { title: t('console.deptFeedback.columns.openDay'), key: 'openDay', render: (_v, row) => row.item.openDayTitle ?? row.item.openDayId },
            {
              title: t('console.deptFeedback.columns.due'),
              key: 'due',
              className: 'console-todo-due',
              render: (_v, row) => (
                <Space size="small" wrap>
                  <span>{row.item.dueDate ? formatDate(row.item.dueDate, i18n.language) : t('console.deptFeedback.noDue')}</span>
                  {row.overdue && <Tag className="console-tag-overdue">{t('console.deptFeedback.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('console.deptFeedback.columns.status'),
              key: 'status',
              render: (_v, row) => (row.open ? t('console.deptFeedback.status.open') : t(`console.deptFeedback.outcomes.${row.item.answer?.outcome ?? 'solved'}.label`)),
            },
            {
              title: t('console.deptFeedback.columns.action'),
              key: 'action',
              render: (_v, row) => (
                <Button type={row.open ? 'primary' : 'default'} onClick={() => open(row.item.id)}>
                  {row.open ? t('console.deptFeedback.answerAction') : t('console.deptFeedback.viewAction')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Drawer open={openId !== null} onClose={() => open(null)} size="large" title={t('console.deptFeedback.detailTitle')} destroyOnHidden>
        {openId && !feedback.isPending && !chosen ? (
          <ConsoleEmpty title={t('console.deptFeedback.notFound')} />
        ) : chosen ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('console.deptFeedback.columns.opinion')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{chosen.item.text}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('console.deptFeedback.topic')}>{t(`console.deptFeedback.topics.${chosen.item.topic}`)}</Descriptions.Item>
              <Descriptions.Item label={t('console.deptFeedback.columns.openDay')}>{chosen.item.openDayTitle ?? chosen.item.openDayId}</Descriptions.Item>
              <Descriptions.Item label={t('console.deptFeedback.submittedAt')}>{formatDateTime(chosen.item.submittedAt, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t('console.deptFeedback.columns.due')}>
                {chosen.item.dueDate ? formatDate(chosen.item.dueDate, i18n.language) : t('console.deptFeedback.noDue')}
                {chosen.overdue && (
                  <Tag className="console-tag-overdue" style={{ marginInlineStart: '0.5rem' }}>
                    {t('console.deptFeedback.overdue')}
                  </Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
            {chosen.open ? (
              <AnswerFormView
                feedbackId={chosen.item.id}
                today={today}
                onAnswered={() => {
                  setDone(t('console.deptFeedback.answered'));
                  open(null);
                }}
              />
            ) : chosen.item.answer ? (
              <Descriptions column={1} size="small" bordered title={t('console.deptFeedback.theAnswer')}>
                <Descriptions.Item label={t('console.deptFeedback.outcome')}>{t(`console.deptFeedback.outcomes.${chosen.item.answer.outcome}.label`)}</Descriptions.Item>
                <Descriptions.Item label={t('console.deptFeedback.answerText')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{chosen.item.answer.answer}</span>
                </Descriptions.Item>
                {chosen.item.answer.promisedBy && (
                  <Descriptions.Item label={t('console.deptFeedback.promisedBy')}>{formatDate(chosen.item.answer.promisedBy, i18n.language)}</Descriptions.Item>
                )}
                {chosen.item.answer.passedTo && <Descriptions.Item label={t('console.deptFeedback.passedTo')}>{chosen.item.answer.passedTo}</Descriptions.Item>}
                <Descriptions.Item label={t('console.deptFeedback.answeredAt')}>{formatDateTime(chosen.item.answer.answeredAt, i18n.language)}</Descriptions.Item>
              </Descriptions>
            ) : null}
          </Space>
        ) : null}
      </Drawer>
    </>
  );
}

const EMPTY_FORM: AnswerForm = { outcome: null, answer: '', promisedBy: '', passedTo: '' };

function AnswerFormView({ feedbackId, today, onAnswered }: { feedbackId: string; today: string; onAnswered: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<AnswerForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<AnswerProblems>({});
  const send = useMutation({
    mutationFn: (body: AnswerBody) =>
      unwrap(consoleApi.POST('/api/v1/feedback/{feedbackId}/answer', { params: { path: { feedbackId } }, body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['console', 'department-feedback'] });
      onAnswered();
    },
    onError: () => void client.invalidateQueries({ queryKey: ['console', 'department-feedback'] }),
  });
  const change = (patch: Partial<AnswerForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblems({});
  };
  const problemText = (field: keyof AnswerProblems) =>
    problems[field] ? (
      <Typography.Text type="danger" id={`answer-${field}-problem`} role="alert" className="console-field-error">
        {t(`console.deptFeedback.problems.${field}.${problems[field]}`)}
      </Typography.Text>
    ) : null;

  return (
    <form
      noValidate
      aria-labelledby="answer-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = answerBody(form, today);
        if (!checked.ok) {
          setProblems(checked.problems);
          return;
        }
        send.mutate(checked.body);
      }}
    >
      <Typography.Title level={2} id="answer-form-title" className="console-section-title">
        {t('console.deptFeedback.formTitle')}
      </Typography.Title>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 1rem' }} aria-describedby={problems.outcome ? 'answer-outcome-problem' : undefined}>
        <legend className="console-label">{t('console.deptFeedback.outcome')}</legend>
        <Radio.Group value={form.outcome} onChange={(event) => change({ outcome: event.target.value as AnswerForm['outcome'] })}>
          <Space orientation="vertical">
            {OUTCOMES.map((outcome) => (
              <Radio key={outcome} value={outcome}>
                <strong>{t(`console.deptFeedback.outcomes.${outcome}.label`)}</strong>
                <span className="console-hint" style={{ display: 'block', margin: 0 }}>
                  {t(`console.deptFeedback.outcomes.${outcome}.explain`)}
                </span>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {problemText('outcome')}
      </fieldset>
      {form.outcome === 'will-be-solved' && (
        <div style={{ marginBottom: '1rem' }}>
          <label htmlFor="answer-promised-by" className="console-label">
            {t('console.deptFeedback.promisedBy')}
          </label>
          <Input
            id="answer-promised-by"
            type="date"
            min={today}
            value={form.promisedBy}
            aria-invalid={problems.promisedBy !== undefined}
            aria-describedby={problems.promisedBy ? 'answer-promisedBy-problem' : undefined}
            status={problems.promisedBy ? 'error' : undefined}
            onChange={(event) => change({ promisedBy: event.target.value })}
            style={{ maxWidth: '14rem', display: 'block' }}
          />
          {problemText('promisedBy')}
        </div>
      )}
      {form.outcome === 'not-our-remit' && (
        <div style={{ marginBottom: '1rem' }}>
          <label htmlFor="answer-passed-to" className="console-label">
            {t('console.deptFeedback.passedTo')}
          </label>
          <Input
            id="answer-passed-to"
            value={form.passedTo}
            maxLength={PASSED_TO_MAX}
            aria-invalid={problems.passedTo !== undefined}
            aria-describedby={problems.passedTo ? 'answer-passedTo-problem' : undefined}
            status={problems.passedTo ? 'error' : undefined}
            onChange={(event) => change({ passedTo: event.target.value })}
          />
          {problemText('passedTo')}
        </div>
      )}
      <div style={{ marginBottom: '1rem' }}>
        <label htmlFor="answer-text" className="console-label">
          {t('console.deptFeedback.answerText')}
        </label>
        <Input.TextArea
          id="answer-text"
          rows={5}
          value={form.answer}
          maxLength={ANSWER_MAX}
          aria-invalid={problems.answer !== undefined}
          aria-describedby={problems.answer ? 'answer-answer-problem' : undefined}
          status={problems.answer ? 'error' : undefined}
          onChange={(event) => change({ answer: event.target.value })}
        />
        {problemText('answer')}
      </div>
      {send.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(send.error), t)} style={{ marginBottom: '1rem' }} />}
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        {t('console.deptFeedback.send')}
      </Button>
    </form>
  );
}
