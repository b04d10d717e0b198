import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/shanghai';
import { consoleApi, unwrap } from '../api/console-client';
import { useAgencies } from '../accounts/use-agencies';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { auditQuery, AUDIT_ACTIONS, detailParts, isKnownAction, NO_FILTERS, TARGET_TYPES, type AuditEntry, type AuditFilters } from './audit-entries';
import { CursorPager } from './CursorPager';
import { currentCursor, FIRST_PAGE, type CursorPages } from './cursor-pages';

const PAGE_SIZE = 50;

/** The city office's audit log of privileged actions, newest first, filtered as the API allows, page by page. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [pages, setPages] = useState<CursorPages>(FIRST_PAGE);
  const filter = (patch: Partial<AuditFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPages(FIRST_PAGE);
  };
  const query = auditQuery(filters, currentCursor(pages), PAGE_SIZE);
  const log = useQuery({
    queryKey: ['console', 'audit-log', query],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/audit-log', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const actionWords = (action: string) => (isKnownAction(action) ? t(`console.audit.actions.${action}`) : action);
  const words = {
    label: (key: string) => t(`console.audit.details.${key}`),
    role: (role: string) => t(`console.roles.${role}`),
    yes: t('console.audit.yes'),
    no: t('console.audit.no'),
  };

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.audit.intro')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: '1rem' }}>
        <div>
          <label className="console-label" htmlFor="audit-action">
            {t('console.audit.filters.action')}
          </label>
          <Select
            id="audit-action"
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.action}
            style={{ width: '14rem' }}
            onChange={(action: string) => filter({ action })}
            options={[{ value: '', label: t('console.audit.filters.all') }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: actionWords(action) }))]}
          />
        </div>
        <div>
          <label className="console-label" htmlFor="audit-target-type">
            {t('console.audit.filters.targetType')}
          </label>
          <Select
            id="audit-target-type"
            value={filters.targetType}
            style={{ width: '10rem' }}
            onChange={(targetType: string) => filter({ targetType })}
            options={[{ value: '', label: t('console.audit.filters.all') }, ...TARGET_TYPES.map((type) => ({ value: type, label: t(`console.audit.targets.${type}`) }))]}
          />
        </div>
        <div>
          <label className="console-label" htmlFor="audit-agency">
            {t('console.audit.filters.agency')}
          </label>
          <Select
            id="audit-agency"
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.agencyId}
            style={{ width: '16rem' }}
            onChange={(agencyId: string) => filter({ agencyId })}
            options={[{ value: '', label: t('console.audit.filters.all') }, ...agencies.list.map((agency) => ({ value: agency.id, label: agency.name }))]}
          />
        </div>
        <div>
          <label className="console-label" htmlFor="audit-target-id">
            {t('console.audit.filters.targetId')}
          </label>
          <Input.Search id="audit-target-id" allowClear style={{ width: '16rem' }} onSearch={(targetId) => filter({ targetId })} enterButton={t('console.audit.filters.search')} />
        </div>
        {filters.actorId && (
          <Space size="small">
            <Tag>{t('console.audit.filters.actor', { id: filters.actorId.slice(0, 8) })}</Tag>
            <Button size="small" onClick={() => filter({ actorId: '' })}>
              {t('console.audit.filters.clearActor')}
            </Button>
          </Space>
        )}
        <Button onClick={() => (setFilters(NO_FILTERS), setPages(FIRST_PAGE))}>{t('console.audit.filters.clear')}</Button>
      </Space>
      {log.isPending ? (
        <ConsoleLoading />
      ) : log.isError ? (
        <ConsoleError error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <ConsoleEmpty title={t('console.audit.empty')} />
      ) : (
        <>
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            loading={log.isFetching}
            dataSource={log.data.items}
            pagination={false}
            columns={[
              { title: t('console.audit.columns.at'), key: 'at', width: 170, render: (_v, entry) => formatDateTime(entry.occurredAt, i18n.language) },
              { title: t('console.audit.columns.action'), key: 'action', render: (_v, entry) => <Tag>{actionWords(entry.action)}</Tag> },
              {
                title: t('console.audit.columns.actor'),
                key: 'actor',
                render: (_v, entry) =>
                  entry.actor ? (
                    <Space size="small" wrap>
                      <span>
                        {t(`console.roles.${entry.actor.role}`)}
                        {entry.actor.agencyId ? ` · ${agencies.nameOf(entry.actor.agencyId)}` : ''}
                      </span>
                      {filters.actorId !== entry.actor.userId && (
                        <Button size="small" onClick={() => filter({ actorId: entry.actor?.userId ?? '' })}>
                          {t('console.audit.onlyThisActor')}
                        </Button>
                      )}
                    </Space>
                  ) : (
                    t('console.audit.system')
                  ),
              },
              {
                title: t('console.audit.columns.target'),
                key: 'target',
                render: (_v, entry) => (
                  <>
                    {(TARGET_TYPES as readonly string[]).includes(entry.targetType) ? t(`console.audit.targets.${entry.targetType}`) : entry.targetType}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.75rem' }} copyable={{ text: entry.targetId, tooltips: [t('console.audit.copyId'), t('console.audit.copied')] }}>
                      {entry.targetId.length > 13 ? `${entry.targetId.slice(0, 8)}…` : entry.targetId}
                    </Typography.Text>
                  </>
                ),
              },
              { title: t('console.audit.columns.agency'), key: 'agency', render: (_v, entry) => agencies.nameOf(entry.agencyId) || '—' },
              {
                title: t('console.audit.columns.details'),
                key: 'details',
                render: (_v, entry) => {
                  const parts = detailParts(entry.details, words);
                  return parts.length === 0 ? '—' : parts.join('；');
                },
              },
            ]}
          />
          <CursorPager pages={pages} nextCursor={log.data.nextCursor} onChange={setPages} busy={log.isFetching} />
        </>
      )}
    </>
  );
}
