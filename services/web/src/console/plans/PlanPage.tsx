import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Descriptions, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useLocation, useParams } from 'react-router';
import { formatDate, formatDateTime, shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { consoleApi, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { OpenDayChanges } from '../changes/OpenDayChanges';
import { usePlan } from './plan-query';
import { FilingStateWords } from './PlanFormParts';
import type { Plan } from './plan-form';
import { can, eventDates, latestReturnComments, planIdFrom } from './plan-status';
import { PlanActions } from './PlanActions';
import { StatusTag } from './StatusTag';
import { useAgencies } from './PlanEditorPage';
import { districtNames } from './district-choices';
import { useDistricts } from './use-districts';
import './plans.css';

/** While approved, the page looks again now and then: publication happens at the publication time. */
const WAITING_FOR_PUBLICATION_MS = 3_000;

/** /console/plans/:id: the whole plan, the city office's comments, the history, and what the agency may do now. */
export default function PlanPage() {
  const { t } = useTranslation();
  const planId = planIdFrom(useParams().id);
  const plan = usePlan(planId, (data) => (data?.status === 'approved' ? WAITING_FOR_PUBLICATION_MS : false));
  const history = useQuery({
    queryKey: ['console', 'plans', planId, 'history', plan.data?.version],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/plans/{id}/history', { params: { path: { id: planId! } } })),
    enabled: planId !== null && plan.isSuccess,
  });
  if (planId === null) return <ConsoleEmpty title={t('console.plans.page.notFound')} />;
  if (plan.isPending) return <ConsoleLoading />;
  if (plan.isError) return <ConsoleError error={plan.error} onRetry={() => void plan.refetch()} />;
  return <PlanView plan={plan.data} history={history} />;
}

type History = UseQueryResult<Array<components['schemas']['PlanHistoryEntryDto']>>;

function PlanView({ plan, history }: { plan: Plan; history: History }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const today = shanghaiDate(useNow(60_000));
  const location = useLocation();
  // Said while the plan can still be edited; the history says when it was saved after that.
  const state = location.state as { saved?: boolean; changeFiled?: 'submitted' | 'applied' } | null;
  const saved = state?.saved === true && can(plan.status, 'edit');
  const returnComments = plan.status === 'returned' && history.data ? latestReturnComments(history.data) : null;
  const agencies = useAgencies();
  const districts = useDistricts();
  const agencyName = (id: string) => agencies.data?.find((agency) => agency.id === id)?.name ?? id;
  const none = t('console.plans.page.none');

  return (
    <>
      <div className="plans-heading">
        <Typography.Title level={1} className="console-page-title">
          {plan.title}
        </Typography.Title>
        <StatusTag status={plan.status} />
      </div>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {saved && <Alert type="success" showIcon role="status" title={t('console.plans.page.saved')} />}
        {plan.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            title={t('console.plans.page.returnedTitle')}
            description={returnComments ? t('console.plans.page.returnedComments', { comments: returnComments }) : undefined}
          />
        )}
        {plan.status === 'submitted' && <Alert type="info" showIcon title={t('console.plans.page.submittedNote')} />}
        {plan.status === 'approved' && <Alert type="info" showIcon title={t('console.plans.page.approvedNote', { at: formatDateTime(plan.publishAt, language) })} />}
        {plan.status === 'published' && <Alert type="success" showIcon title={t('console.plans.page.publishedNote', { at: formatDateTime(plan.publishAt, language) })} />}
        {plan.status === 'cancelled' && <Alert type="info" showIcon title={t('console.plans.page.cancelledNote')} />}
        <PlanActions plan={plan} today={today} />
        {plan.openDayId && <OpenDayChanges plan={plan} justFiled={state?.changeFiled} />}

        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'theme', label: t('console.plans.fields.theme'), children: plan.theme },
            { key: 'forms', label: t('console.plans.fields.forms'), children: plan.forms.map((form) => t(`console.plans.forms.${form}`)).join(t('console.plans.page.listSeparator')) },
            { key: 'mode', label: t('console.plans.fields.selectionMode'), children: t(`console.plans.modes.${plan.selectionMode}`) },
            {
              key: 'dates',
              label: t('console.plans.page.eventDates'),
              children: eventDates(plan)
                .map((date) => formatDate(date, language))
                .join(t('console.plans.page.listSeparator')),
            },
            {
              key: 'filing',
              label: t('console.plans.page.filingDate'),
              children: can(plan.status, 'submit') ? (
                <FilingStateWords lastOnTimeFilingDate={plan.lastOnTimeFilingDate} today={today} language={language} />
              ) : plan.lastOnTimeFilingDate ? (
                formatDate(plan.lastOnTimeFilingDate, language)
              ) : (
                t('console.plans.filing.noDate')
              ),
            },
            {
              key: 'window',
              label: t('console.plans.page.window'),
              children: t('console.plans.page.windowValue', { opens: formatDateTime(plan.registrationOpensAt, language), closes: formatDateTime(plan.registrationClosesAt, language) }),
            },
            { key: 'publish', label: t('console.plans.fields.publishAt'), children: formatDateTime(plan.publishAt, language) },
            {
              key: 'places',
              label: t('console.plans.page.places'),
              children: t('console.plans.page.placesValue', { total: plan.totalPlaces, share: Math.round(plan.minOrdinaryShare * 10_000) / 100 }),
            },
            {
              key: 'quotas',
              label: t('console.plans.fields.quotas'),
              children:
                plan.quotas.length === 0
                  ? none
                  : plan.quotas
                      .map((quota) => t('console.plans.page.quotaValue', { category: t(`console.plans.categories.${quota.category}`), places: quota.places }))
                      .join(t('console.plans.page.listSeparator')),
            },
            { key: 'media', label: t('console.plans.page.media'), children: t(plan.mediaOutsideQuota ? 'console.plans.page.mediaOutside' : 'console.plans.page.mediaInside') },
            {
              key: 'eligibility',
              label: t('console.plans.sections.eligibility'),
              // Two lines: the districts are a list of their own, which the separator would run into.
              children: (
                <>
                  <div>
                    {plan.eligibility.maxAge === null || plan.eligibility.maxAge === undefined
                      ? t('console.plans.page.ageFrom', { min: plan.eligibility.minAge })
                      : t('console.plans.page.ageRange', { min: plan.eligibility.minAge, max: plan.eligibility.maxAge })}
                  </div>
                  <div>
                    {plan.eligibility.districts.length === 0
                      ? t('console.plans.page.wholeCity')
                      : t('console.plans.page.districts', { districts: districtNames(districts.data ?? [], language, plan.eligibility.districts) })}
                  </div>
                </>
              ),
            },
            {
              key: 'venues',
              label: t('console.plans.fields.venues'),
              children:
                plan.venues.length === 0 ? (
                  none
                ) : (
                  <ol className="plans-plain-list">
                    {plan.venues.map((venue) => (
                      <li key={venue.name}>{venue.address ? t('console.plans.page.venueValue', { name: venue.name, address: venue.address }) : venue.name}</li>
                    ))}
                  </ol>
                ),
            },
            { key: 'assembly', label: t('console.plans.fields.assemblyPoint'), children: plan.assemblyPoint || none },
            { key: 'transport', label: t('console.plans.fields.transport'), children: plan.transport || none },
            {
              key: 'departments',
              label: t('console.plans.fields.coSigningDepartments'),
              children: plan.coSigningDepartments.length === 0 ? none : plan.coSigningDepartments.map(agencyName).join(t('console.plans.page.listSeparator')),
            },
            { key: 'submissions', label: t('console.plans.page.submissions'), children: plan.submissions },
            { key: 'updated', label: t('console.plans.list.columns.updatedAt'), children: formatDateTime(plan.updatedAt, language) },
          ]}
        />

        <section aria-labelledby="plan-sessions">
          <Typography.Title level={2} id="plan-sessions" className="console-section-title">
            {t('console.plans.sections.sessions')}
          </Typography.Title>
          {plan.sessions.map((session) => (
            <div key={session.id} className="plans-session">
              <Typography.Text strong>
                {t('console.plans.page.sessionValue', { date: formatDate(session.date, language), from: session.startsAt, to: session.endsAt, capacity: session.capacity })}
              </Typography.Text>
              {plan.mediaOutsideQuota && session.mediaPlaces > 0 && (
                <Typography.Text> {t('console.plans.page.mediaPlacesValue', { count: session.mediaPlaces })}</Typography.Text>
              )}
              <ul className="plans-plain-list">
                {session.agenda.map((item, index) => (
                  <li key={index}>
                    {item.venue
                      ? t('console.plans.page.agendaAt', { from: item.startsAt, to: item.endsAt, activity: item.activity, venue: item.venue })
                      : t('console.plans.page.agendaValue', { from: item.startsAt, to: item.endsAt, activity: item.activity })}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>

        <section aria-labelledby="plan-notices">
          <Typography.Title level={2} id="plan-notices" className="console-section-title">
            {t('console.plans.fields.notices')}
          </Typography.Title>
          {plan.notices.length === 0 ? (
            <Typography.Text type="secondary">{none}</Typography.Text>
          ) : (
            <ul className="plans-plain-list">
              {plan.notices.map((notice, index) => (
                <li key={index}>{notice}</li>
              ))}
            </ul>
          )}
        </section>

        <PlanHistory history={history} />
      </Space>
    </>
  );
}

function PlanHistory({ history }: { history: History }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="plan-history">
      <Typography.Title level={2} id="plan-history" className="console-section-title">
        {t('console.plans.history.title')}
      </Typography.Title>
      {history.isPending ? (
        <ConsoleLoading />
      ) : history.isError ? (
        <ConsoleError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <ConsoleEmpty title={t('console.plans.history.empty')} />
      ) : (
        <Timeline
          items={history.data.map((entry, index) => ({
            key: index,
            color: entry.action === 'returned' || entry.action === 'cancelled' ? 'red' : entry.action === 'published' || entry.action === 'approved' ? 'green' : 'blue',
            content: (
              <>
                <div>
                  <Typography.Text strong>{t(`console.plans.history.actions.${entry.action}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('console.plans.history.byWhom', {
                      at: formatDateTime(entry.at, i18n.language),
                      who: entry.actor ? t(`console.roles.${entry.actor.role}`) : t('console.plans.history.platform'),
                    })}
                  </Typography.Text>
                </div>
                {entry.comments && (
                  <div className="plans-history-comments">
                    {t(entry.action === 'changed' || entry.action === 'cancelled' ? 'console.plans.history.reason' : 'console.plans.history.comments', { comments: entry.comments })}
                  </div>
                )}
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}
