import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allPages } from '../api/all-pages';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import {
  APPLICANT_STATUSES,
  decisionsBody,
  districtsOf,
  filterApplicants,
  isDecidable,
  REASON_MAX,
  refusedDecision,
  REVIEW_CHOICES,
  type Applicant,
  type ApplicantStatus,
  type DecisionProblem,
  type ReviewChoice,
} from './applicant-review';
import { useDistrictNames } from './district-names';
import { ToneTag, type Tone } from './ToneTag';
import { sessionLabeller, type PublicOpenDay, type SelectionResult } from './open-day-sessions';
import { SELECTION_CATEGORIES as CATEGORIES, type SelectionCategory as Category } from '@openday/domain/selection';

type DecisionsBody = ReturnType<typeof decisionsBody> & { ok: true };

/** The screened applicants (masked as the API gives them), filtered, paged, and decided in bulk by the selection group. */
export function ApplicantsPanel({ openDay, result }: { openDay: PublicOpenDay; result: SelectionResult }) {
  const { t, i18n } = useTranslation();
  const role = useStaffSession()?.actor.role;
  const [status, setStatus] = useState<ApplicantStatus | undefined>();
  const [category, setCategory] = useState<Category | undefined>();
  const [district, setDistrict] = useState<string | undefined>();
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const applicants = useQuery({
    queryKey: ['console', 'selection', openDay.id, 'applicants', status ?? 'all'],
    queryFn: async () =>
      (
        await allPages((cursor) =>
          unwrap(consoleApi.GET('/api/v1/open-days/{id}/applicants', { params: { path: { id: openDay.id }, query: { limit: 500, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } })),
        )
      ).items,
  });
  const sessionName = sessionLabeller(openDay.sessions, i18n.language);
  const districtName = useDistrictNames();
  const rows = useMemo(() => filterApplicants(applicants.data ?? [], { category, district, sessionId }), [applicants.data, category, district, sessionId]);
  const canDecide = role === 'reviewer' && result.selectionMode === 'selection-group';
  // "All" is an option of its own rather than a placeholder, whose light grey is too faint to read.
  const all = { value: ALL, label: t('console.selection.applicants.all') };
  const label = (id: string, text: string) => (
    <label htmlFor={id} className="console-label">
      {text}
    </label>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {canDecide ? t('console.selection.applicants.introGroup') : t(`console.selection.applicants.intro.${result.selectionMode}`)}
      </Typography.Paragraph>
      <Space wrap size="middle" align="end">
        <div>
          {label('filter-status', t('console.selection.applicants.status'))}
          <Select<string>
            id="filter-status"
            style={{ width: 160, display: 'block' }}
            value={status ?? ALL}
            onChange={(value) => {
              setStatus(APPLICANT_STATUSES.find((s) => s === value));
              setChosen([]);
            }}
            options={[all, ...APPLICANT_STATUSES.map((s) => ({ value: s, label: t(`console.selection.status.${s}`) }))]}
          />
        </div>
        <div>
          {label('filter-category', t('console.selection.applicants.category'))}
          <Select<string>
            id="filter-category"
            style={{ width: 180, display: 'block' }}
            value={category ?? ALL}
            onChange={(value) => setCategory(CATEGORIES.find((c) => c === value))}
            options={[all, ...CATEGORIES.map((c) => ({ value: c, label: t(`console.selection.categories.${c}`) }))]}
          />
        </div>
        <div>
          {label('filter-district', t('console.selection.applicants.district'))}
          <Select<string>
            id="filter-district"
            style={{ width: 160, display: 'block' }}
            value={district ?? ALL}
            onChange={(value) => setDistrict(value === ALL ? undefined : value)}
            options={[all, ...districtsOf(applicants.data ?? [], i18n.language)
              .map((d) => ({ value: d, label: districtName(d) }))
              .sort((a, b) => a.label.localeCompare(b.label, i18n.language))]}
          />
        </div>
        {openDay.sessions.length > 1 && (
          <div>
            {label('filter-session', t('console.selection.applicants.session'))}
            <Select<string>
              id="filter-session"
              style={{ width: 260, display: 'block' }}
              value={sessionId ?? ALL}
              onChange={(value) => setSessionId(value === ALL ? undefined : value)}
              options={[all, ...openDay.sessions.map((s) => ({ value: s.sessionId, label: sessionName(s.sessionId) }))]}
            />
          </div>
        )}
      </Space>
      {applicants.isPending ? (
        <ConsoleLoading />
      ) : applicants.isError ? (
        <ConsoleError error={applicants.error} onRetry={() => void applicants.refetch()} />
      ) : (
        <>
          <Typography.Text role="status">{t('console.selection.applicants.shown', { count: rows.length, total: applicants.data.length })}</Typography.Text>
          {rows.length === 0 ? (
            <ConsoleEmpty title={t('console.selection.applicants.empty')} />
          ) : (
            <Table<Applicant>
              rowKey="personId"
              size="middle"
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              rowSelection={
                canDecide
                  ? {
                      selectedRowKeys: chosen,
                      onChange: (keys) => setChosen(keys.map(String)),
                      getCheckboxProps: (a) => ({ disabled: !isDecidable(a), 'aria-label': t('console.selection.applicants.choose', { name: a.maskedName }) }),
                    }
                  : undefined
              }
              columns={[
                { title: t('console.selection.applicants.arrival'), dataIndex: 'arrivalOrder', width: 80 },
                { title: t('console.selection.applicants.name'), dataIndex: 'maskedName' },
                { title: t('console.selection.applicants.idNumber'), dataIndex: 'maskedIdNumber', render: (v: string) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{v}</span> },
                { title: t('console.selection.applicants.category'), key: 'category', render: (_v, a) => t(`console.selection.categories.${a.category}`) },
                { title: t('console.selection.applicants.district'), key: 'district', render: (_v, a) => districtName(a.district) },
                ...(openDay.sessions.length > 1 ? [{ title: t('console.selection.applicants.session'), key: 'session', render: (_v: unknown, a: Applicant) => sessionName(a.sessionId) }] : []),
                {
                  title: t('console.selection.applicants.status'),
                  key: 'status',
                  render: (_v, a) => (
                    <Space size={4} wrap>
                      <ToneTag tone={STATUS_TONES[a.status]}>{t(`console.selection.status.${a.status}`)}</ToneTag>
                      {a.waitlistPosition !== null && <span>{t('console.selection.applicants.position', { position: a.waitlistPosition })}</span>}
                      {a.awaitingJointReview && <Tag>{t('console.selection.applicants.awaitingJointReview')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('console.selection.applicants.reason'),
                  key: 'reason',
                  render: (_v, a) => a.note ?? a.reasons.map((r) => (i18n.language === 'en' ? r.en : r.zh)).join('；'),
                },
              ]}
            />
          )}
          {canDecide && <DecisionForm openDayId={openDay.id} chosen={chosen} applicants={applicants.data} onDecided={() => setChosen([])} />}
          {canDecide && <CompletionForm openDayId={openDay.id} result={result} />}
        </>
      )}
    </Space>
  );
}

const ALL = '';
const STATUS_TONES: Record<ApplicantStatus, Tone> = { eligible: 'info', selected: 'ok', waitlisted: 'warn', rejected: 'bad', withdrawn: 'plain' };

function DecisionForm({ openDayId, chosen, applicants, onDecided }: { openDayId: string; chosen: string[]; applicants: Applicant[]; onDecided: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<ReviewChoice>('select');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<DecisionProblem | null>(null);
  const [confirming, setConfirming] = useState<DecisionsBody['body'] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (body: DecisionsBody['body']) => unwrap(consoleApi.POST('/api/v1/open-days/{id}/selection/decisions', { params: { path: { id: openDayId } }, body })),
    onSuccess: (answer) => {
      setDone(t(`console.selection.decide.done.${choice}`, { count: answer.decided.length }));
      setConfirming(null);
      setReason('');
      onDecided();
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['console', 'selection', openDayId] }),
  });
  const refused = decide.isError && decide.variables ? refusedDecision(problemOf(decide.error), decide.variables, applicants) : null;
  const submit = () => {
    const checked = decisionsBody(chosen, choice, reason);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    setDone(null);
    decide.reset();
    setConfirming(checked.body);
  };
  const reasonHint = choice === 'reject' ? 'console.selection.decide.reasonRequired' : 'console.selection.decide.reasonOptional';
  return (
    <section aria-labelledby="selection-decide">
      <Typography.Title level={2} id="selection-decide" className="console-section-title">
        {t('console.selection.decide.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.selection.decide.chosen', { count: chosen.length })}</Typography.Paragraph>
      <Radio.Group
        aria-label={t('console.selection.decide.choice')}
        value={choice}
        onChange={(event) => {
          setChoice(event.target.value as ReviewChoice);
          setProblem(null);
        }}
        options={REVIEW_CHOICES.map((c) => ({ value: c, label: t(`console.selection.decide.choices.${c}`) }))}
        optionType="button"
      />
      <div style={{ marginTop: '0.75rem' }}>
        <label htmlFor="decision-reason" className="console-label">
          {t('console.selection.decide.reason')}
        </label>
        <Typography.Paragraph type="secondary" id="decision-reason-hint" style={{ marginBottom: '0.25rem' }}>
          {t(reasonHint)} {t('console.selection.decide.reasonReaches')}
        </Typography.Paragraph>
        <Input.TextArea
          id="decision-reason"
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          aria-describedby={problem ? 'decision-reason-hint decision-problem' : 'decision-reason-hint'}
          aria-invalid={problem === 'reason-required' || problem === 'reason-too-long'}
          status={problem === 'reason-required' || problem === 'reason-too-long' ? 'error' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setProblem(null);
          }}
        />
      </div>
      {problem && (
        <Typography.Text type="danger" id="decision-problem" role="alert">
          {t(`console.selection.decide.problems.${problem}`)}
        </Typography.Text>
      )}
      {decide.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: '0.75rem' }}
          title={refused ? t(`console.selection.decide.refused.${refused.rule}`, { name: refused.maskedName }) : problemMessage(problemOf(decide.error), t)}
        />
      )}
      {done && <Alert type="success" showIcon role="status" title={done} style={{ marginTop: '0.75rem' }} closable onClose={() => setDone(null)} />}
      <div style={{ marginTop: '0.75rem' }}>
        <Button type="primary" danger={choice === 'reject'} onClick={submit}>
          {t('console.selection.decide.submit')}
        </Button>
      </div>
      <Modal
        open={confirming !== null}
        title={t('console.selection.decide.confirmTitle')}
        okText={t(`console.selection.decide.choices.${choice}`)}
        okButtonProps={{ danger: choice === 'reject' }}
        cancelText={t('console.selection.cancel')}
        confirmLoading={decide.isPending}
        onOk={() => confirming && decide.mutate(confirming)}
        onCancel={() => setConfirming(null)}
        destroyOnHidden
      >
        <p>{t(`console.selection.decide.confirm.${choice}`, { count: confirming?.decisions.length ?? 0 })}</p>
        {confirming?.decisions[0]?.reason && <p>{t('console.selection.decide.confirmReason', { reason: confirming.decisions[0].reason })}</p>}
        {decide.isError && <Alert type="error" showIcon role="alert" title={refused ? t(`console.selection.decide.refused.${refused.rule}`, { name: refused.maskedName }) : problemMessage(problemOf(decide.error), t)} />}
      </Modal>
    </section>
  );
}

function CompletionForm({ openDayId, result }: { openDayId: string; result: SelectionResult }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const open = result.sessions.filter((s) => !s.completed).length;
  const complete = useMutation({
    mutationFn: () => unwrap(consoleApi.POST('/api/v1/open-days/{id}/selection/completion', { params: { path: { id: openDayId } } })),
    onSuccess: () => setConfirming(false),
    onSettled: () => void client.invalidateQueries({ queryKey: ['console', 'selection', openDayId] }),
  });
  return (
    <section aria-labelledby="selection-complete">
      <Typography.Title level={2} id="selection-complete" className="console-section-title">
        {t('console.selection.complete.title')}
      </Typography.Title>
      {open === 0 ? (
        <Alert type="success" showIcon role="status" title={t('console.selection.complete.done')} />
      ) : (
        <>
          <Typography.Paragraph>{t('console.selection.complete.intro')}</Typography.Paragraph>
          {complete.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(complete.error), t)} style={{ marginBottom: '0.75rem' }} />}
          <Button onClick={() => setConfirming(true)}>{t('console.selection.complete.submit')}</Button>
        </>
      )}
      <Modal
        open={confirming}
        title={t('console.selection.complete.confirmTitle')}
        okText={t('console.selection.complete.submit')}
        cancelText={t('console.selection.cancel')}
        confirmLoading={complete.isPending}
        onOk={() => complete.mutate()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <p>{t('console.selection.complete.confirm', { count: open })}</p>
      </Modal>
    </section>
  );
}
