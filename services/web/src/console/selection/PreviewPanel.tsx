import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { sessionLabeller, type PublicOpenDay, type SelectionResult } from './open-day-sessions';
import { ToneTag } from './ToneTag';
import { applicantsByCategory, previewFill, type CategoryFill } from './quota-preview';

/** Before the draw (or while the group chooses): how each session's places will fill with the applicants as they stand. */
export function PreviewPanel({ openDay, result }: { openDay: PublicOpenDay; result: SelectionResult }) {
  const { t, i18n } = useTranslation();
  const applicants = useQuery({
    queryKey: ['console', 'selection', openDay.id, 'applicants', 'all'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/open-days/{id}/applicants', { params: { path: { id: openDay.id }, query: { limit: 500, ...(cursor ? { cursor } : {}) } } })))).items,
  });
  if (result.selectionMode === 'first-come') return <Alert type="info" showIcon title={t('console.selection.preview.firstCome')} />;
  if (applicants.isPending) return <ConsoleLoading />;
  if (applicants.isError) return <ConsoleError error={applicants.error} onRetry={() => void applicants.refetch()} />;
  const sessionName = sessionLabeller(openDay.sessions, i18n.language);
  const completed = new Set(result.sessions.filter((s) => s.completed).map((s) => s.sessionId));
  const open = openDay.sessions.filter((s) => !completed.has(s.sessionId));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(`console.selection.preview.intro.${result.selectionMode}`)}
      </Typography.Paragraph>
      {open.length === 0 && <ConsoleEmpty title={t('console.selection.preview.allDone')} />}
      {open.map((session) => {
        const preview = previewFill(
          { capacity: session.capacity, quotas: openDay.quotas, minOrdinaryShare: openDay.minOrdinaryShare, mediaOutsideQuota: openDay.mediaOutsideQuota },
          applicantsByCategory(applicants.data, session.sessionId),
        );
        const headingId = `preview-${session.sessionId}`;
        return (
          <section key={session.sessionId} aria-labelledby={headingId}>
            <Typography.Title level={2} id={headingId} className="console-section-title">
              {t('console.selection.preview.session', { session: sessionName(session.sessionId) })}
            </Typography.Title>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: '0.75rem' }}>
              <Descriptions.Item label={t('console.selection.preview.capacity')}>{preview.capacity}</Descriptions.Item>
              <Descriptions.Item label={t('console.selection.preview.taken')}>{preview.placesTaken}</Descriptions.Item>
              <Descriptions.Item label={t('console.selection.preview.empty')}>{preview.emptyPlaces}</Descriptions.Item>
              <Descriptions.Item label={t('console.selection.preview.reserved')}>{preview.reservedForOrdinary}</Descriptions.Item>
              <Descriptions.Item label={t('console.selection.preview.required')}>
                {t('console.selection.preview.requiredValue', { required: preview.requiredOrdinary, share: Math.round((openDay.minOrdinaryShare ?? 0) * 100) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('console.selection.preview.minimum')}>
                {preview.ordinaryShareMet ? (
                  <ToneTag tone="ok">{t('console.selection.preview.met')}</ToneTag>
                ) : (
                  <ToneTag tone="bad">{t(`console.selection.preview.notMet.${preview.shortfallCause}`)}</ToneTag>
                )}
              </Descriptions.Item>
            </Descriptions>
            <Table<CategoryFill>
              rowKey="category"
              size="small"
              pagination={false}
              dataSource={preview.categories}
              columns={[
                { title: t('console.selection.applicants.category'), key: 'category', render: (_v, row) => t(`console.selection.categories.${row.category}`) },
                { title: t('console.selection.preview.quota'), key: 'quota', render: (_v, row) => (row.fill === null ? t('console.selection.preview.outsideQuota') : row.quota === null ? t('console.selection.preview.noQuota') : row.quota) },
                { title: t('console.selection.preview.applicants'), dataIndex: 'applicants' },
                {
                  title: t('console.selection.preview.chosen'),
                  key: 'chosen',
                  render: (_v, row) =>
                    row.fill === null
                      ? t('console.selection.preview.mediaChosen')
                      : row.fill.least === row.fill.most
                        ? row.fill.most
                        : t('console.selection.preview.range', { least: row.fill.least, most: row.fill.most }),
                },
                {
                  title: t('console.selection.preview.note'),
                  key: 'note',
                  render: (_v, row) =>
                    row.noPlaces && row.applicants > 0
                      ? t('console.selection.preview.noPlaces')
                      : row.fill && row.applicants > row.fill.most
                        ? t(row.fill.least === row.fill.most ? 'console.selection.preview.waiting' : 'console.selection.preview.waitingAtLeast', { count: row.applicants - row.fill.most })
                        : '',
                },
              ]}
            />
          </section>
        );
      })}
    </Space>
  );
}
