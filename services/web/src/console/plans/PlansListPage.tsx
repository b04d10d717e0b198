import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate, formatDateTime, shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import type { Plan } from './plan-form';
import { agencyPlanOrder, can, eventDates, filingState, PLAN_STATUSES, type PlanStatus } from './plan-status';
import { StatusTag } from './StatusTag';
import './plans.css';

/** /console/plans: the agency's plans, with their status, event dates and filing date; filter by status; a new plan. */
export default function PlansListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const today = shanghaiDate(useNow(60_000));
  const [params, setParams] = useSearchParams();
  const status = (PLAN_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as PlanStatus) : undefined;
  const plans = useQuery({
    queryKey: ['console', 'plans', 'agency-list', status ?? 'all'],
    queryFn: async () =>
      agencyPlanOrder(
        (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/plans', { params: { query: { limit: 100, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } })))).items,
      ),
  });

  return (
    <>
      <div className="plans-heading">
        <Typography.Title level={1} className="console-page-title">
          {t('console.plans.list.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => navigate('/console/plans/new')}>
          {t('console.plans.list.new')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('console.plans.list.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: '1rem' }}>
        <label htmlFor="plans-status-filter" className="plans-nowrap">
          {t('console.plans.list.filter')}
        </label>
        <Select
          id="plans-status-filter"
          style={{ width: '14rem', maxWidth: '100%' }}
          value={status ?? 'all'}
          onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: true })}
          options={[{ value: 'all', label: t('console.plans.list.all') }, ...PLAN_STATUSES.map((value) => ({ value, label: t(`console.plans.statuses.${value}`) }))]}
        />
      </Space>
      {plans.isPending ? (
        <ConsoleLoading />
      ) : plans.isError ? (
        <ConsoleError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <ConsoleEmpty title={status ? t('console.plans.list.emptyFiltered') : t('console.plans.list.empty')} />
      ) : (
        <Table<Plan>
          rowKey="id"
          dataSource={plans.data}
          pagination={plans.data.length > 20 ? { pageSize: 20 } : false}
          // On a phone the table scrolls sideways rather than breaking dates into a character a line.
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('console.plans.list.columns.title'),
              key: 'title',
              // Kept in view while the other columns scroll sideways on a phone.
              fixed: 'start',
              render: (_v, plan) => (
                <div className="plans-title-cell">
                  <Link to={`/console/plans/${plan.id}`}>{plan.title}</Link>
                </div>
              ),
            },
            {
              title: t('console.plans.list.columns.eventDates'),
              key: 'dates',
              className: 'plans-nowrap',
              render: (_v, plan) => eventDates(plan).map((date) => <div key={date}>{formatDate(date, i18n.language)}</div>),
            },
            { title: t('console.plans.list.columns.status'), key: 'status', className: 'plans-nowrap', render: (_v, plan) => <StatusTag status={plan.status} /> },
            {
              title: t('console.plans.list.columns.deadline'),
              key: 'deadline',
              className: 'plans-nowrap',
              render: (_v, plan) => {
                if (!plan.lastOnTimeFilingDate) return t('console.plans.filing.noDate');
                const late = can(plan.status, 'submit') && filingState(plan.lastOnTimeFilingDate, today).kind === 'late';
                return (
                  <Space size="small" wrap>
                    <span>{formatDate(plan.lastOnTimeFilingDate, i18n.language)}</span>
                    {late && <Tag className="console-tag-overdue">{t('console.plans.list.pastDeadline')}</Tag>}
                  </Space>
                );
              },
            },
            { title: t('console.plans.list.columns.updatedAt'), key: 'updated', className: 'plans-nowrap', render: (_v, plan) => formatDateTime(plan.updatedAt, i18n.language) },
          ]}
        />
      )}
    </>
  );
}
