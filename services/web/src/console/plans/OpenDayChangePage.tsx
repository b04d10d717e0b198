import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { consoleApi, problemOf, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { NotInThisStatus, usePlan } from './plan-query';
import { FormSection, SaveBar, SessionsField, VenuesField } from './PlanFormParts';
import { eventDateOf, planBody, planValues, type Plan, type SessionValues, type VenueValues } from './plan-form';
import { checkOpenDayChange, LIMITS } from './plan-rules';
import { can, planIdFrom } from './plan-status';
import { showFirstProblem, useProblems } from './use-problems';
import './plans.css';

interface ChangeValues {
  sessions: SessionValues[];
  venues: VenueValues[];
  assemblyPoint: string;
  reason: string;
}

/** /console/plans/:id/change: a published open day's time or place, with the reason everyone concerned is told. */
export default function OpenDayChangePage() {
  const { t } = useTranslation();
  const planId = planIdFrom(useParams().id);
  const plan = usePlan(planId);
  if (planId === null) return <ConsoleEmpty title={t('console.plans.page.notFound')} />;
  if (plan.isPending) return <ConsoleLoading />;
  if (plan.isError) return <ConsoleError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!can(plan.data.status, 'change')) {
    return <NotInThisStatus plan={plan.data} title={t('console.plans.change.notPublished', { status: t(`console.plans.statuses.${plan.data.status}`) })} />;
  }
  return <ChangeForm plan={plan.data} />;
}

function ChangeForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<ChangeValues>();
  const [initial] = useState<ChangeValues>(() => {
    const values = planValues(plan);
    return { sessions: values.sessions, venues: values.venues, assemblyPoint: values.assemblyPoint, reason: '' };
  });
  const watched = Form.useWatch([], { form, preserve: true }) as ChangeValues | undefined;
  const values = watched && Object.keys(watched).length > 0 ? watched : initial;
  const before = planBody(planValues(plan));
  const after = planBody({ ...planValues(plan), sessions: values.sessions ?? [], venues: values.venues ?? [], assemblyPoint: values.assemblyPoint ?? '' });
  const reason = (values.reason ?? '').trim();
  const problems = useProblems(() => checkOpenDayChange(before, after, values.reason ?? ''));
  const venueNames = (values.venues ?? []).map((venue) => (venue?.name ?? '').trim());

  const change = useMutation({
    mutationFn: () =>
      unwrap(
        consoleApi.POST('/api/v1/plans/{id}/open-day/changes', {
          params: { path: { id: plan.id } },
          body: { sessions: after.sessions, venues: after.venues, assemblyPoint: after.assemblyPoint, reason },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['console', 'plans'] });
      navigate(`/console/plans/${plan.id}`);
    },
    onError: (error) => {
      problems.fromServer(problemOf(error).errors);
      showFirstProblem();
    },
  });

  const confirm = () => {
    if (!problems.attempt()) {
      showFirstProblem();
      return;
    }
    modal.confirm({
      title: t('console.plans.change.confirmTitle'),
      content: t('console.plans.change.confirmBody', { reason }),
      okText: t('console.plans.change.ok'),
      cancelText: t('console.plans.common.back'),
      onOk: () => change.mutateAsync().catch(() => undefined),
    });
  };

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.plans.change.title', { title: plan.title })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.plans.change.intro')}</Typography.Paragraph>
      <Form<ChangeValues> form={form} name="change" layout="vertical" initialValues={initial} onValuesChange={problems.onValuesChange} onFinish={confirm} className="plans-form">
        <FormSection id="change-sessions" title={t('console.plans.sections.sessions')}>
          <SessionsField at={problems.at} venueNames={venueNames} eventDate={eventDateOf(values.sessions)} />
        </FormSection>
        <FormSection id="change-venues" title={t('console.plans.sections.venues')}>
          <VenuesField at={problems.at} />
          <Form.Item name="assemblyPoint" label={t('console.plans.fields.assemblyPoint')} {...problems.at('assemblyPoint')}>
            <Input maxLength={LIMITS.assemblyPoint} />
          </Form.Item>
        </FormSection>
        <FormSection id="change-reason" title={t('console.plans.fields.reason')}>
          <Form.Item
            name="reason"
            label={t('console.plans.change.reasonLabel')}
            extra={t('console.plans.change.reasonHint')}
            {...problems.at('reason')}
          >
            <Input.TextArea rows={3} maxLength={LIMITS.reason} showCount aria-required />
          </Form.Item>
        </FormSection>
        <SaveBar problems={problems.problems} say={problems.say} sending={change} submitLabel={t('console.plans.change.send')} backTo={`/console/plans/${plan.id}`} />
      </Form>
    </>
  );
}
