import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../time/shanghai';
import { allPages } from '../api/all-pages';
import { useAgencyNames } from '../api/agency-names';
import { consoleApi, unwrap } from '../api/console-client';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { BoardChart } from './BoardChart';
import { AverageWords, Totals } from './BoardParts';
import { BAR_COLOURS, FIGURES, isFeedbackBar, itemsBehind, OPEN_DAY_FEEDBACK, OPEN_DAY_PARTICIPATION, type FeedbackBar, type FeedbackItem, type Figure, type StatisticsView } from './board';
import './statistics.css';

/** One open day's board: from applications to the door, its opinions by how far they got (a bar lists them), satisfaction and rating. */
export default function OpenDayBoardPage() {
  const { t, i18n } = useTranslation();
  const openDayId = useParams().openDayId ?? '';
  const session = useStaffSession();
  const agencyName = useAgencyNames();
  const [params, setParams] = useSearchParams();
  const barParam = params.get('bar');
  const bar = isFeedbackBar(barParam) ? barParam : null;
  const show = (next: FeedbackBar | null) => {
    setParams(next ? { bar: next } : {}, { replace: true });
    if (next) document.getElementById('statistics-items-section')?.scrollIntoView({ block: 'start' });
  };

  const board = useQuery({
    queryKey: ['console', 'statistics', 'open-day', openDayId],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/statistics/open-days/{id}', { params: { path: { id: openDayId } } })),
  });
  const items = useQuery({
    queryKey: ['console', 'statistics', 'open-day-items', openDayId],
    enabled: bar !== null,
    queryFn: async () =>
      (
        await allPages((cursor) =>
          unwrap(consoleApi.GET('/api/v1/open-days/{id}/feedback', { params: { path: { id: openDayId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } })),
        )
      ).items,
  });

  const back =
    session?.actor.role === 'city-office' && board.data?.agencyId ? `/console/statistics/agencies/${board.data.agencyId}` : '/console/statistics';

  if (board.isPending) return <ConsoleLoading />;
  if (board.isError) {
    return (
      <>
        <Typography.Title level={1} className="console-page-title">
          {t('console.menu.statistics')}
        </Typography.Title>
        <ConsoleError error={board.error} onRetry={() => void board.refetch()} />
      </>
    );
  }
  const view = board.data;
  const openDay = view.openDay;
  const dates = openDay?.firstDate
    ? [openDay.firstDate, openDay.lastDate]
        .filter((d, i, all): d is string => d !== null && all.indexOf(d) === i)
        .map((d) => formatDate(d, i18n.language, { weekday: false }))
        .join(' – ')
    : t('console.statistics.list.noDate');

  return (
    <>
      <Link to={back}>{t('console.statistics.openDay.back')}</Link>
      <Typography.Title level={1} className="console-page-title statistics-open-day-title">
        {t('console.statistics.openDay.heading', { title: openDay?.title ?? openDayId })}
      </Typography.Title>
      <Space wrap size="middle" className="statistics-toolbar">
        <Typography.Text type="secondary">{t('console.statistics.openDay.intro', { agency: agencyName(view.agencyId), dates })}</Typography.Text>
        <Tag>{openDay?.ended ? t('console.statistics.openDay.ended') : t('console.statistics.openDay.notEnded')}</Tag>
      </Space>

      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <section aria-labelledby="statistics-totals">
          <Typography.Title level={2} id="statistics-totals" className="console-section-title">
            {t('console.statistics.totals')}
          </Typography.Title>
          <Totals view={view} figures={['applications', 'checkedIn', 'collected', 'answered', 'satisfaction', 'rating']} />
        </section>
        <Typography.Text type="secondary">{t('console.statistics.charts.hint')}</Typography.Text>
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={12}>
            <FigureCard
              name="participation"
              view={view}
              heading={t('console.statistics.charts.participation')}
              caption={t('console.statistics.openDay.participationCaption')}
              figures={OPEN_DAY_PARTICIPATION}
              pending={openDay?.ended ? [] : ['noShows']}
            />
          </Col>
          <Col xs={24} xl={12}>
            <FigureCard
              name="feedback"
              view={view}
              heading={t('console.statistics.charts.feedback')}
              caption={t('console.statistics.openDay.feedbackCaption')}
              figures={OPEN_DAY_FEEDBACK}
              onPick={(figure) => show(figure as FeedbackBar)}
              chosen={bar}
            />
          </Col>
        </Row>
        <Card size="small" title={<h3 className="statistics-chart-title">{t('console.statistics.charts.scores')}</h3>}>
          <Space size="large" wrap>
            <span>
              {t('console.statistics.figures.satisfaction')}：<AverageWords value={view.figures.satisfaction.average} count={view.figures.satisfaction.count} />
            </span>
            <span>
              {t('console.statistics.figures.rating')}：<AverageWords value={view.figures.rating.average} count={view.figures.rating.count} />
            </span>
          </Space>
        </Card>
        {bar && (
          <section aria-labelledby="statistics-items" id="statistics-items-section">
            <Space wrap align="baseline" size="middle">
              <Typography.Title level={2} id="statistics-items" className="console-section-title">
                {t('console.statistics.items.title', {
                  figure: t(`console.statistics.figures.${bar}`),
                  count: items.data ? itemsBehind(bar, items.data).length : FIGURES[bar](view),
                })}
              </Typography.Title>
              <Button onClick={() => show(null)}>{t('console.statistics.list.clear')}</Button>
            </Space>
            {items.isPending ? (
              <ConsoleLoading />
            ) : items.isError ? (
              <ConsoleError error={items.error} onRetry={() => void items.refetch()} />
            ) : (
              <ItemList items={itemsBehind(bar, items.data)} agencyName={agencyName} />
            )}
          </section>
        )}
      </Space>
    </>
  );
}

/** A chart of one open day's figures with the same figures in a table beside it; `onPick` makes each bar (and row) open its list. */
function FigureCard({
  name,
  view,
  heading,
  caption,
  figures,
  pending = [],
  onPick,
  chosen,
}: {
  name: string;
  view: StatisticsView;
  heading: string;
  caption: string;
  figures: readonly Figure[];
  pending?: readonly Figure[];
  onPick?: (figure: Figure) => void;
  chosen?: Figure | null;
}) {
  const { t } = useTranslation();
  const label = (figure: Figure) => t(`console.statistics.figures.${figure}`);
  return (
    <Card size="small" title={<h3 className="statistics-chart-title">{heading}</h3>}>
      <Row gutter={16} align="middle">
        <Col xs={24} lg={14}>
          <BoardChart
            name={name}
            categories={figures.map(label)}
            series={[{ name: heading, values: figures.map((figure) => FIGURES[figure](view)) }]}
            colours={BAR_COLOURS}
            onPick={onPick ? (index) => onPick(figures[index]) : undefined}
            height={280}
          />
        </Col>
        <Col xs={24} lg={10}>
          <table className="statistics-figures">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.statistics.openDay.figure')}</th>
                <th scope="col">{t('console.statistics.openDay.count')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((figure) => (
                <tr key={figure} className={figure === chosen ? 'statistics-row-chosen' : undefined}>
                  <th scope="row">
                    {onPick ? (
                      <Button type="link" className="statistics-link-button" onClick={() => onPick(figure)}>
                        {label(figure)}
                      </Button>
                    ) : (
                      label(figure)
                    )}
                  </th>
                  <td>{pending.includes(figure) ? <Typography.Text type="secondary">{t('console.statistics.openDay.noShowsPending')}</Typography.Text> : FIGURES[figure](view)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Col>
      </Row>
    </Card>
  );
}

function ItemList({ items, agencyName }: { items: FeedbackItem[]; agencyName: (id: string | null) => string }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <ConsoleEmpty title={t('console.statistics.items.empty')} />;
  return (
    <Table<FeedbackItem>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      columns={[
        { title: t('console.statistics.items.submittedAt'), key: 'submittedAt', render: (_v, item) => formatDateTime(item.submittedAt, i18n.language) },
        { title: t('console.statistics.items.topic'), key: 'topic', render: (_v, item) => t(`console.statistics.items.topics.${item.topic}`) },
        { title: t('console.statistics.items.text'), key: 'text', render: (_v, item) => <span className="statistics-item-text">{item.text}</span> },
        {
          title: t('console.statistics.items.status'),
          key: 'status',
          render: (_v, item) => (
            <Space size="small" wrap>
              <span>{t(`console.statistics.items.statuses.${item.status}`)}</span>
              {item.overdue && <Tag className="console-tag-overdue">{t('console.statistics.items.overdue')}</Tag>}
            </Space>
          ),
        },
        { title: t('console.statistics.items.department'), key: 'department', render: (_v, item) => agencyName(item.departmentId) || '—' },
        { title: t('console.statistics.items.dueDate'), key: 'dueDate', render: (_v, item) => (item.dueDate ? formatDate(item.dueDate, i18n.language, { weekday: false }) : '—') },
        { title: t('console.statistics.items.outcome'), key: 'outcome', render: (_v, item) => (item.answer ? t(`console.statistics.items.outcomes.${item.answer.outcome}`) : '—') },
      ]}
    />
  );
}
