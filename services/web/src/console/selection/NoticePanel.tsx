import { useQuery } from '@tanstack/react-query';
import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../time/shanghai';
import { lotteryCheckLink } from '../../public-notice/lottery-check-link';
import { consoleApi, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { sessionLabeller, type PublicOpenDay } from './open-day-sessions';

type Representative = components['schemas']['NoticedRepresentativeDto'];

/** The public notice (公示) exactly as the API gives it to citizens, with the link to the portal's page. */
export function NoticePanel({ openDay }: { openDay: PublicOpenDay }) {
  const { t, i18n } = useTranslation();
  const notice = useQuery({
    queryKey: ['console', 'selection', openDay.id, 'notice'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/public/open-days/{id}/public-notice', { params: { path: { id: openDay.id } } })),
  });
  const sessionName = sessionLabeller(openDay.sessions, i18n.language);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('console.selection.notice.intro')}{' '}
        <a href={`/open-days/${openDay.id}/public-notice`} target="_blank" rel="noreferrer" style={{ textDecoration: 'underline' }}>
          {t('console.selection.notice.portal')}
        </a>
      </Typography.Paragraph>
      {notice.isPending ? (
        <ConsoleLoading />
      ) : notice.isError ? (
        <ConsoleError error={notice.error} onRetry={() => void notice.refetch()} />
      ) : notice.data.sessions.length === 0 ? (
        <ConsoleEmpty title={t('console.selection.notice.empty')} />
      ) : (
        notice.data.sessions.map((session) => {
          const headingId = `notice-${session.sessionId}`;
          return (
            <section key={session.sessionId} aria-labelledby={headingId}>
              <Typography.Title level={2} id={headingId} className="console-section-title">
                {t('console.selection.notice.session', { session: sessionName(session.sessionId) })}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('console.selection.notice.published', { when: formatDateTime(session.publishedAt, i18n.language), revision: session.revision })}
              </Typography.Paragraph>
              <Table<Representative>
                rowKey={(person) => `${person.maskedIdentity}-${person.maskedName}`}
                size="small"
                pagination={false}
                dataSource={session.representatives}
                columns={[
                  { title: t('console.selection.applicants.name'), dataIndex: 'maskedName' },
                  { title: t('console.selection.applicants.idNumber'), dataIndex: 'maskedIdentity' },
                  {
                    title: t('console.selection.applicants.category'),
                    key: 'category',
                    render: (_v, person) => `${t(`console.selection.categories.${person.category}`)}${person.outsideQuota ? ` · ${t('console.selection.notice.outsideQuota')}` : ''}`,
                  },
                ]}
              />
              {session.lottery && (
                <Typography.Paragraph style={{ marginTop: '0.5rem' }}>
                  <a href={lotteryCheckLink(openDay.id, session.lottery)} target="_blank" rel="noreferrer">
                    {t('console.selection.result.rerun')}
                  </a>
                </Typography.Paragraph>
              )}
            </section>
          );
        })
      )}
    </Space>
  );
}
