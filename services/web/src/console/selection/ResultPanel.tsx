import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { lotteryCheckLink } from '../../public-notice/lottery-check-link';
import { useDistrictNames } from './district-names';
import { ToneTag } from './ToneTag';
import { sessionLabeller, type PublicOpenDay, type SelectionResult } from './open-day-sessions';

type Applicant = components['schemas']['VettingApplicantDto'];
type SessionResult = SelectionResult['sessions'][number];

/** The result per session: who is selected, the waiting list in order, the minimum share, and what re-runs a lottery (commitment, secret, entry-list hash, seed) with the public re-run. */
export function ResultPanel({ openDay, result }: { openDay: PublicOpenDay; result: SelectionResult }) {
  const { t, i18n } = useTranslation();
  const sessionName = sessionLabeller(openDay.sessions, i18n.language);
  if (result.sessions.length === 0) return <Alert type="info" showIcon title={t('console.selection.result.none')} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {result.sessions.map((session) => (
        <SessionResultView key={session.sessionId} openDayId={result.openDayId} session={session} name={sessionName(session.sessionId)} />
      ))}
    </Space>
  );
}

function SessionResultView({ openDayId, session, name }: { openDayId: string; session: SessionResult; name: string }) {
  const { t } = useTranslation();
  const districtName = useDistrictNames();
  const headingId = `result-${session.sessionId}`;
  const people = (rows: Applicant[], waiting: boolean) =>
    rows.length === 0 ? (
      <Typography.Paragraph type="secondary">{waiting ? t('console.selection.result.noWaiting') : t('console.selection.result.noSelected')}</Typography.Paragraph>
    ) : (
      <Table<Applicant>
        rowKey="personId"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          ...(waiting ? [{ title: t('console.selection.result.position'), key: 'position', render: (_v: unknown, a: Applicant) => a.waitlistPosition }] : []),
          { title: t('console.selection.applicants.name'), dataIndex: 'maskedName' },
          { title: t('console.selection.applicants.idNumber'), dataIndex: 'maskedIdNumber' },
          { title: t('console.selection.applicants.category'), key: 'category', render: (_v, a) => t(`console.selection.categories.${a.category}`) },
          { title: t('console.selection.applicants.district'), key: 'district', render: (_v, a) => districtName(a.district) },
          {
            title: t('console.selection.applicants.status'),
            key: 'flags',
            render: (_v, a) => (a.awaitingJointReview ? <Tag>{t('console.selection.applicants.awaitingJointReview')}</Tag> : waiting ? t('console.selection.status.waitlisted') : t('console.selection.status.selected')),
          },
        ]}
      />
    );
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} className="console-section-title">
        {t('console.selection.result.session', { session: name })}{' '}
        <ToneTag tone={session.completed ? 'ok' : 'info'}>{session.completed ? t('console.selection.result.completed') : t('console.selection.result.inProgress')}</ToneTag>
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: '0.75rem' }}>
        <Descriptions.Item label={t('console.selection.result.taken')}>{t('console.selection.result.takenValue', { taken: session.placesTaken, capacity: session.capacity })}</Descriptions.Item>
        <Descriptions.Item label={t('console.selection.result.byCategory')}>
          {session.byCategory.length === 0 ? t('console.selection.none') : session.byCategory.map((c) => t('console.selection.result.categoryValue', { category: t(`console.selection.categories.${c.category}`), count: c.selected })).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.selection.preview.minimum')}>
          {session.ordinaryShareMet ? (
            <ToneTag tone="ok">{t('console.selection.preview.met')}</ToneTag>
          ) : (
            <ToneTag tone="bad">
              {t('console.selection.result.shortfall', { selected: session.shortfall?.selectedOrdinary ?? 0, required: session.shortfall?.required ?? 0 })}
            </ToneTag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.selection.result.rejected')}>{session.rejected}</Descriptions.Item>
      </Descriptions>
      {session.lottery && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: '0.75rem' }}
          title={t('console.selection.result.lottery')}
          description={
            <>
              {(['commitment', 'secret', 'entryListHash', 'seed'] as const).map((field) => {
                const value = session.lottery?.[field];
                return value ? (
                  <div key={field}>
                    {t(`console.selection.result.${field}`)}{' '}
                    <Typography.Text code copyable={{ text: value }} style={{ wordBreak: 'break-all' }}>
                      {value}
                    </Typography.Text>
                  </div>
                ) : null;
              })}
              <div>{t('console.selection.result.entries', { count: session.lottery.drawnOrder.length })}</div>
              <a href={lotteryCheckLink(openDayId, session.lottery)} target="_blank" rel="noreferrer">
                {t('console.selection.result.rerun')}
              </a>
            </>
          }
        />
      )}
      <Typography.Title level={3} className="console-section-title" style={{ fontSize: '1rem' }}>
        {t('console.selection.result.selected', { count: session.selected.length })}
      </Typography.Title>
      {people(session.selected, false)}
      <Typography.Title level={3} className="console-section-title" style={{ fontSize: '1rem', marginTop: '1rem' }}>
        {t('console.selection.result.waiting', { count: session.waitlisted.length })}
      </Typography.Title>
      {people(session.waitlisted, true)}
    </section>
  );
}
