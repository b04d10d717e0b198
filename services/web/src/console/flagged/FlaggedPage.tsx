import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatDateTime, shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';
import { useAgencies } from '../accounts/use-agencies';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { openDayTitles } from '../todo/todo-items';
import { flaggedOpenDays, flaggedRows, type FlaggedRow } from './flagged-rows';

/** Applications still unanswered 2 working days after their registration window closed (city office), the most overdue first. */
export default function FlaggedPage() {
  const { t, i18n } = useTranslation();
  const today = shanghaiDate(useNow(60_000));
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const openDayId = params.get('openDay') ?? '';
  const flagged = useQuery({
    queryKey: ['console', 'flagged-applications', 'all'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/selection/flagged-applications', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } })))).items,
    refetchInterval: 60_000,
  });
  // Published plans name their open days: the list says "走进水厂" rather than an id.
  const plans = useQuery({
    queryKey: ['console', 'plans', 'published'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/plans', { params: { query: { status: 'published', limit: 100, ...(cursor ? { cursor } : {}) } } })))).items,
    enabled: (flagged.data?.length ?? 0) > 0,
  });
  const rows = useMemo(() => flaggedRows(flagged.data ?? [], openDayTitles(plans.data ?? []), today), [flagged.data, plans.data, today]);
  const openDays = flaggedOpenDays(rows);
  const shown = openDayId ? rows.filter((row) => row.item.openDayId === openDayId) : rows;

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.flagged.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.flagged.intro')}</Typography.Paragraph>
      {flagged.isPending ? (
        <ConsoleLoading />
      ) : flagged.isError ? (
        <ConsoleError error={flagged.error} onRetry={() => void flagged.refetch()} />
      ) : rows.length === 0 ? (
        <ConsoleEmpty title={t('console.flagged.empty')} />
      ) : (
        <>
          <Space wrap align="center" style={{ marginBottom: '1rem' }}>
            <Typography.Text strong role="status">
              {t('console.flagged.summary', { count: rows.length, openDays: openDays.length })}
            </Typography.Text>
            <label htmlFor="flagged-open-day">{t('console.flagged.openDayFilter')}</label>
            <Select
              id="flagged-open-day"
              value={openDayId}
              style={{ width: '20rem' }}
              onChange={(value: string) => setParams(value ? { openDay: value } : {}, { replace: true })}
              options={[
                { value: '', label: t('console.flagged.allOpenDays') },
                ...openDays.map((day) => ({ value: day.openDayId, label: t('console.flagged.openDayOption', { title: day.openDay, count: day.count }) })),
              ]}
            />
          </Space>
          <Table<FlaggedRow>
            rowKey={(row) => row.item.applicationId}
            size="small"
            dataSource={shown}
            pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            columns={[
              { title: t('console.flagged.columns.openDay'), key: 'openDay', render: (_v, row) => row.openDay },
              { title: t('console.flagged.columns.agency'), key: 'agency', render: (_v, row) => agencies.nameOf(row.item.agencyId) },
              {
                title: t('console.flagged.columns.application'),
                key: 'application',
                render: (_v, row) => <Typography.Text code title={row.item.applicationId}>{row.item.applicationId.slice(0, 8)}</Typography.Text>,
              },
              { title: t('console.flagged.columns.state'), key: 'state', render: (_v, row) => t(`console.flagged.states.${row.item.state}`) },
              { title: t('console.flagged.columns.due'), key: 'due', render: (_v, row) => formatDate(row.item.answerDueDate, i18n.language) },
              {
                title: t('console.flagged.columns.overdue'),
                key: 'overdue',
                render: (_v, row) => (
                  <Tag className="console-tag-overdue">{row.daysOverdue === 0 ? t('console.flagged.dueToday') : t('console.flagged.overdueDays', { count: row.daysOverdue })}</Tag>
                ),
              },
              { title: t('console.flagged.columns.flaggedAt'), key: 'flaggedAt', render: (_v, row) => formatDateTime(row.item.flaggedAt, i18n.language) },
            ]}
          />
        </>
      )}
    </>
  );
}
