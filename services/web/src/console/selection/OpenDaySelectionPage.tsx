import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Descriptions, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../time/shanghai';
import { useAgencyNames } from '../api/agency-names';
import { consoleApi, unwrap } from '../api/console-client';
import { ConsoleError, ConsoleLoading } from '../shell/states';
import { ApplicantsPanel } from './ApplicantsPanel';
import { NoticePanel } from './NoticePanel';
import { PreviewPanel } from './PreviewPanel';
import { ResultPanel } from './ResultPanel';


const TABS = ['applicants', 'preview', 'result', 'notice'] as const;
type Tab = (typeof TABS)[number];

/** One open day's selection: its applicants, the preview of the places, the result and the public notice. */
export default function OpenDaySelectionPage() {
  const { t, i18n } = useTranslation();
  const { openDayId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const agencyName = useAgencyNames();
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'applicants';
  const openDay = useQuery({
    queryKey: ['console', 'selection', openDayId, 'open-day'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/public/open-days/{id}', { params: { path: { id: openDayId } } })),
  });
  const selection = useQuery({
    queryKey: ['console', 'selection', openDayId, 'result'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/open-days/{id}/selection', { params: { path: { id: openDayId } } })),
  });

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: '0.75rem' }}
      items={[{ title: <Link to="/console/selection">{t('console.selection.title')}</Link> }, { title: openDay.data?.title ?? t('console.selection.openDay') }]}
    />
  );
  if (openDay.isPending || selection.isPending) return <>{crumbs}<ConsoleLoading /></>;
  if (openDay.isError) return <>{crumbs}<ConsoleError error={openDay.error} onRetry={() => void openDay.refetch()} /></>;
  if (selection.isError) return <>{crumbs}<ConsoleError error={selection.error} onRetry={() => void selection.refetch()} /></>;

  const day = openDay.data;
  const result = selection.data;
  const language = i18n.language;
  return (
    <>
      {crumbs}
      <Typography.Title level={1} className="console-page-title">
        {day.title}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: '1rem' }} styles={{ label: { color: '#444' } }}>
        <Descriptions.Item label={t('console.selection.columns.mode')}>{t(`console.selection.modes.${result.selectionMode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('console.selection.columns.closes')}>
          {day.registrationClosesAt ? formatDateTime(day.registrationClosesAt, language) : t('console.selection.none')}
          {' · '}
          {result.registrationClosed ? t('console.selection.closed') : t('console.selection.open')}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.selection.places')}>
          {t('console.selection.placesValue', { places: day.places, share: Math.round((day.minOrdinaryShare ?? 0) * 100) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.selection.coSigning')}>
          {result.coSigningDepartments.length === 0 ? t('console.selection.none') : result.coSigningDepartments.map(agencyName).join('、')}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'applicants' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'applicants', label: t('console.selection.tabs.applicants'), children: <ApplicantsPanel openDay={day} result={result} /> },
          { key: 'preview', label: t('console.selection.tabs.preview'), children: <PreviewPanel openDay={day} result={result} /> },
          { key: 'result', label: t('console.selection.tabs.result'), children: <ResultPanel openDay={day} result={result} /> },
          { key: 'notice', label: t('console.selection.tabs.notice'), children: <NoticePanel openDay={day} /> },
        ]}
      />
    </>
  );
}
