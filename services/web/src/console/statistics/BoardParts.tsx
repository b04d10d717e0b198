import { Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../time/shanghai';
import { averageText, FIGURES, TABLE_FIGURES, type Figure, type OpenDayRow, type StatisticsGroup, type StatisticsView } from './board';

const AVERAGES: readonly Figure[] = ['satisfaction', 'rating'];

/** An average with how many gave it, or "none yet". */
export function AverageWords({ value, count }: { value: number | null; count: number }) {
  const { t } = useTranslation();
  const text = averageText(value);
  return <>{text === null ? t('console.statistics.noAverage') : t('console.statistics.average', { value: text, count })}</>;
}

/** The totals as figures to read at a glance (antd Statistic: a label and a number, read in order by screen readers). */
export function Totals({ view, figures }: { view: Pick<StatisticsView, 'openDays' | 'participation' | 'figures'>; figures: readonly Figure[] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} className="statistics-totals">
      {figures.map((figure) => (
        <Col key={figure} xs={12} md={8} xl={4}>
          <Card size="small">
            {AVERAGES.includes(figure) ? (
              <Statistic
                title={t(`console.statistics.figures.${figure}`)}
                value={averageText(FIGURES[figure](view)) ?? '—'}
                suffix={<span className="statistics-count">{t('console.statistics.responses', { count: countOf(view, figure) })}</span>}
              />
            ) : (
              <Statistic title={t(`console.statistics.figures.${figure}`)} value={FIGURES[figure](view) ?? 0} />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function countOf(view: Pick<StatisticsView, 'figures'>, figure: Figure): number {
  return figure === 'rating' ? view.figures.rating.count : view.figures.satisfaction.count;
}

/** The numbers behind the month or agency charts: one row per month or agency, each opening its list. */
export function GroupTable({
  groups,
  label,
  heading,
  chosen,
  onChoose,
}: {
  groups: readonly StatisticsGroup[];
  label: (key: string) => string;
  heading: string;
  chosen: string | null;
  onChoose: (key: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<StatisticsGroup>
      rowKey="key"
      size="small"
      dataSource={[...groups]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(group) => (group.key === chosen ? 'statistics-row-chosen' : '')}
      columns={[
        {
          title: heading,
          key: 'key',
          fixed: 'left',
          render: (_v, group) => (
            <Button type="link" className="statistics-link-button" onClick={() => onChoose(group.key)}>
              {label(group.key)}
            </Button>
          ),
        },
        ...TABLE_FIGURES.map((figure) => ({
          title: t(`console.statistics.figures.${figure}`),
          key: figure,
          align: 'right' as const,
          render: (_v: unknown, group: StatisticsGroup) => figureText(FIGURES[figure](group)),
        })),
      ]}
    />
  );
}

function figureText(value: number | null): ReactNode {
  return value === null ? '—' : (averageText(value) ?? '—');
}

/** The open days behind a bar, with their figures, each opening its own board. */
export function OpenDayList({ rows, showAgency, agencyName, loading }: { rows: readonly OpenDayRow[]; showAgency: boolean; agencyName: (id: string) => string; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const count = (key: keyof OpenDayRow) => ({
    title: t(`console.statistics.figures.${key}`),
    key,
    align: 'right' as const,
    render: (_v: unknown, row: OpenDayRow) => figureText(row[key] as number | null),
  });
  return (
    <Table<OpenDayRow>
      rowKey="openDayId"
      size="small"
      loading={loading}
      dataSource={[...rows]}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('console.statistics.list.empty') }}
      columns={[
        {
          title: t('console.statistics.list.title'),
          key: 'title',
          render: (_v, row) => <Link to={`/console/statistics/open-days/${row.openDayId}`}>{row.title}</Link>,
        },
        ...(showAgency ? [{ title: t('console.statistics.list.agency'), key: 'agency', render: (_v: unknown, row: OpenDayRow) => agencyName(row.agencyId) }] : []),
        {
          title: t('console.statistics.list.date'),
          key: 'date',
          render: (_v, row) => (row.firstDate ? formatDate(row.firstDate, i18n.language, { weekday: false }) : t('console.statistics.list.noDate')),
        },
        count('applications'),
        count('selected'),
        count('checkedIn'),
        {
          title: t('console.statistics.figures.noShows'),
          key: 'noShows',
          align: 'right' as const,
          render: (_v, row) => (row.noShows === null ? <Typography.Text type="secondary">{t('console.statistics.list.notEnded')}</Typography.Text> : row.noShows),
        },
        count('collected'),
        count('answered'),
        count('solved'),
        count('overdueNow'),
        count('satisfaction'),
        count('rating'),
      ]}
    />
  );
}
