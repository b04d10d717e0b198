import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/shanghai';
import { consoleApi, unwrap } from '../api/console-client';
import { useAgencies } from '../accounts/use-agencies';
import { CursorPager } from '../audit/CursorPager';
import { currentCursor, FIRST_PAGE, type CursorPages } from '../audit/cursor-pages';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { answerPreview, CHANNELS, deliveryQuery, DELIVERY_STATES, NO_DELIVERY_FILTERS, TEMPLATES, type Delivery, type DeliveryFilters } from './delivery-log';

const PAGE_SIZE = 50;

/** The delivery log of messages (city office): each message per channel with its status, attempts and the provider's answer; addresses masked by the API. */
export default function DeliveriesPage() {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const [filters, setFilters] = useState<DeliveryFilters>(NO_DELIVERY_FILTERS);
  const [pages, setPages] = useState<CursorPages>(FIRST_PAGE);
  const filter = (patch: Partial<DeliveryFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPages(FIRST_PAGE);
  };
  const query = deliveryQuery(filters, currentCursor(pages), PAGE_SIZE);
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
        <div>
          <label className="console-label" htmlFor="deliveries-status">
            {t('console.deliveries.filters.status')}
          </label>
          <Select
            id="deliveries-status"
            value={filters.status}
            style={{ width: '10rem' }}
            onChange={(status: DeliveryFilters['status']) => filter({ status })}
            options={[{ value: '', label: t('console.deliveries.filters.all') }, ...DELIVERY_STATES.map((status) => ({ value: status, label: t(`console.deliveries.states.${status}`) }))]}
          />
        </div>
        <div>
          <label className="console-label" htmlFor="deliveries-channel">
            {t('console.deliveries.filters.channel')}
          </label>
          <Select
            id="deliveries-channel"
            value={filters.channel}
            style={{ width: '9rem' }}
            onChange={(channel: DeliveryFilters['channel']) => filter({ channel })}
            options={[{ value: '', label: t('console.deliveries.filters.all') }, ...CHANNELS.map((channel) => ({ value: channel, label: t(`console.deliveries.channels.${channel}`) }))]}
          />
        </div>
        <div>
          <label className="console-label" htmlFor="deliveries-template">
            {t('console.deliveries.filters.template')}
          </label>
          <Select
            id="deliveries-template"
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.template}
            style={{ width: '13rem' }}
            onChange={(template: DeliveryFilters['template']) => filter({ template })}
            options={[{ value: '', label: t('console.deliveries.filters.all') }, ...TEMPLATES.map((template) => ({ value: template, label: t(`console.deliveries.templates.${template}`) }))]}
          />
        </div>
        <Button onClick={() => (setFilters(NO_DELIVERY_FILTERS), setPages(FIRST_PAGE))}>{t('console.deliveries.filters.clear')}</Button>
      </Space>
      {log.isPending ? (
        <ConsoleLoading />
      ) : log.isError ? (
        <ConsoleError error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <ConsoleEmpty title={t('console.deliveries.empty')} />
      ) : (
        <>
          <Table<Delivery>
            rowKey="deliveryId"
            size="small"
            loading={log.isFetching}
            dataSource={log.data.items}
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
          <CursorPager pages={pages} nextCursor={log.data.nextCursor} onChange={setPages} busy={log.isFetching} />
        </>
      )}
    </>
  );
}
