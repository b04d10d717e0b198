import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { shanghaiTime } from '../../time/shanghai';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { DownloadButton } from '../shell/DownloadButton';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import type { DoorSession } from './door-sessions';
import { canRevoke, readRevocationReason, REVOCATION_REASON_MAX } from './revocation';
import { rosterFigures } from './roster-figures';

type AttendanceEntry = components['schemas']['AttendanceEntryDto'];

const ROSTER_REFRESH_MS = 5_000;

/** The session's live roster: counts, then everyone with their status (masked), and the CSV file. */
export function RosterPanel({ session }: { session: DoorSession }) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<AttendanceEntry | null>(null);
  const roster = useQuery({
    queryKey: ['console', 'roster', session.openDayId, session.sessionId],
    queryFn: () =>
      unwrap(
        consoleApi.GET('/api/v1/open-days/{id}/sessions/{sessionId}/roster', {
          params: { path: { id: session.openDayId, sessionId: session.sessionId }, query: { limit: 500 } },
        }),
      ),
    // Several tablets at one door: everyone's check-ins and revocations show within seconds.
    refetchInterval: ROSTER_REFRESH_MS,
  });
  return (
    <Card title={<h2 className="console-card-title">{t('console.checkIn.rosterTitle')}</h2>} extra={<CsvButton session={session} />}>
      {roster.isPending ? (
        <ConsoleLoading />
      ) : roster.isError ? (
        <ConsoleError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        <>
          <RosterStatistics counts={roster.data.counts} />
          <p className="console-hint">{t('console.checkIn.counts.updated', { at: shanghaiTime(roster.dataUpdatedAt), seconds: ROSTER_REFRESH_MS / 1000 })}</p>
          {roster.data.items.length === 0 ? (
            <ConsoleEmpty title={t('console.checkIn.roster.empty')} />
          ) : (
            <Table<AttendanceEntry>
              size="small"
              rowKey="ticketId"
              dataSource={roster.data.items}
              pagination={roster.data.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              columns={[
                { title: t('console.checkIn.roster.name'), dataIndex: 'maskedName', key: 'name' },
                { title: t('console.checkIn.roster.id'), dataIndex: 'maskedIdNumber', key: 'id' },
                { title: t('console.checkIn.roster.status'), key: 'status', render: (_v, entry) => t(`console.checkIn.status.${entry.status}`) },
                { title: t('console.checkIn.roster.at'), key: 'at', render: (_v, entry) => (entry.checkedInAt ? shanghaiTime(entry.checkedInAt) : '') },
                {
                  title: t('console.checkIn.roster.action'),
                  key: 'action',
                  render: (_v, entry) =>
                    canRevoke(entry.status) ? (
                      <Button size="small" danger onClick={() => setRevoking(entry)} aria-label={t('console.checkIn.revoke.buttonFor', { name: entry.maskedName })}>
                        {t('console.checkIn.revoke.button')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
          {revoking && <RevokeDialog entry={revoking} session={session} onClose={() => setRevoking(null)} />}
          {roster.data.nextCursor && <p className="console-hint">{t('console.checkIn.roster.more')}</p>}
        </>
      )}
    </Card>
  );
}

function RosterStatistics({ counts }: { counts: components['schemas']['RosterPageDto']['counts'] }) {
  const { t } = useTranslation();
  const figures = rosterFigures(counts);
  return (
    <div className="console-counts">
      <Statistic title={t('console.checkIn.counts.checkedIn')} value={figures.checkedIn} suffix={`/ ${figures.expected}`} />
      <Statistic title={t('console.checkIn.counts.waiting')} value={figures.waiting} />
      <Statistic title={t('console.checkIn.counts.noShow')} value={figures.noShow} />
      <Statistic title={t('console.checkIn.counts.revoked')} value={figures.revoked} />
    </div>
  );
}

/** The whole roster as CSV (UTF-8 with BOM, masked), saved under the server's name. */
function CsvButton({ session }: { session: DoorSession }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      label={t('console.checkIn.roster.csv')}
      fallbackName={`roster-${session.date}-${session.startsAt.replace(':', '')}.csv`}
      fetchFile={() =>
        consoleApi.GET('/api/v1/open-days/{id}/sessions/{sessionId}/roster.csv', {
          params: { path: { id: session.openDayId, sessionId: session.sessionId } },
          parseAs: 'blob',
        })
      }
    />
  );
}

/** Revoke an unused ticket with the reason the holder will be told; confirmed in a dialog. */
function RevokeDialog({ entry, session, onClose }: { entry: AttendanceEntry; session: DoorSession; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [showProblem, setShowProblem] = useState(false);
  const read = readRevocationReason(text);
  const problem = showProblem && 'problem' in read ? t(`console.checkIn.revoke.problem.${read.problem}`) : undefined;
  const revoke = useMutation({
    mutationFn: (reason: string) => unwrap(consoleApi.POST('/api/v1/tickets/{ticketId}/revocation', { params: { path: { ticketId: entry.ticketId } }, body: { reason } })),
    onSuccess: () => {
      void message.success(t('console.checkIn.revoke.done', { name: entry.maskedName }));
      onClose();
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['console', 'roster', session.openDayId, session.sessionId] }),
  });
  const confirm = () => {
    setShowProblem(true);
    if ('reason' in read) revoke.mutate(read.reason);
  };
  return (
    <Modal
      open
      title={t('console.checkIn.revoke.title', { name: entry.maskedName })}
      okText={t('console.checkIn.revoke.confirm')}
      cancelText={t('console.checkIn.revoke.cancel')}
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      onOk={confirm}
      onCancel={onClose}
    >
      <p>{t('console.checkIn.revoke.intro', { name: entry.maskedName, id: entry.maskedIdNumber })}</p>
      <label htmlFor="revoke-reason" className="console-label">
        {t('console.checkIn.revoke.reason')}
      </label>
      <Input.TextArea
        id="revoke-reason"
        value={text}
        rows={3}
        maxLength={REVOCATION_REASON_MAX}
        showCount
        onChange={(event) => setText(event.target.value)}
        status={problem ? 'error' : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby="revoke-reason-hint"
      />
      <p id="revoke-reason-hint" className={problem ? 'console-field-error' : 'console-hint'}>
        {problem ?? t('console.checkIn.revoke.reasonHint')}
      </p>
      {revoke.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(revoke.error), t)} />}
    </Modal>
  );
}
