import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { components } from '../../api/schema';
import { formatDate, shanghaiDate } from '../../time/shanghai';
import { useAgencyNames } from '../api/agency-names';
import { allPages } from '../api/all-pages';
import { ApiError, consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { REASON_MAX } from './applicant-review';
import { signaturesBody, type Signature, type SignatureProblem } from './joint-review';
import { sessionLabeller, type PublicOpenDay } from './open-day-sessions';

type Pending = components['schemas']['PendingSignatureDto'];
type Review = { openDay: PublicOpenDay; pending: Pending[] };
type SignaturesBody = components['schemas']['SignaturesDoc'];

// How many open days are asked at once whether they wait for this department.
const PARALLEL = 6;

/**
 * The co-signing department's joint review (联合审查): the open days that name the department
 * and the selections waiting for its signature, signed or refused (with the reason) in bulk.
 * No list names the open days a department co-signs, so each upcoming open day is asked; those
 * that do not name the department answer 404 and are left out.
 */
export default function JointReviewPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const reviews = useQuery({
    queryKey: ['console', 'joint-review'],
    queryFn: async () => {
      const from = shanghaiDate();
      const listed = await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/public/open-days', { params: { query: { from, limit: 100, ...(cursor ? { cursor } : {}) } } })), 3);
      const days = listed.items;
      const found: Review[] = [];
      for (let i = 0; i < days.length; i += PARALLEL) {
        const answers = await Promise.all(days.slice(i, i + PARALLEL).map((day) => pendingOf(day)));
        found.push(...answers.filter((review): review is Review => review !== null));
      }
      return found;
    },
  });
  const chosenId = params.get('openDay');
  const chosen = reviews.data?.find((review) => review.openDay.id === chosenId) ?? reviews.data?.[0];
  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.selection.joint.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.selection.joint.intro')}</Typography.Paragraph>
      {reviews.isPending ? (
        <ConsoleLoading />
      ) : reviews.isError ? (
        <ConsoleError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <ConsoleEmpty title={t('console.selection.joint.none')} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Table<Review>
            rowKey={(review) => review.openDay.id}
            size="middle"
            pagination={false}
            dataSource={reviews.data}
            columns={[
              {
                title: t('console.selection.columns.title'),
                key: 'title',
                render: (_v, review) => (
                  <Link
                    to={`/console/joint-review?openDay=${review.openDay.id}`}
                    replace
                    aria-current={review === chosen ? 'true' : undefined}
                    style={{ color: '#1a4fa0', fontWeight: review === chosen ? 600 : undefined }}
                  >
                    {review.openDay.title}
                  </Link>
                ),
              },
              { title: t('console.selection.columns.date'), key: 'date', render: (_v, review) => formatDate(review.openDay.date, i18n.language) },
              { title: t('console.selection.joint.pending'), key: 'pending', render: (_v, review) => review.pending.length },
            ]}
          />
          {chosen && <SignForm key={chosen.openDay.id} review={chosen} />}
        </Space>
      )}
    </>
  );
}

async function pendingOf(openDay: PublicOpenDay): Promise<Review | null> {
  try {
    const view = await unwrap(consoleApi.GET('/api/v1/open-days/{id}/joint-review', { params: { path: { id: openDay.id } } }));
    return { openDay, pending: view.pending };
  } catch (error) {
    if (error instanceof ApiError && problemOf(error).status === 404) return null;
    throw error;
  }
}

function SignForm({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [decision, setDecision] = useState<Signature>('sign');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<SignatureProblem | null>(null);
  const [confirming, setConfirming] = useState<SignaturesBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sessionName = sessionLabeller(review.openDay.sessions, i18n.language);
  const agencyName = useAgencyNames();
  const sign = useMutation({
    mutationFn: (body: SignaturesBody) => unwrap(consoleApi.POST('/api/v1/open-days/{id}/joint-review/signatures', { params: { path: { id: review.openDay.id } }, body })),
    onSuccess: (_view, body) => {
      setDone(t(`console.selection.joint.done.${decision}`, { count: body.signatures.length }));
      setConfirming(null);
      setChosen([]);
      setReason('');
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
        {t('console.selection.joint.waiting', { title: review.openDay.title })}
      </Typography.Title>
      {done && <Alert type="success" showIcon role="status" title={done} style={{ marginBottom: '0.75rem' }} closable onClose={() => setDone(null)} />}
      {review.pending.length === 0 ? (
        <ConsoleEmpty title={t('console.selection.joint.nothingWaiting')} />
      ) : (
        <>
          <Table<Pending>
            rowKey="personId"
            size="middle"
            dataSource={review.pending}
            pagination={review.pending.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
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
