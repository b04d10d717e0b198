import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../time/shanghai';
import { consoleApi, problemOf, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { NotInThisStatus, usePlan } from '../plans/plan-query';
import { EligibilityFields, FormSection, NoticesField, SaveBar, SessionsField, VenuesField } from '../plans/PlanFormParts';
import { eventDateOf, planBody, planValues, type Plan, type PlanFormValues, type SessionValues, type VenueValues } from '../plans/plan-form';
import { checkOpenDayChange, LIMITS } from '../plans/plan-rules';
import { can, planIdFrom } from '../plans/plan-status';
import { districtChoices } from '../plans/district-choices';
import { useDistricts } from '../plans/use-districts';
import { showFirstProblem, useProblems } from '../plans/use-problems';
import { changedGroups, changeInput, namingProblems, releasedStillNeeded, reviewNeeded, sessionsToCorrect, sessionsToName } from './change-content';
import { changeFromQuery, changeToCorrect, pendingChange } from './change-history';
import { ReleasePicker } from './ReleasePicker';
import { useOpenDayChanges, useSessionTickets, type OpenDayChange } from './use-changes';
import '../plans/plans.css';
import './changes.css';

type ChangeValues = Pick<PlanFormValues, 'sessions' | 'venues' | 'assemblyPoint' | 'minAge' | 'maxAge' | 'districts' | 'notices'> & { reason: string };

/** A change's rule words first (lead time, places taken, released tickets, one change at a time), then the plan's. */
const RULE_AREAS = ['changes', 'plans'] as const;

/**
 * /console/plans/:id/change: files a change to a published open day (sessions, venues, assembly
 * point, eligibility, notices) with the reason everyone concerned is told; `?correct=<change>`
 * starts from a change the city office returned.
 */
export default function OpenDayChangePage() {
  const { t } = useTranslation();
  const planId = planIdFrom(useParams().id);
  const plan = usePlan(planId);
  const changes = useOpenDayChanges(planId, plan.data?.status === 'published');
  const correctId = changeFromQuery(useSearchParams()[0].get('correct'));
  if (planId === null) return <ConsoleEmpty title={t('console.plans.page.notFound')} />;
  if (plan.isPending) return <ConsoleLoading />;
  if (plan.isError) return <ConsoleError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!can(plan.data.status, 'change')) {
    return <NotInThisStatus plan={plan.data} title={t('console.plans.change.notPublished', { status: t(`console.plans.statuses.${plan.data.status}`) })} />;
  }
  if (changes.isPending) return <ConsoleLoading />;
  if (changes.isError) return <ConsoleError error={changes.error} onRetry={() => void changes.refetch()} />;
  const pending = pendingChange(changes.data);
  if (pending) return <ChangePending plan={plan.data} change={pending} />;
  const returned = changeToCorrect(changes.data);
  return <ChangeForm plan={plan.data} correcting={returned && returned.id === correctId ? returned : undefined} />;
}

function ChangePending({ plan, change }: { plan: Plan; change: OpenDayChange }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.plans.change.title', { title: plan.title })}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title={t('console.changes.form.pending', { at: formatDateTime(change.submittedAt, i18n.language) })}
        action={<Link to={`/console/plans/${plan.id}`}>{t('console.plans.editor.toPlan')}</Link>}
      />
    </>
  );
}

/** The form's values: the open day as it is, or as the returned change would have made it. */
function initialValues(plan: Plan, correcting: OpenDayChange | undefined): ChangeValues {
  const values = planValues(plan);
  if (!correcting) {
    return { sessions: values.sessions, venues: values.venues, assemblyPoint: values.assemblyPoint, minAge: values.minAge, maxAge: values.maxAge, districts: values.districts, notices: values.notices, reason: '' };
  }
  const after = planValues({ ...plan, ...correcting.after });
  return {
    sessions: sessionsToCorrect<SessionValues>(after.sessions, new Set(plan.sessions.map((session) => session.id))),
    venues: after.venues as VenueValues[],
    assemblyPoint: after.assemblyPoint,
    minAge: after.minAge,
    maxAge: after.maxAge,
    districts: after.districts,
    notices: after.notices,
    reason: correcting.reason,
  };
}

function ChangeForm({ plan, correcting }: { plan: Plan; correcting?: OpenDayChange }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const districts = useDistricts();
  const [form] = Form.useForm<ChangeValues>();
  const [initial] = useState<ChangeValues>(() => initialValues(plan, correcting));
  const [named, setNamed] = useState<string[]>(() => [...(correcting?.releasedTicketIds ?? [])]);
  const watched = Form.useWatch([], { form, preserve: true }) as ChangeValues | undefined;
  const values = watched && Object.keys(watched).length > 0 ? watched : initial;
  const before = planBody(planValues(plan));
  const after = planBody({ ...planValues(plan), ...values, sessions: values.sessions ?? [], venues: values.venues ?? [], notices: values.notices ?? [], districts: values.districts ?? [] });
  const reason = (values.reason ?? '').trim();
  const tickets = useSessionTickets(plan.openDayId, plan.sessions.map((session) => session.id));
  const ticketIds = new Map([...tickets.bySession].map(([sessionId, list]) => [sessionId, list.map((ticket) => ticket.ticketId)]));
  const toName = sessionsToName(after.sessions, ticketIds, named);
  const released = releasedStillNeeded(named, toName, ticketIds);
  const problems = useProblems(() => [...checkOpenDayChange(before, after, values.reason ?? ''), ...namingProblems(toName)], RULE_AREAS);
  const venueNames = (values.venues ?? []).map((venue) => (venue?.name ?? '').trim());
  const groups = changedGroups(before, after);
  // Nothing changed yet: the form speaks of filing, the usual case.
  const atOnce = groups.length > 0 && !reviewNeeded(groups);

  const change = useMutation({
    mutationFn: () =>
      unwrap(consoleApi.POST('/api/v1/plans/{id}/open-day/changes', { params: { path: { id: plan.id } }, body: changeInput(before, after, released, reason) })),
    onSuccess: async (filed) => {
      await client.invalidateQueries({ queryKey: ['console', 'plans'] });
      navigate(`/console/plans/${plan.id}`, { state: { changeFiled: filed.status } });
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
      content: (
        <>
          <p>{t('console.plans.change.confirmBody', { reason })}</p>
          <p>{t(atOnce ? 'console.changes.form.confirmAtOnce' : 'console.changes.form.confirmReview')}</p>
        </>
      ),
      okText: t(atOnce ? 'console.plans.change.ok' : 'console.changes.form.file'),
      cancelText: t('console.plans.common.back'),
      onOk: () => change.mutateAsync().catch(() => undefined),
    });
  };
  const releaseProblems = problems.problems.filter((problem) => problem.field.startsWith('releasedTicketIds')).map(problems.say);

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.plans.change.title', { title: plan.title })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.changes.form.intro')}</Typography.Paragraph>
      {correcting && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: '1rem' }}
          title={t('console.changes.form.correcting')}
          description={correcting.comments ? t('console.changes.history.comments', { comments: correcting.comments }) : undefined}
        />
      )}
      <Form<ChangeValues> form={form} name="change" layout="vertical" initialValues={initial} onValuesChange={problems.onValuesChange} onFinish={confirm} className="plans-form">
        <FormSection id="change-sessions" title={t('console.plans.sections.sessions')}>
          <SessionsField at={problems.at} venueNames={venueNames} eventDate={eventDateOf(values.sessions)} />
        </FormSection>
        {(toName.length > 0 || releaseProblems.length > 0 || tickets.error !== null) && (
          <FormSection id="change-release" title={t('console.changes.release.title')} intro={t('console.changes.release.intro')}>
            {tickets.error !== null ? (
              <ConsoleError error={tickets.error} onRetry={tickets.retry} />
            ) : (
              <ReleasePicker toName={toName} sessions={after.sessions} tickets={tickets.bySession} released={named} onChange={setNamed} problems={releaseProblems} />
            )}
          </FormSection>
        )}
        <FormSection id="change-venues" title={t('console.plans.sections.venues')}>
          <VenuesField at={problems.at} />
          <Form.Item name="assemblyPoint" label={t('console.plans.fields.assemblyPoint')} {...problems.at('assemblyPoint')}>
            <Input maxLength={LIMITS.assemblyPoint} />
          </Form.Item>
        </FormSection>
        <FormSection id="change-eligibility" title={t('console.plans.sections.eligibility')}>
          <EligibilityFields at={problems.at} districts={districtChoices(districts.data ?? [], i18n.language, initial.districts)} loading={districts.isPending} />
        </FormSection>
        <FormSection id="change-notices" title={t('console.plans.fields.notices')} intro={t('console.changes.form.noticesIntro')}>
          <NoticesField at={problems.at} titled={false} />
        </FormSection>
        <FormSection id="change-reason" title={t('console.plans.fields.reason')}>
          <Form.Item name="reason" label={t('console.plans.change.reasonLabel')} extra={t('console.plans.change.reasonHint')} {...problems.at('reason')}>
            <Input.TextArea rows={3} maxLength={LIMITS.reason} showCount aria-required />
          </Form.Item>
        </FormSection>
        <SaveBar
          problems={problems.problems}
          say={problems.say}
          sending={change}
          submitLabel={t(atOnce ? 'console.plans.change.send' : 'console.changes.form.file')}
          backTo={`/console/plans/${plan.id}`}
          hint={groups.length > 0 && <Typography.Text type="secondary">{t(atOnce ? 'console.changes.form.atOnceHint' : 'console.changes.form.reviewHint')}</Typography.Text>}
        />
      </Form>
    </>
  );
}
