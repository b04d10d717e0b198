import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { components } from '../../api/schema';
import { formatDate } from '../../time/shanghai';
import { useAgencyNames } from '../api/agency-names';
import { allPages } from '../api/all-pages';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { REASON_MAX } from './applicant-review';
import { signaturesBody, type Signature, type SignatureProblem } from './joint-review';
import { sessionLabeller, type PublicOpenDay } from './open-day-sessions';

type Pending = components['schemas']['PendingSignatureDto'];
type WaitingOpenDay = components['schemas']['JointReviewOpenDayDto'];
type SignaturesBody = components['schemas']['SignaturesDoc'];

/**
 * The co-signing department's joint review (联合审查): the open days still to come whose
 * selections wait for the department's signature, soonest first, and those selections, signed
 * or refused (with the reason) in bulk. The chosen open day stays on screen once nothing of it
 * waits any more, so the clerk sees what was done.
 */
export default function JointReviewPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const agencyName = useAgencyNames();
  const worklist = useQuery({
    queryKey: ['console', 'joint-review', 'open-days'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/department/joint-review', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })))).items,
  });
  const chosenId = params.get('openDay') ?? worklist.data?.[0]?.openDayId;
  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.selection.joint.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.selection.joint.intro')}</Typography.Paragraph>
      {worklist.isPending ? (
        <ConsoleLoading />
      ) : worklist.isError ? (
        <ConsoleError error={worklist.error} onRetry={() => void worklist.refetch()} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {worklist.data.length === 0 ? (
            <ConsoleEmpty title={t('console.selection.joint.none')} />
          ) : (
            <Table<WaitingOpenDay>
              rowKey="openDayId"
              size="middle"
              pagination={false}
              dataSource={worklist.data}
              columns={[
                {
                  title: t('console.selection.columns.title'),
                  key: 'title',
                  render: (_v, day) => (
                    <Link
                      to={`/console/joint-review?openDay=${day.openDayId}`}
                      replace
                      aria-current={day.openDayId === chosenId ? 'true' : undefined}
                      style={{ color: '#1a4fa0', fontWeight: day.openDayId === chosenId ? 600 : undefined }}
                    >
                      {day.title}
                    </Link>
                  ),
                },
                { title: t('console.selection.joint.agency'), key: 'agency', render: (_v, day) => agencyName(day.agencyId) },
                {
                  title: t('console.selection.columns.date'),
                  key: 'date',
                  render: (_v, day) => day.dates.map((date) => <div key={date}>{formatDate(date, i18n.language)}</div>),
                },
                { title: t('console.selection.joint.pending'), dataIndex: 'pending' },
              ]}
            />
          )}
          {chosenId && <SignForm key={chosenId} openDayId={chosenId} onSigned={() => setParams({ openDay: chosenId }, { replace: true })} />}
        </Space>
      )}
    </>
  );
}

/** The chosen open day's selections waiting for the department; loaded on their own, so the open day stays once none waits. */
function SignForm({ openDayId, onSigned }: { openDayId: string; onSigned: () => void }) {
  const openDay = useQuery({
    queryKey: ['console', 'selection', openDayId, 'open-day'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/public/open-days/{id}', { params: { path: { id: openDayId } } })),
  });
  const review = useQuery({
    queryKey: ['console', 'joint-review', openDayId],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/open-days/{id}/joint-review', { params: { path: { id: openDayId } } })),
  });
  if (openDay.data && review.data) return <Signatures openDay={openDay.data} pending={review.data.pending} onSigned={onSigned} />;
  if (openDay.isError) return <ConsoleError error={openDay.error} onRetry={() => void openDay.refetch()} />;
  if (review.isError) return <ConsoleError error={review.error} onRetry={() => void review.refetch()} />;
  return <ConsoleLoading />;
}

function Signatures({ openDay, pending, onSigned }: { openDay: PublicOpenDay; pending: Pending[]; onSigned: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [decision, setDecision] = useState<Signature>('sign');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<SignatureProblem | null>(null);
  const [confirming, setConfirming] = useState<SignaturesBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sessionName = sessionLabeller(openDay.sessions, i18n.language);
  const agencyName = useAgencyNames();
  const sign = useMutation({
    mutationFn: (body: SignaturesBody) => unwrap(consoleApi.POST('/api/v1/open-days/{id}/joint-review/signatures', { params: { path: { id: openDay.id } }, body })),
    onSuccess: (_view, body) => {
      setDone(t(`console.selection.joint.done.${decision}`, { count: body.signatures.length }));
      setConfirming(null);
      setChosen([]);
      setReason('');
      onSigned();
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['console', 'joint-review'] }),
  });
  const submit = () => {
    const checked = signaturesBody(chosen, decision, reason);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    setDone(null);
    sign.reset();
    setConfirming(checked.body);
  };
  const headingId = 'joint-review-pending';
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} className="console-section-title">
        {t('console.selection.joint.waiting', { title: openDay.title })}
      </Typography.Title>
      {done && <Alert type="success" showIcon role="status" title={done} style={{ marginBottom: '0.75rem' }} closable onClose={() => setDone(null)} />}
      {pending.length === 0 ? (
        <ConsoleEmpty title={t('console.selection.joint.nothingWaiting')} />
      ) : (
        <>
          <Table<Pending>
            rowKey="personId"
            size="middle"
            dataSource={pending}
            pagination={pending.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            rowSelection={{
              selectedRowKeys: chosen,
              onChange: (keys) => setChosen(keys.map(String)),
              getCheckboxProps: (p) => ({ 'aria-label': t('console.selection.applicants.choose', { name: p.maskedName }) }),
            }}
            columns={[
              { title: t('console.selection.applicants.name'), dataIndex: 'maskedName' },
              { title: t('console.selection.applicants.idNumber'), dataIndex: 'maskedIdNumber' },
              { title: t('console.selection.applicants.category'), key: 'category', render: (_v, p) => t(`console.selection.categories.${p.category}`) },
              { title: t('console.selection.applicants.session'), key: 'session', render: (_v, p) => sessionName(p.sessionId) },
              { title: t('console.selection.joint.signedBy'), key: 'signed', render: (_v, p) => (p.signedBy.length ? p.signedBy.map(agencyName).join('、') : t('console.selection.none')) },
              { title: t('console.selection.joint.awaiting'), key: 'awaiting', render: (_v, p) => p.awaiting.map(agencyName).join('、') },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: '0.75rem' }}>{t('console.selection.decide.chosen', { count: chosen.length })}</Typography.Paragraph>
          <Radio.Group
            aria-label={t('console.selection.joint.decision')}
            value={decision}
            optionType="button"
            onChange={(event) => {
              setDecision(event.target.value as Signature);
              setProblem(null);
            }}
            options={(['sign', 'refuse'] as const).map((d) => ({ value: d, label: t(`console.selection.joint.decisions.${d}`) }))}
          />
          {decision === 'refuse' && (
            <div style={{ marginTop: '0.75rem' }}>
              <label htmlFor="refusal-reason" className="console-label">
                {t('console.selection.joint.reason')}
              </label>
              <Typography.Paragraph type="secondary" id="refusal-reason-hint" style={{ marginBottom: '0.25rem' }}>
                {t('console.selection.joint.reasonHint')}
              </Typography.Paragraph>
              <Input.TextArea
                id="refusal-reason"
                rows={3}
                maxLength={REASON_MAX}
                value={reason}
                aria-describedby={problem ? 'refusal-reason-hint joint-problem' : 'refusal-reason-hint'}
                aria-invalid={problem === 'reason-required' || problem === 'reason-too-long'}
                status={problem === 'reason-required' || problem === 'reason-too-long' ? 'error' : undefined}
                onChange={(event) => {
                  setReason(event.target.value);
                  setProblem(null);
                }}
              />
            </div>
          )}
          {problem && (
            <div>
              <Typography.Text type="danger" id="joint-problem" role="alert">
                {t(`console.selection.joint.problems.${problem}`)}
              </Typography.Text>
            </div>
          )}
          {sign.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(sign.error), t)} style={{ marginTop: '0.75rem' }} />}
          <div style={{ marginTop: '0.75rem' }}>
            <Button type="primary" danger={decision === 'refuse'} onClick={submit}>
              {t('console.selection.joint.submit')}
            </Button>
          </div>
        </>
      )}
      <Modal
        open={confirming !== null}
        title={t('console.selection.decide.confirmTitle')}
        okText={t(`console.selection.joint.decisions.${decision}`)}
        okButtonProps={{ danger: decision === 'refuse' }}
        cancelText={t('console.selection.cancel')}
        confirmLoading={sign.isPending}
        onOk={() => confirming && sign.mutate(confirming)}
        onCancel={() => setConfirming(null)}
        destroyOnHidden
      >
        <p>{t(`console.selection.joint.confirm.${decision}`, { count: confirming?.signatures.length ?? 0 })}</p>
        {sign.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(sign.error), t)} />}
      </Modal>
    </section>
  );
}
