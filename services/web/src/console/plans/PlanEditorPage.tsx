import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { allPages } from '../api/all-pages';
import { consoleApi, problemOf, unwrap } from '../api/console-client';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { QuotaArithmeticPanel } from './QuotaArithmeticPanel';
import { NotInThisStatus, usePlan } from './plan-query';
import { EligibilityFields, FilingDateNote, FormSection, NoticesField, SaveBar, SessionsField, VenuesField } from './PlanFormParts';
import { blankPlanValues, CATEGORIES, eventDateOf, OPEN_DAY_FORMS, planBody, planValues, SELECTION_MODES, type Plan, type PlanFormValues } from './plan-form';
import { checkPlan, LIMITS, quotaArithmetic } from './plan-rules';
import { can, planIdFrom } from './plan-status';
import { districtChoices } from './district-choices';
import { useDistricts } from './use-districts';
import { showFirstProblem, useProblems } from './use-problems';
import './plans.css';

/** The agencies (for co-signing departments), read once per visit. */
export function useAgencies() {
  return useQuery({
    queryKey: ['console', 'agencies'],
    queryFn: async () => (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/agencies', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })))).items,
    staleTime: 10 * 60_000,
  });
}

/** /console/plans/new and /console/plans/:id/edit: the whole plan in one form. */
export default function PlanEditorPage() {
  const { t } = useTranslation();
  const params = useParams();
  const planId = planIdFrom(params.id);
  const plan = usePlan(planId);
  if (params.id !== undefined && planId === null) return <ConsoleEmpty title={t('console.plans.page.notFound')} />;
  if (planId === null) return <PlanEditor />;
  if (plan.isPending) return <ConsoleLoading />;
  if (plan.isError) return <ConsoleError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!can(plan.data.status, 'edit')) {
    return <NotInThisStatus plan={plan.data} title={t('console.plans.editor.notEditable', { status: t(`console.plans.statuses.${plan.data.status}`) })} />;
  }
  return <PlanEditor plan={plan.data} />;
}

function PlanEditor({ plan }: { plan?: Plan }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useStaffSession();
  const today = shanghaiDate(useNow(60_000));
  const agencies = useAgencies();
  const districts = useDistricts();
  const [form] = Form.useForm<PlanFormValues>();
  const [initial] = useState<PlanFormValues>(() => (plan ? planValues(plan) : blankPlanValues()));
  // One key per editor visit: a create retried after a lost answer makes one plan, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const watched = Form.useWatch([], { form, preserve: true }) as PlanFormValues | undefined;
  const values = watched && Object.keys(watched).length > 0 ? watched : initial;
  const body = planBody(values);
  const problems = useProblems(() => checkPlan(body));
  const eventDate = eventDateOf(values.sessions);
  const venueNames = (values.venues ?? []).map((venue) => (venue?.name ?? '').trim());

  const save = useMutation({
    mutationFn: () =>
      plan
        ? unwrap(consoleApi.PUT('/api/v1/plans/{id}', { params: { path: { id: plan.id } }, body }))
        : unwrap(consoleApi.POST('/api/v1/plans', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['console', 'plans'] });
      navigate(`/console/plans/${saved.id}`, { state: { saved: true } });
    },
    onError: (error) => {
      problems.fromServer(problemOf(error).errors);
      showFirstProblem();
    },
  });

  const own = session?.actor.agencyId;
  const agencyList = agencies.data ?? [];
  const departmentOptions = agencyList
    .filter((agency) => agency.active && agency.id !== own && agency.id !== 'city-office')
    .map((agency) => ({ value: agency.id, label: agency.name }));
  const at = problems.at;

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {plan ? t('console.plans.editor.editTitle', { title: plan.title }) : t('console.plans.editor.newTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.plans.editor.intro')}</Typography.Paragraph>
      <Form<PlanFormValues>
        form={form}
        name="plan"
        layout="vertical"
        initialValues={initial}
        onValuesChange={problems.onValuesChange}
        onFinish={() => {
          if (problems.attempt()) save.mutate();
          else showFirstProblem();
        }}
        className="plans-form"
      >
        <FormSection id="basics" title={t('console.plans.sections.basics')}>
          <Form.Item name="title" label={t('console.plans.fields.title')} {...at('title')}>
            <Input maxLength={LIMITS.title} showCount />
          </Form.Item>
          <Form.Item name="theme" label={t('console.plans.fields.theme')} {...at('theme')}>
            <Input.TextArea rows={3} maxLength={LIMITS.theme} showCount />
          </Form.Item>
          <Form.Item name="forms" label={t('console.plans.fields.forms')} {...at('forms', 'forms[0]', 'forms[1]', 'forms[2]', 'forms[3]', 'forms[4]')}>
            <Checkbox.Group options={OPEN_DAY_FORMS.map((value) => ({ value, label: t(`console.plans.forms.${value}`) }))} />
          </Form.Item>
          <Form.Item name="selectionMode" label={t('console.plans.fields.selectionMode')} {...at('selectionMode')}>
            <Radio.Group>
              <Space orientation="vertical">
                {SELECTION_MODES.map((mode) => (
                  <Radio key={mode} value={mode}>
                    {t(`console.plans.modes.${mode}`)}
                    <Typography.Text type="secondary"> — {t(`console.plans.modeHelp.${mode}`)}</Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        </FormSection>

        <FormSection id="sessions" title={t('console.plans.sections.sessions')} intro={t('console.plans.editor.sessionsIntro')}>
          <SessionsField at={at} venueNames={venueNames} eventDate={eventDate} dateExtra={<FilingDateNote eventDate={eventDate} today={today} />} />
          {!eventDate && <FilingDateNote eventDate={undefined} today={today} />}
        </FormSection>

        <FormSection id="venues" title={t('console.plans.sections.venues')} intro={t('console.plans.editor.venuesIntro')}>
          <VenuesField at={at} />
          <div className="plans-row">
            <Form.Item name="assemblyPoint" label={t('console.plans.fields.assemblyPoint')} {...at('assemblyPoint')} className="plans-cell-wide">
              <Input maxLength={LIMITS.assemblyPoint} />
            </Form.Item>
            <Form.Item name="transport" label={t('console.plans.fields.transport')} {...at('transport')} className="plans-cell-wide">
              <Input maxLength={LIMITS.transport} />
            </Form.Item>
          </div>
        </FormSection>

        <FormSection id="quotas" title={t('console.plans.sections.quotas')} intro={t('console.plans.editor.quotasIntro')}>
          <div className="plans-quota-grid">
            <div>
              <Form.List name="quotas">
                {(fields, { add, remove }) => (
                  <div role="group" aria-label={t('console.plans.fields.quotas')}>
                    {fields.map((field, i) => (
                      <div key={field.key} className="plans-row">
                        <Form.Item
                          name={[field.name, 'category']}
                          label={t('console.plans.editor.quotaCategory', { n: i + 1 })}
                          {...at(`quotas[${i}].category`, `quotas[${i}]`)}
                          className="plans-cell-venue"
                        >
                          <Select options={CATEGORIES.map((value) => ({ value, label: t(`console.plans.categories.${value}`) }))} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'places']} label={t('console.plans.editor.quotaPlaces', { n: i + 1 })} {...at(`quotas[${i}].places`)}>
                          <InputNumber min={1} max={LIMITS.capacity} precision={0} style={{ width: '8rem' }} />
                        </Form.Item>
                        <Button className="plans-row-button plans-danger" danger onClick={() => remove(field.name)} aria-label={t('console.plans.editor.removeQuota', { n: i + 1 })}>
                          {t('console.plans.editor.remove')}
                        </Button>
                      </div>
                    ))}
                    <Form.Item {...at('quotas')}>
                      <Button onClick={() => add({ category: undefined, places: null })} disabled={fields.length >= CATEGORIES.length}>
                        {t('console.plans.editor.addQuota')}
                      </Button>
                    </Form.Item>
                  </div>
                )}
              </Form.List>
              <Form.Item
                name="minOrdinaryPercent"
                label={t('console.plans.fields.minOrdinaryShare')}
                extra={t('console.plans.editor.shareHint')}
                {...at('minOrdinaryShare')}
              >
                <InputNumber min={0} max={100} precision={2} step={1} suffix="%" style={{ width: '10rem' }} />
              </Form.Item>
              <Form.Item name="mediaOutsideQuota" valuePropName="checked" {...at('mediaOutsideQuota')}>
                <Checkbox>{t('console.plans.fields.mediaOutsideQuota')}</Checkbox>
              </Form.Item>
            </div>
            <QuotaArithmeticPanel arithmetic={quotaArithmetic(body)} />
          </div>
        </FormSection>

        <FormSection id="eligibility" title={t('console.plans.sections.eligibility')}>
          <EligibilityFields at={at} districts={districtChoices(districts.data ?? [], i18n.language, initial.districts)} loading={districts.isPending} />
        </FormSection>

        <FormSection id="window" title={t('console.plans.sections.window')} intro={t('console.plans.editor.windowIntro')}>
          <div className="plans-row">
            <Form.Item name="publishAt" label={t('console.plans.fields.publishAt')} {...at('publishAt')}>
              <Input type="datetime-local" step={1} />
            </Form.Item>
            <Form.Item name="registrationOpensAt" label={t('console.plans.fields.registrationOpensAt')} {...at('registrationOpensAt')}>
              <Input type="datetime-local" step={1} />
            </Form.Item>
            <Form.Item name="registrationClosesAt" label={t('console.plans.fields.registrationClosesAt')} {...at('registrationClosesAt')}>
              <Input type="datetime-local" step={1} />
            </Form.Item>
          </div>
        </FormSection>

        <FormSection id="review" title={t('console.plans.sections.review')}>
          <Form.Item
            name="coSigningDepartments"
            label={t('console.plans.fields.coSigningDepartments')}
            extra={t('console.plans.editor.departmentsHint')}
            {...at('coSigningDepartments', ...values.coSigningDepartments.map((_d, i) => `coSigningDepartments[${i}]`))}
          >
            <Select mode="multiple" options={departmentOptions} loading={agencies.isPending} />
          </Form.Item>
          <NoticesField at={at} />
        </FormSection>

        <SaveBar
          problems={problems.problems}
          say={problems.say}
          sending={save}
          submitLabel={t('console.plans.editor.save')}
          backTo={plan ? `/console/plans/${plan.id}` : '/console/plans'}
          hint={<Typography.Text type="secondary">{t('console.plans.editor.saveHint')}</Typography.Text>}
        />
      </Form>
    </>
  );
}
