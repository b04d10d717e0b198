import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime, shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { agencyNamer } from '../api/agency-namer';
import { allPages } from '../api/all-pages';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { FilterSelect } from '../shell/FilterSelect';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { ChosenOpenDayPage, useChosenOpenDay } from './OpenDayPicker';
import {
  assignmentBody,
  ATTACHMENT_MAX,
  departmentChoices,
  filtersFrom,
  knownProblem,
  recordBody,
  STATUSES,
  TEXT_MAX,
  TOPICS,
  triageQuery,
  triageRows,
  type AssignBody,
  type AssignForm,
  type AssignProblems,
  type Department,
  type RecordBody,
  type RecordForm,
  type RecordProblems,
  type TriageFilters,
  type TriageRow,
} from './triage';
import './feedback.css';

type FeedbackItem = components['schemas']['FeedbackItemDto'];

/** The agency's triage of an open day's opinions: filter, assign (交办) with a due date, see answers and ratings, record a forum's. */
export default function FeedbackTriagePage() {
  const { t, i18n } = useTranslation();
  const today = shanghaiDate(useNow(60_000));
  const picked = useChosenOpenDay();
  const { chosen, params, setParams } = picked;
  const filters = filtersFrom(params);
  const query = triageQuery(filters);
  const openDayId = chosen?.openDayId;
  const feedback = useQuery({
    queryKey: ['console', 'feedback', 'items', openDayId, query],
    enabled: openDayId !== undefined,
    queryFn: async () =>
      (
        await allPages((cursor) =>
          unwrap(consoleApi.GET('/api/v1/open-days/{id}/feedback', { params: { path: { id: openDayId! }, query: { ...query, limit: 100, ...(cursor ? { cursor } : {}) } } })),
        )
      ).items,
  });
  const directory = useQuery({
    queryKey: ['console', 'agencies'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/agencies', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } })))).items,
    staleTime: 30 * 60_000,
  });
  const departments = useMemo(() => departmentChoices(directory.data ?? [], i18n.language), [directory.data, i18n.language]);
  const nameOf = useMemo(() => agencyNamer(directory.data ?? []), [directory.data]);
  const rows = useMemo(() => triageRows(feedback.data ?? [], today), [feedback.data, today]);
  const openItemId = params.get('item');
  const chosenRow = rows.find((row) => row.item.id === openItemId);
  const [done, setDone] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  const filtered = filters.status !== null || filters.topic !== null || filters.overdueOnly;

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.feedback.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.feedback.intro')}</Typography.Paragraph>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} style={{ marginBottom: '1rem' }} role="status" />}
      <ChosenOpenDayPage picked={picked} size="middle" tools={(chosen) => (
        <Space wrap>
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('console.feedback.record.action')}
          </Button>
          <Link to={`/console/survey?openDay=${encodeURIComponent(chosen.openDayId)}`}>{t('console.feedback.toSurvey')}</Link>
        </Space>
        )}>
        <FiltersBar filters={filters} onChange={setParam} />
        {feedback.isPending ? (
          <ConsoleLoading />
        ) : feedback.isError ? (
          <ConsoleError error={feedback.error} onRetry={() => void feedback.refetch()} />
        ) : rows.length === 0 ? (
          <ConsoleEmpty title={t(filtered ? 'console.feedback.emptyFiltered' : 'console.feedback.empty')} />
        ) : (
          <TriageTable rows={rows} nameOf={nameOf} onOpen={(id) => setParam('item', id)} />
        )}
      </ChosenOpenDayPage>
      <Drawer open={openItemId !== null} onClose={() => setParam('item', null)} size="large" title={t('console.feedback.detailTitle')} destroyOnHidden>
        {openItemId && !feedback.isPending && !chosenRow ? (
          <ConsoleEmpty title={t('console.feedback.notFound')} />
        ) : chosenRow ? (
          <ItemDetail
            row={chosenRow}
            today={today}
            departments={departments}
            nameOf={nameOf}
            onAssigned={(item) => {
              setDone(t('console.feedback.assign.done', { department: nameOf(item.departmentId), date: item.dueDate ? formatDate(item.dueDate, i18n.language) : '' }));
              setParam('item', null);
            }}
          />
        ) : null}
      </Drawer>
      <Drawer open={recording} onClose={() => setRecording(false)} size="large" title={t('console.feedback.record.title')} destroyOnHidden>
        {chosen && (
          <RecordFormView
            openDayId={chosen.openDayId}
            onRecorded={() => {
              setRecording(false);
              setDone(t('console.feedback.record.done'));
            }}
          />
        )}
      </Drawer>
    </>
  );
}

function FiltersBar({ filters, onChange }: { filters: TriageFilters; onChange: (name: string, value: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="console-feedback-filters" role="group" aria-label={t('console.feedback.filters.label')}>
      <FilterSelect
        id="feedback-filter-status"
        label={t('console.feedback.filters.status')}
        allLabel={t('console.feedback.filters.all')}
        width="10rem"
        value={filters.status ?? ''}
        onChange={(value) => onChange('status', value || null)}
        choices={STATUSES.map((s) => ({ value: s, label: t(`console.feedback.status.${s}`) }))}
      />
      <FilterSelect
        id="feedback-filter-topic"
        label={t('console.feedback.filters.topic')}
        allLabel={t('console.feedback.filters.all')}
        width="10rem"
        value={filters.topic ?? ''}
        onChange={(value) => onChange('topic', value || null)}
        choices={TOPICS.map((topic) => ({ value: topic, label: t(`console.feedback.topics.${topic}`) }))}
      />
      <Checkbox checked={filters.overdueOnly} onChange={(event) => onChange('overdue', event.target.checked ? 'true' : null)}>
        {t('console.feedback.filters.overdueOnly')}
      </Checkbox>
    </div>
  );
}

function TriageTable({ rows, nameOf, onOpen }: { rows: TriageRow[]; nameOf: (id: string | null) => string; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<TriageRow>
      rowKey={(row) => row.item.id}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      columns={[
        {
          title: t('console.feedback.columns.opinion'),
          key: 'opinion',
          render: (_v, row) => (
            <>
              <Tag>{t(`console.feedback.topics.${row.item.topic}`)}</Tag>
              {row.item.source === 'recorded-by-staff' && <Tag>{t('console.feedback.sources.recorded-by-staff')}</Tag>}
              <span>{row.item.text.length > 80 ? `${row.item.text.slice(0, 80)}…` : row.item.text}</span>
            </>
          ),
        },
        { title: t('console.feedback.columns.submittedAt'), key: 'submittedAt', className: 'console-todo-due', render: (_v, row) => formatDateTime(row.item.submittedAt, i18n.language) },
        {
          title: t('console.feedback.columns.status'),
          key: 'status',
          className: 'console-todo-due',
          render: (_v, row) => (
            <Space size="small" wrap>
              <span>{t(`console.feedback.status.${row.item.status}`)}</span>
              {row.overdue && <Tag className="console-tag-overdue">{t('console.feedback.overdue')}</Tag>}
            </Space>
          ),
        },
        { title: t('console.feedback.columns.department'), key: 'department', render: (_v, row) => (row.item.departmentId ? nameOf(row.item.departmentId) : t('console.feedback.none')) },
        {
          title: t('console.feedback.columns.due'),
          key: 'due',
          className: 'console-todo-due',
          render: (_v, row) => (row.item.dueDate ? formatDate(row.item.dueDate, i18n.language) : t('console.feedback.none')),
        },
        {
          title: t('console.feedback.columns.answer'),
          key: 'answer',
          render: (_v, row) =>
            row.item.answer ? (
              <Space size="small" wrap>
                <span>{t(`console.feedback.outcomes.${row.item.answer.outcome}`)}</span>
                {row.item.rating !== null && <span>{t('console.feedback.answer.ratingShort', { n: row.item.rating })}</span>}
              </Space>
            ) : (
              t('console.feedback.none')
            ),
        },
        {
          title: t('console.feedback.columns.action'),
          key: 'action',
          render: (_v, row) => (
            <Button type={row.item.status === 'collected' ? 'primary' : 'default'} onClick={() => onOpen(row.item.id)}>
              {row.item.status === 'collected' ? t('console.feedback.assignAction') : t('console.feedback.viewAction')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function ItemDetail({
  row,
  today,
  departments,
  nameOf,
  onAssigned,
}: {
  row: TriageRow;
  today: string;
  departments: Department[];
  nameOf: (id: string | null) => string;
  onAssigned: (item: FeedbackItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const { item } = row;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('console.feedback.columns.opinion')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{item.text}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('console.feedback.topic')}>{t(`console.feedback.topics.${item.topic}`)}</Descriptions.Item>
        <Descriptions.Item label={t('console.feedback.source')}>{t(`console.feedback.sources.${item.source}`)}</Descriptions.Item>
        <Descriptions.Item label={t('console.feedback.columns.submittedAt')}>{formatDateTime(item.submittedAt, i18n.language)}</Descriptions.Item>
        {item.attachment && (
          <Descriptions.Item label={t('console.feedback.attachment')}>
            {/^https?:/.test(item.attachment) ? (
              <a href={item.attachment} target="_blank" rel="noreferrer noopener">
                {item.attachment}
              </a>
            ) : (
              item.attachment
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('console.feedback.columns.status')}>
          {t(`console.feedback.status.${item.status}`)}
          {row.overdue && (
            <Tag className="console-tag-overdue" style={{ marginInlineStart: '0.5rem' }}>
              {t('console.feedback.overdue')}
            </Tag>
          )}
        </Descriptions.Item>
        {item.departmentId && <Descriptions.Item label={t('console.feedback.columns.department')}>{nameOf(item.departmentId)}</Descriptions.Item>}
        {item.dueDate && <Descriptions.Item label={t('console.feedback.columns.due')}>{formatDate(item.dueDate, i18n.language)}</Descriptions.Item>}
        {item.assignedAt && <Descriptions.Item label={t('console.feedback.assignedAt')}>{formatDateTime(item.assignedAt, i18n.language)}</Descriptions.Item>}
        {item.chaseCount > 0 && <Descriptions.Item label={t('console.feedback.chases')}>{item.chaseCount}</Descriptions.Item>}
      </Descriptions>
      {item.answer ? (
        <Descriptions column={1} size="small" bordered title={t('console.feedback.answer.title')}>
          <Descriptions.Item label={t('console.feedback.answer.outcome')}>
            {t(`console.feedback.outcomes.${item.answer.outcome}`)}
            {item.answer.late && (
              <Tag className="console-tag-overdue" style={{ marginInlineStart: '0.5rem' }}>
                {t('console.feedback.answer.late')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('console.feedback.answer.text')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{item.answer.answer}</span>
          </Descriptions.Item>
          {item.answer.promisedBy && <Descriptions.Item label={t('console.feedback.answer.promisedBy')}>{formatDate(item.answer.promisedBy, i18n.language)}</Descriptions.Item>}
          {item.answer.passedTo && <Descriptions.Item label={t('console.feedback.answer.passedTo')}>{item.answer.passedTo}</Descriptions.Item>}
          <Descriptions.Item label={t('console.feedback.answer.answeredAt')}>{formatDateTime(item.answer.answeredAt, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('console.feedback.answer.rating')}>
            {item.rating !== null ? t('console.feedback.answer.ratingValue', { n: item.rating }) : t('console.feedback.answer.notRated')}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <AssignFormView item={item} today={today} departments={departments} onAssigned={onAssigned} />
      )}
    </Space>
  );
}

function AssignFormView({ item, today, departments, onAssigned }: { item: FeedbackItem; today: string; departments: Department[]; onAssigned: (item: FeedbackItem) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<AssignForm>({ departmentId: null, dueDate: '' });
  const [problems, setProblems] = useState<AssignProblems>({});
  const assign = useMutation({
    mutationFn: (body: AssignBody) => unwrap(consoleApi.POST('/api/v1/feedback/{feedbackId}/assignment', { params: { path: { feedbackId: item.id } }, body })),
    onSuccess: async (assigned) => {
      await client.invalidateQueries({ queryKey: ['console', 'feedback', 'items'] });
      onAssigned(assigned);
    },
    onError: () => void client.invalidateQueries({ queryKey: ['console', 'feedback', 'items'] }),
  });
  const change = (patch: Partial<AssignForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblems({});
  };
  const serverProblem = assign.isError ? problemOf(assign.error) : undefined;
  const known = serverProblem && knownProblem(serverProblem);
  const reassigning = item.status === 'assigned';

  return (
    <form
      noValidate
      aria-labelledby="assign-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = assignmentBody(form, today);
        if (!checked.ok) {
          setProblems(checked.problems);
          return;
        }
        assign.mutate(checked.body);
      }}
    >
      <Typography.Title level={2} id="assign-form-title" className="console-section-title">
        {t(reassigning ? 'console.feedback.assign.retitle' : 'console.feedback.assign.title')}
      </Typography.Title>
      <div style={{ marginBottom: '1rem' }}>
        <label htmlFor="assign-department" className="console-label">
          {t('console.feedback.assign.department')}
        </label>
        <Select
          id="assign-department"
          style={{ width: '100%', marginTop: '0.25rem' }}
          placeholder={t('console.feedback.assign.departmentPlaceholder')}
          value={form.departmentId ?? undefined}
          onChange={(value: string) => change({ departmentId: value })}
          showSearch={{ optionFilterProp: 'label' }}
          status={problems.departmentId ? 'error' : undefined}
          aria-invalid={problems.departmentId !== undefined}
          aria-describedby={problems.departmentId ? 'assign-departmentId-problem' : undefined}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        {problems.departmentId && (
          <Typography.Text type="danger" id="assign-departmentId-problem" role="alert" className="console-field-error">
            {t(`console.feedback.assignProblems.departmentId.${problems.departmentId}`)}
          </Typography.Text>
        )}
      </div>
      <div style={{ marginBottom: '1rem' }}>
        <label htmlFor="assign-due-date" className="console-label">
          {t('console.feedback.assign.dueDate')}
        </label>
        <p className="console-hint" id="assign-due-hint">
          {t('console.feedback.assign.dueHint')}
        </p>
        <Input
          id="assign-due-date"
          type="date"
          min={today}
          value={form.dueDate}
          aria-invalid={problems.dueDate !== undefined}
          aria-describedby={problems.dueDate ? 'assign-due-hint assign-dueDate-problem' : 'assign-due-hint'}
          status={problems.dueDate ? 'error' : undefined}
          onChange={(event) => change({ dueDate: event.target.value })}
          style={{ maxWidth: '14rem', display: 'block' }}
        />
        {problems.dueDate && (
          <Typography.Text type="danger" id="assign-dueDate-problem" role="alert" className="console-field-error">
            {t(`console.feedback.assignProblems.dueDate.${problems.dueDate}`)}
          </Typography.Text>
        )}
      </div>
      {serverProblem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={known ? t(`console.feedback.serverProblems.${known}`) : problemMessage(serverProblem, t)}
          style={{ marginBottom: '1rem' }}
        />
      )}
      <Button type="primary" htmlType="submit" loading={assign.isPending}>
        {t(reassigning ? 'console.feedback.assign.resubmit' : 'console.feedback.assign.submit')}
      </Button>
    </form>
  );
}

const EMPTY_RECORD: RecordForm = { text: '', topic: null, attachment: '' };

function RecordFormView({ openDayId, onRecorded }: { openDayId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<RecordForm>(EMPTY_RECORD);
  const [problems, setProblems] = useState<RecordProblems>({});
  const record = useMutation({
    mutationFn: (body: RecordBody) => unwrap(consoleApi.POST('/api/v1/open-days/{id}/feedback/recorded', { params: { path: { id: openDayId } }, body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['console', 'feedback', 'items'] });
      onRecorded();
    },
  });
  const change = (patch: Partial<RecordForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblems({});
  };
  const problemText = (field: keyof RecordProblems) =>
    problems[field] ? (
      <Typography.Text type="danger" id={`record-${field}-problem`} role="alert" className="console-field-error">
        {t(`console.feedback.recordProblems.${field}.${problems[field]}`)}
      </Typography.Text>
    ) : null;

  return (
    <form
      noValidate
      aria-label={t('console.feedback.record.title')}
      onSubmit={(event) => {
        event.preventDefault();
        const checked = recordBody(form);
        if (!checked.ok) {
          setProblems(checked.problems);
          return;
        }
        record.mutate(checked.body);
      }}
    >
      <Typography.Paragraph type="secondary">{t('console.feedback.record.intro')}</Typography.Paragraph>
      <div style={{ marginBottom: '1rem' }}>
        <label htmlFor="record-topic" className="console-label">
          {t('console.feedback.topic')}
        </label>
        <Select
          id="record-topic"
          style={{ width: '100%', maxWidth: '20rem', marginTop: '0.25rem' }}
          placeholder={t('console.feedback.record.topicPlaceholder')}
          value={form.topic ?? undefined}
          onChange={(value: RecordForm['topic']) => change({ topic: value })}
          status={problems.topic ? 'error' : undefined}
          aria-invalid={problems.topic !== undefined}
          aria-describedby={problems.topic ? 'record-topic-problem' : undefined}
          options={TOPICS.map((topic) => ({ value: topic, label: t(`console.feedback.topics.${topic}`) }))}
        />
        {problemText('topic')}
      </div>
      <div style={{ marginBottom: '1rem' }}>
        <label htmlFor="record-text" className="console-label">
          {t('console.feedback.record.text')}
        </label>
        <Input.TextArea
          id="record-text"
          rows={6}
          value={form.text}
          maxLength={TEXT_MAX}
          aria-invalid={problems.text !== undefined}
          aria-describedby={problems.text ? 'record-text-problem' : undefined}
          status={problems.text ? 'error' : undefined}
          onChange={(event) => change({ text: event.target.value })}
        />
        {problemText('text')}
      </div>
      <div style={{ marginBottom: '1rem' }}>
        <label htmlFor="record-attachment" className="console-label">
          {t('console.feedback.record.attachment')}
        </label>
        <p className="console-hint" id="record-attachment-hint">
          {t('console.feedback.record.attachmentHint')}
        </p>
        <Input
          id="record-attachment"
          value={form.attachment}
          maxLength={ATTACHMENT_MAX}
          aria-invalid={problems.attachment !== undefined}
          aria-describedby={problems.attachment ? 'record-attachment-hint record-attachment-problem' : 'record-attachment-hint'}
          status={problems.attachment ? 'error' : undefined}
          onChange={(event) => change({ attachment: event.target.value })}
        />
        {problemText('attachment')}
      </div>
      {record.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(record.error), t)} style={{ marginBottom: '1rem' }} />}
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t('console.feedback.record.submit')}
      </Button>
    </form>
  );
}
