import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { useAgencyNames } from '../api/agency-names';
import { consoleApi, unwrap } from '../api/console-client';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleError, ConsoleLoading } from '../shell/states';
import { BoardChart } from './BoardChart';
import { GroupTable, OpenDayList, Totals } from './BoardParts';
import {
  boardQuery,
  boardSearch,
  FIGURES,
  GROUP_CHARTS,
  listFilter,
  monthLabel,
  TABLE_FIGURES,
  yearChoices,
  type BoardQuery,
  type GroupChart,
  type Grouping,
  type StatisticsGroup,
} from './board';
import './statistics.css';

/**
 * The city's board (city office) or an agency's (its own staff; the city office any agency):
 * totals, charts by month and (city-wide) by agency with their numbers in a table, and the open
 * days behind the chosen bar.
 */
export default function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const session = useStaffSession();
  const cityOffice = session?.actor.role === 'city-office';
  const routeAgency = useParams().agencyId ?? null;
  const scopeAgency = routeAgency ?? (cityOffice ? null : (session?.actor.agencyId ?? null));
  const agencyName = useAgencyNames();
  const currentYear = Number(shanghaiDate(useNow(60 * 60_000)).slice(0, 4));
  const [params, setParams] = useSearchParams();
  const query = boardQuery(params, currentYear);
  const change = (next: Partial<BoardQuery>) => setParams(boardSearch({ ...query, ...next }));
  const yearParam = query.year === null ? {} : { year: String(query.year) };

  const board = useQuery({
    queryKey: ['console', 'statistics', scopeAgency ?? 'city', query.year],
    queryFn: () =>
      scopeAgency
        ? unwrap(consoleApi.GET('/api/v1/statistics/agencies/{agencyId}', { params: { path: { agencyId: scopeAgency }, query: yearParam } }))
        : unwrap(consoleApi.GET('/api/v1/statistics/city', { params: { query: yearParam } })),
  });
  const filter = listFilter(query, scopeAgency);
  const list = useQuery({
    queryKey: ['console', 'statistics', 'open-days', filter],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/statistics/open-days', { params: { query: filter } })),
  });

  const title = scopeAgency ? t('console.statistics.agencyTitle', { agency: agencyName(scopeAgency) }) : t('console.statistics.cityTitle');
  // Both tabs are built at once: each panel labels and chooses by its own kind of group.
  const groupLabel = (by: Grouping, key: string) => (by === 'agency' ? agencyName(key) : monthLabel(key, i18n.language, query.year === null));
  const choose = (by: Grouping, key: string) => {
    change(by === 'agency' ? { agency: key, month: null } : { month: key, agency: null });
    // The list is below the charts and the table: bring it into view.
    document.getElementById('statistics-list-section')?.scrollIntoView({ block: 'start' });
  };

  const listTitle = query.month
    ? t('console.statistics.list.monthTitle', { month: monthLabel(query.month, i18n.language, true) })
    : query.agency && !scopeAgency
      ? t('console.statistics.list.agencyTitle', { agency: agencyName(query.agency) })
      : query.year !== null
        ? t('console.statistics.list.yearTitle', { year: query.year })
        : t('console.statistics.list.allTitle');

  const groupsPanel = (by: Grouping, groups: readonly StatisticsGroup[]) => (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('console.statistics.charts.hint')}</Typography.Text>
      <Row gutter={[24, 24]}>
        {(Object.keys(GROUP_CHARTS) as GroupChart[]).map((chart) => (
          <Col key={chart} xs={24} xl={12}>
            <Card size="small" title={<h3 className="statistics-chart-title">{t(`console.statistics.charts.${chart}`)}</h3>}>
              <BoardChart
                name={chart}
                categories={groups.map((g) => groupLabel(by, g.key))}
                series={GROUP_CHARTS[chart].map((figure) => ({ name: t(`console.statistics.figures.${figure}`), values: groups.map((g) => FIGURES[figure](g)) }))}
                max={chart === 'scores' ? 5 : undefined}
                onPick={(index) => choose(by, groups[index].key)}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <Card size="small" title={<h3 className="statistics-chart-title">{t('console.statistics.notes.title')}</h3>}>
            <ul className="statistics-notes">
              <li>{t('console.statistics.notes.month')}</li>
              <li>{t('console.statistics.notes.noShows', { ended: board.data?.participation.ended ?? 0 })}</li>
              <li>{t('console.statistics.notes.overdue')}</li>
              <li>{t('console.statistics.notes.satisfaction')}</li>
            </ul>
          </Card>
        </Col>
      </Row>
      <section aria-label={t('console.statistics.table.caption', { by: t(`console.statistics.table.${by}`) })}>
        <GroupTable
          groups={groups}
          label={(key) => groupLabel(by, key)}
          heading={t(`console.statistics.table.${by}`)}
          chosen={by === 'agency' ? query.agency : query.month}
          onChoose={(key) => choose(by, key)}
        />
      </section>
    </Space>
  );

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.statistics.intro')}</Typography.Paragraph>
      <Space wrap size="middle" className="statistics-toolbar">
        <label htmlFor="statistics-year">{t('console.statistics.year')}</label>
        <Select<string>
          id="statistics-year"
          style={{ minWidth: 140 }}
          value={query.year === null ? 'all' : String(query.year)}
          onChange={(value) => change({ year: value === 'all' ? null : Number(value), month: null })}
          options={[
            ...yearChoices(currentYear).map((year) => ({ value: String(year), label: t('console.statistics.yearValue', { year }) })),
            { value: 'all', label: t('console.statistics.allYears') },
          ]}
        />
        {cityOffice && routeAgency && <Link to={`/console/statistics?${new URLSearchParams(boardSearch({ ...query, month: null, agency: null })).toString()}`}>{t('console.statistics.backToCity')}</Link>}
      </Space>

      {board.isPending ? (
        <ConsoleLoading />
      ) : board.isError ? (
        <ConsoleError error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <section aria-labelledby="statistics-totals">
            <Typography.Title level={2} id="statistics-totals" className="console-section-title">
              {t('console.statistics.totals')}
            </Typography.Title>
            <Totals view={board.data} figures={TABLE_FIGURES} />
          </section>
          {scopeAgency ? (
            <section aria-labelledby="statistics-groups">
              <Typography.Title level={2} id="statistics-groups" className="console-section-title">
                {t('console.statistics.byMonth')}
              </Typography.Title>
              {groupsPanel('month', board.data.byMonth)}
            </section>
          ) : (
            <Tabs
              activeKey={query.by}
              onChange={(by) => change({ by: by === 'agency' ? 'agency' : 'month', month: null, agency: null })}
              items={[
                { key: 'month', label: t('console.statistics.byMonth'), children: groupsPanel('month', board.data.byMonth) },
                { key: 'agency', label: t('console.statistics.byAgency'), children: groupsPanel('agency', board.data.byAgency) },
              ]}
            />
          )}
          <section aria-labelledby="statistics-list" id="statistics-list-section">
            <Space wrap align="baseline" size="middle">
              <Typography.Title level={2} id="statistics-list" className="console-section-title">
                {listTitle}
              </Typography.Title>
              {(query.month || query.agency) && <Button onClick={() => change({ month: null, agency: null })}>{t('console.statistics.list.clear')}</Button>}
              {cityOffice && query.agency && !scopeAgency && (
                <Link to={`/console/statistics/agencies/${query.agency}?${new URLSearchParams(boardSearch({ ...query, agency: null, by: 'month' })).toString()}`}>
                  {t('console.statistics.agencyBoard')}
                </Link>
              )}
            </Space>
            {list.isError ? (
              <ConsoleError error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <OpenDayList rows={list.data?.rows ?? []} loading={list.isPending} showAgency={!scopeAgency} agencyName={agencyName} />
            )}
          </section>
        </Space>
      )}
    </>
  );
}
