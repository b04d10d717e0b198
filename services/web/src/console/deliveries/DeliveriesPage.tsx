import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/shanghai';
import { consoleApi, unwrap } from '../api/console-client';
import { useAgencies } from '../accounts/use-agencies';
import { CursorPager } from '../audit/CursorPager';
import { FilterSelect } from '../shell/FilterSelect';
import { QueryStates } from '../shell/QueryStates';
import { useCursorFilters } from '../shell/use-cursor-filters';
import { answerPreview, CHANNELS, deliveryQuery, DELIVERY_STATES, NO_DELIVERY_FILTERS, TEMPLATES, type Delivery, type DeliveryFilters } from './delivery-log';

const PAGE_SIZE = 50;

/** The delivery log of messages (city office): each message per channel with its status, attempts and the provider's answer; addresses masked by the API. */
export default function DeliveriesPage() {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const { filters, filter, clear, pages, setPages, cursor } = useCursorFilters<DeliveryFilters>(NO_DELIVERY_FILTERS);
  const query = deliveryQuery(filters, cursor, PAGE_SIZE);
  const log = useQuery({
    queryKey: ['console', 'deliveries', query],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/notifications/deliveries', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.deliveries.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.deliveries.intro')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: '1rem' }}>
        <FilterSelect
          id="deliveries-status"
          label={t('console.deliveries.filters.status')}
          allLabel={t('console.deliveries.filters.all')}
          value={filters.status}
          width="10rem"
          onChange={(status) => filter({ status })}
          choices={DELIVERY_STATES.map((status) => ({ value: status, label: t(`console.deliveries.states.${status}`) }))}
        />
        <FilterSelect
          id="deliveries-channel"
          label={t('console.deliveries.filters.channel')}
          allLabel={t('console.deliveries.filters.all')}
          value={filters.channel}
          width="9rem"
          onChange={(channel) => filter({ channel })}
          choices={CHANNELS.map((channel) => ({ value: channel, label: t(`console.deliveries.channels.${channel}`) }))}
        />
        <FilterSelect
          id="deliveries-template"
          label={t('console.deliveries.filters.template')}
          allLabel={t('console.deliveries.filters.all')}
          searchable
          value={filters.template}
          width="13rem"
          onChange={(template) => filter({ template })}
          choices={TEMPLATES.map((template) => ({ value: template, label: t(`console.deliveries.templates.${template}`) }))}
        />
        <Button onClick={clear}>{t('console.deliveries.filters.clear')}</Button>
      </Space>
      <QueryStates query={log} isEmpty={(data) => data.items.length === 0} emptyTitle={t('console.deliveries.empty')}>
        {(data) => (
          <>
            <Table<Delivery>
              rowKey="deliveryId"
              size="small"
              loading={log.isFetching}
              dataSource={data.items}
              pagination={false}
              columns={[
                { title: t('console.deliveries.columns.createdAt'), key: 'created', width: 160, render: (_v, d) => formatDateTime(d.createdAt, i18n.language) },
                { title: t('console.deliveries.columns.template'), key: 'template', render: (_v, d) => t(`console.deliveries.templates.${d.template}`) },
                { title: t('console.deliveries.columns.channel'), key: 'channel', render: (_v, d) => (d.channel ? t(`console.deliveries.channels.${d.channel}`) : t('console.deliveries.noChannel')) },
                {
                  title: t('console.deliveries.columns.recipient'),
                  key: 'recipient',
                  render: (_v, d) => (
                    <>
                      {t(`console.deliveries.recipients.${d.recipientKind}`)}
                      {d.recipientKind === 'department' && d.recipientId ? ` · ${agencies.nameOf(d.recipientId)}` : ''}
                      {d.address && (
                        <Typography.Text type="secondary" style={{ display: 'block' }}>
                          {d.address}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                {
                  title: t('console.deliveries.columns.status'),
                  key: 'status',
                  render: (_v, d) => <Tag className={d.status === 'failed' ? 'console-tag-overdue' : d.status === 'sent' ? undefined : 'console-tag-soon'}>{t(`console.deliveries.states.${d.status}`)}</Tag>,
                },
                { title: t('console.deliveries.columns.attempts'), key: 'attempts', align: 'right', render: (_v, d) => d.attempts },
                {
                  title: t('console.deliveries.columns.next'),
                  key: 'next',
                  render: (_v, d) => (d.nextAttemptAt && d.status === 'pending' ? formatDateTime(d.nextAttemptAt, i18n.language) : '—'),
                },
                {
                  title: t('console.deliveries.columns.answer'),
                  key: 'answer',
                  render: (_v, d) => (d.lastAnswer ? <span title={d.lastAnswer}>{answerPreview(d.lastAnswer)}</span> : '—'),
                },
                { title: t('console.deliveries.columns.updatedAt'), key: 'updated', width: 160, render: (_v, d) => formatDateTime(d.updatedAt, i18n.language) },
              ]}
            />
            <CursorPager pages={pages} nextCursor={data.nextCursor} onChange={setPages} busy={log.isFetching} />
          </>
        )}
      </QueryStates>
    </>
  );
}
