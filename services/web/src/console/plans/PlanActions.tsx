import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { FilingStateWords } from './PlanFormParts';
import type { Plan } from './plan-form';
import { LIMITS, reasonProblems } from './plan-rules';
import { can, filingState } from './plan-status';

/** Edit, file, delete (a draft), change or cancel (a published open day), each confirmed first. */
export function PlanActions({ plan, today }: { plan: Plan; today: string }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['console', 'plans'] });
  const submit = useMutation({
    mutationFn: () => unwrap(consoleApi.POST('/api/v1/plans/{id}/submit', { params: { path: { id: plan.id } } })),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(consoleApi.DELETE('/api/v1/plans/{id}', { params: { path: { id: plan.id } } })),
    onSuccess: async () => {
      await refresh();
      navigate('/console/plans', { replace: true });
    },
  });
  const failed = submit.error ?? remove.error;

  const confirmSubmit = () => {
    const late = filingState(plan.lastOnTimeFilingDate, today).kind === 'late';
    modal.confirm({
      title: t('console.plans.submit.title'),
      content: (
        <Space orientation="vertical">
          <span>{t('console.plans.submit.body', { title: plan.title })}</span>
          <FilingStateWords lastOnTimeFilingDate={plan.lastOnTimeFilingDate} today={today} language={i18n.language} />
          {late && <span>{t('console.plans.submit.lateWarning')}</span>}
        </Space>
      ),
      okText: t('console.plans.submit.ok'),
      cancelText: t('console.plans.common.back'),
      onOk: () => submit.mutateAsync().catch(() => undefined),
    });
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('console.plans.delete.title'),
      content: t('console.plans.delete.body', { title: plan.title }),
      okText: t('console.plans.delete.ok'),
      okButtonProps: { danger: true, className: 'plans-danger-primary' },
      cancelText: t('console.plans.common.back'),
      onOk: () => remove.mutateAsync().catch(() => undefined),
    });

  const commands = [
    can(plan.status, 'edit') && (
      <Button key="edit" type={plan.status === 'returned' ? 'primary' : 'default'} onClick={() => navigate(`/console/plans/${plan.id}/edit`)}>
        {t('console.plans.actions.edit')}
      </Button>
    ),
    can(plan.status, 'submit') && (
      <Button key="submit" type="primary" onClick={confirmSubmit} loading={submit.isPending}>
        {t('console.plans.actions.submit')}
      </Button>
    ),
    can(plan.status, 'delete') && (
      <Button key="delete" danger className="plans-danger" onClick={confirmDelete} loading={remove.isPending}>
        {t('console.plans.actions.delete')}
      </Button>
    ),
    can(plan.status, 'change') && (
      <Button key="change" onClick={() => navigate(`/console/plans/${plan.id}/change`)}>
        {t('console.plans.actions.change')}
      </Button>
    ),
    can(plan.status, 'cancel') && (
      <Button key="cancel" danger className="plans-danger" onClick={() => setCancelling(true)}>
        {t('console.plans.actions.cancel')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      {submit.isSuccess && plan.status === 'submitted' && <Alert type="success" showIcon role="status" title={t('console.plans.submit.done')} />}
      {failed && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(failed), t)} />}
      <Space wrap>
        {commands}
        <Link to="/console/plans">{t('console.plans.actions.backToList')}</Link>
      </Space>
      <CancelDialog plan={plan} open={cancelling} onClose={() => setCancelling(false)} />
    </>
  );
}

/** Cancelling a published open day: the reason citizens will be told is required. */
function CancelDialog({ plan, open, onClose }: { plan: Plan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const cancel = useMutation({
    mutationFn: () => unwrap(consoleApi.POST('/api/v1/plans/{id}/open-day/cancellation', { params: { path: { id: plan.id } }, body: { reason: reason.trim() } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['console', 'plans'] });
      onClose();
    },
  });
  const problem = tried ? reasonProblems(reason)[0] : undefined;
  return (
    <Modal
      open={open}
      title={t('console.plans.cancel.title', { title: plan.title })}
      okText={t('console.plans.cancel.ok')}
      okButtonProps={{ danger: true, className: 'plans-danger-primary', loading: cancel.isPending }}
      cancelText={t('console.plans.common.back')}
      onCancel={onClose}
      onOk={() => {
        setTried(true);
        if (reasonProblems(reason).length === 0) cancel.mutate();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('console.plans.cancel.body')}</Typography.Paragraph>
      <label htmlFor="plans-cancel-reason" className="console-label">
        {t('console.plans.fields.reason')} <span className="plans-required">{t('console.plans.common.required')}</span>
      </label>
      <Typography.Paragraph type="secondary" id="plans-cancel-reason-hint" style={{ marginBottom: '0.25rem' }}>
        {t('console.plans.cancel.reasonHint')}
      </Typography.Paragraph>
      <Input.TextArea
        id="plans-cancel-reason"
        rows={3}
        value={reason}
        maxLength={LIMITS.reason}
        showCount
        aria-required
        aria-invalid={problem !== undefined}
        aria-describedby="plans-cancel-reason-hint"
        status={problem ? 'error' : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      {problem && (
        <Typography.Text type="danger" className="plans-danger-text" role="alert">
          {t(`console.plans.rules.${problem.rule}`)}
        </Typography.Text>
      )}
      {cancel.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(cancel.error), t)} style={{ marginTop: '0.75rem' }} />}
    </Modal>
  );
}
