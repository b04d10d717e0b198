import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatMonth, shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { consoleApi, unwrap } from '../api/console-client';
import { useAgencies } from '../accounts/use-agencies';
import { DownloadButton } from '../shell/DownloadButton';
import { FilterSelect } from '../shell/FilterSelect';
import { QueryStates } from '../shell/QueryStates';
import { exportFallbackName, filtersFromQuery, monthChoices, reportQuery, reportTotals, type ReportFilters, type ReportRow } from './report-table';

/** The city-wide table of open days with their figures, filtered by month and agency, with totals and the CSV/XLSX exports. */
export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const today = shanghaiDate(useNow(60 * 60_000));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromQuery(params);
  const setFilters = (next: ReportFilters) =>
    setParams({ ...(next.month ? { month: next.month } : {}), ...(next.agencyId ? { agency: next.agencyId } : {}) }, { replace: true });
  const agencies = useAgencies();
  const query = reportQuery(filters);
  const report = useQuery({
    queryKey: ['console', 'report', query],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/reports/open-days', { params: { query } })),
  });
  const rows = report.data?.rows ?? [];
  const totals = reportTotals(rows);
  const average = (value: number | null, count: number) => (value === null ? t('console.report.none') : t('console.report.average', { value: value.toFixed(2), count }));

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.report.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.report.intro')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: '1rem' }}>
        <FilterSelect
          id="report-month"
          label={t('console.report.month')}
          allLabel={t('console.report.allMonths')}
          searchable
          value={filters.month}
          width="11rem"
          onChange={(month) => setFilters({ ...filters, month })}
          choices={monthChoices(today).map((month) => ({ value: month, label: formatMonth(month, i18n.language) }))}
        />
        <FilterSelect
          id="report-agency"
          label={t('console.report.agency')}
          allLabel={t('console.report.allAgencies')}
          searchable
          value={filters.agencyId}
          width="18rem"
          onChange={(agencyId) => setFilters({ ...filters, agencyId })}
          choices={agencies.list.map((agency) => ({ value: agency.id, label: agency.name }))}
        />
        <Button onClick={() => setFilters({ month: '', agencyId: '' })} disabled={!filters.month && !filters.agencyId}>
          {t('console.report.clear')}
        </Button>
        <ExportButton format="csv" filters={filters} />
        <ExportButton format="xlsx" filters={filters} />
      </Space>
      <QueryStates query={report} isEmpty={() => rows.length === 0} emptyTitle={t('console.report.empty')}>
        {() => (
          <Table<ReportRow>
            rowKey="openDayId"
            size="small"
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            columns={[
              { title: t('console.report.columns.title'), key: 'title', width: 220, render: (_v, row) => row.title },
              { title: t('console.report.columns.agency'), key: 'agency', render: (_v, row) => agencies.nameOf(row.agencyId) },
              {
                title: t('console.report.columns.date'),
                key: 'date',
                render: (_v, row) =>
                  row.firstDate
                    ? row.lastDate && row.lastDate !== row.firstDate
                      ? `${formatDate(row.firstDate, i18n.language, { weekday: false })} – ${formatDate(row.lastDate, i18n.language, { weekday: false })}`
                      : formatDate(row.firstDate, i18n.language, { weekday: false })
                    : t('console.report.none'),
              },
              { title: t('console.report.columns.applications'), key: 'applications', align: 'right', render: (_v, row) => row.applications },
              { title: t('console.report.columns.selected'), key: 'selected', align: 'right', render: (_v, row) => row.selected },
              { title: t('console.report.columns.checkedIn'), key: 'checkedIn', align: 'right', render: (_v, row) => row.checkedIn },
              { title: t('console.report.columns.noShows'), key: 'noShows', align: 'right', render: (_v, row) => row.noShows ?? t('console.report.notEnded') },
              { title: t('console.report.columns.collected'), key: 'collected', align: 'right', render: (_v, row) => row.collected },
              { title: t('console.report.columns.answered'), key: 'answered', align: 'right', render: (_v, row) => row.answered },
              { title: t('console.report.columns.solved'), key: 'solved', align: 'right', render: (_v, row) => row.solved },
              {
                title: t('console.report.columns.overdue'),
                key: 'overdue',
                align: 'right',
                render: (_v, row) => (row.overdueNow > 0 ? <Tag className="console-tag-overdue">{row.overdueNow}</Tag> : 0),
              },
              { title: t('console.report.columns.satisfaction'), key: 'satisfaction', render: (_v, row) => average(row.satisfaction, row.satisfactionCount) },
              { title: t('console.report.columns.rating'), key: 'rating', render: (_v, row) => average(row.rating, row.ratingCount) },
              { title: t('console.report.columns.summary'), key: 'summary', render: (_v, row) => (row.summaryFiled ? t('console.report.filed') : t('console.report.notFiled')) },
            ]}
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row className="report-totals">
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <strong>{t('console.report.totals', { count: totals.openDays })}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{totals.applications}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{totals.selected}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">{totals.checkedIn}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">{totals.noShows ?? t('console.report.notEnded')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={7} align="right">{totals.collected}</Table.Summary.Cell>
                  <Table.Summary.Cell index={8} align="right">{totals.answered}</Table.Summary.Cell>
                  <Table.Summary.Cell index={9} align="right">{totals.solved}</Table.Summary.Cell>
                  <Table.Summary.Cell index={10} align="right">{totals.overdueNow}</Table.Summary.Cell>
                  <Table.Summary.Cell index={11}>{average(totals.satisfaction, totals.satisfactionCount)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={12}>{average(totals.rating, totals.ratingCount)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={13}>{t('console.report.summariesFiled', { count: totals.summariesFiled })}</Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        )}
      </QueryStates>
    </>
  );
}

/** One export of the table as filtered, saved under the server's name. */
function ExportButton({ format, filters }: { format: 'csv' | 'xlsx'; filters: ReportFilters }) {
  const { t } = useTranslation();
  const query = reportQuery(filters);
  return (
    <DownloadButton
      label={t(`console.report.export.${format}`)}
      fallbackName={exportFallbackName(filters, format)}
      fetchFile={() =>
        format === 'csv'
          ? consoleApi.GET('/api/v1/reports/open-days.csv', { params: { query }, parseAs: 'blob' })
          : consoleApi.GET('/api/v1/reports/open-days.xlsx', { params: { query }, parseAs: 'blob' })
      }
    />
  );
}
