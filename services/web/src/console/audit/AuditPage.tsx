import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/shanghai';
import { consoleApi, unwrap } from '../api/console-client';
import { useAgencies } from '../accounts/use-agencies';
import { FilterSelect } from '../shell/FilterSelect';
import { QueryStates } from '../shell/QueryStates';
import { useCursorFilters } from '../shell/use-cursor-filters';
import { auditQuery, AUDIT_ACTIONS, detailParts, isKnownAction, NO_FILTERS, PERSONAL_DATA_LISTS, TARGET_TYPES, type AuditEntry, type AuditFilters } from './audit-entries';
import { CursorPager } from './CursorPager';

const PAGE_SIZE = 50;

/** The city office's audit log of privileged actions, newest first, filtered as the API allows, page by page. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const { filters, filter, clear, pages, setPages, cursor } = useCursorFilters<AuditFilters>(NO_FILTERS);
  const query = auditQuery(filters, cursor, PAGE_SIZE);
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
    list: (list: string) => t(`console.audit.lists.${list}`),
  };

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.audit.intro')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: '1rem' }}>
        <FilterSelect
          id="audit-action"
          label={t('console.audit.filters.action')}
          allLabel={t('console.audit.filters.all')}
          searchable
          value={filters.action}
          width="14rem"
          onChange={(action) => filter({ action })}
          choices={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionWords(action) }))}
        />
        <FilterSelect
          id="audit-list"
          label={t('console.audit.filters.list')}
          allLabel={t('console.audit.filters.all')}
          value={filters.list}
          width="12rem"
          onChange={(list) => filter(list ? { list, action: 'personal-data.read' } : { list })}
          choices={PERSONAL_DATA_LISTS.map((list) => ({ value: list, label: t(`console.audit.lists.${list}`) }))}
        />
        <FilterSelect
          id="audit-target-type"
          label={t('console.audit.filters.targetType')}
          allLabel={t('console.audit.filters.all')}
          value={filters.targetType}
          width="10rem"
          onChange={(targetType) => filter({ targetType })}
          choices={TARGET_TYPES.map((type) => ({ value: type, label: t(`console.audit.targets.${type}`) }))}
        />
        <FilterSelect
          id="audit-agency"
          label={t('console.audit.filters.agency')}
          allLabel={t('console.audit.filters.all')}
          searchable
          value={filters.agencyId}
          width="16rem"
          onChange={(agencyId) => filter({ agencyId })}
          choices={agencies.list.map((agency) => ({ value: agency.id, label: agency.name }))}
        />
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
        <Button onClick={clear}>{t('console.audit.filters.clear')}</Button>
      </Space>
      <QueryStates query={log} isEmpty={(data) => data.items.length === 0} emptyTitle={t('console.audit.empty')}>
        {(data) => (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              loading={log.isFetching}
              dataSource={data.items}
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
            <CursorPager pages={pages} nextCursor={data.nextCursor} onChange={setPages} busy={log.isFetching} />
          </>
        )}
      </QueryStates>
    </>
  );
}
