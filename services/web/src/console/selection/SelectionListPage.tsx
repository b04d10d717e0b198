import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime } from '../../time/shanghai';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';

type OpenDay = components['schemas']['PublicOpenDayDto'];

/** The reviewer's agency's published open days, each opened to review its applicants and selection. */
export default function SelectionListPage() {
  const { t, i18n } = useTranslation();
  const agencyId = useStaffSession()?.actor.agencyId ?? undefined;
  const openDays = useQuery({
    queryKey: ['console', 'selection', 'open-days', agencyId],
    enabled: Boolean(agencyId),
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/public/open-days', { params: { query: { agencyId, limit: 100, ...(cursor ? { cursor } : {}) } } })))).items,
  });
  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.selection.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.selection.intro')}</Typography.Paragraph>
      {!agencyId ? (
        <ConsoleEmpty title={t('console.selection.noAgency')} />
      ) : openDays.isPending ? (
        <ConsoleLoading />
      ) : openDays.isError ? (
        <ConsoleError error={openDays.error} onRetry={() => void openDays.refetch()} />
      ) : openDays.data.length === 0 ? (
        <ConsoleEmpty title={t('console.selection.empty')} />
      ) : (
        <Table<OpenDay>
          rowKey="id"
          dataSource={openDays.data}
          pagination={openDays.data.length > 20 ? { pageSize: 20 } : false}
          columns={[
            {
              title: t('console.selection.columns.title'),
              key: 'title',
              render: (_v, day) => (
                <>
                  <Link to={`/console/selection/${day.id}`}>{day.title}</Link>
                  {day.status === 'cancelled' && <Tag style={{ marginInlineStart: 8 }}>{t('console.selection.cancelled')}</Tag>}
                </>
              ),
            },
            { title: t('console.selection.columns.date'), key: 'date', render: (_v, day) => formatDate(day.date, i18n.language) },
            { title: t('console.selection.columns.mode'), key: 'mode', render: (_v, day) => (day.selectionMode ? t(`console.selection.modes.${day.selectionMode}`) : t('console.selection.none')) },
            {
              title: t('console.selection.columns.closes'),
              key: 'closes',
              render: (_v, day) => (day.registrationClosesAt ? formatDateTime(day.registrationClosesAt, i18n.language) : t('console.selection.none')),
            },
            { title: t('console.selection.columns.applied'), key: 'applied', render: (_v, day) => t('console.selection.appliedValue', { applied: day.applied, places: day.places }) },
          ]}
        />
      )}
    </>
  );
}
