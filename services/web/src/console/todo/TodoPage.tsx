import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';
import type { Role } from '../api/staff-session';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import {
  agencyPlanItems,
  BUCKETS,
  bucketCounts,
  cityOfficePlanItems,
  coverageItems,
  feedbackItems,
  flaggedItems,
  inBucket,
  openDayTitles,
  timeLeft,
  todoLink,
  type Bucket,
  type TodoItem,
} from './todo-items';

const LIMIT = 100;

/** The role's home page: 待办 / 督办 / 已办 with counts, each item with the time left against its rule. */
export default function TodoPage() {
  const { t } = useTranslation();
  const session = useStaffSession();
  const role = session?.actor.role;
  const today = shanghaiDate(useNow(60_000));
  const sources = useTodoSources(role, today);
  const [params, setParams] = useSearchParams();
  const tab = (BUCKETS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Bucket) : 'todo';
  const counts = bucketCounts(sources.items);

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.todo.title')}
      </Typography.Title>
      {sources.message && <Alert type={sources.urgent ? 'error' : 'warning'} showIcon title={sources.message} style={{ marginBottom: '1rem' }} />}
      {role === 'reviewer' ? (
        <ConsoleEmpty title={t('console.todo.reviewerNone')} />
      ) : sources.pending ? (
        <ConsoleLoading />
      ) : sources.error ? (
        <ConsoleError error={sources.error} onRetry={sources.retry} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={BUCKETS.map((bucket) => ({
            key: bucket,
            label: t(`console.todo.tabs.${bucket}`, { count: counts[bucket] }),
            children: <TodoTable items={inBucket(sources.items, bucket)} bucket={bucket} today={today} />,
          }))}
        />
      )}
    </>
  );
}

function TodoTable({ items, bucket, today }: { items: TodoItem[]; bucket: Bucket; today: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <ConsoleEmpty title={t(`console.todo.empty.${bucket}`)} />;
  return (
    <Table<TodoItem>
      rowKey="id"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      columns={[
        {
          title: t('console.todo.columns.item'),
          key: 'item',
          render: (_value, item) => {
            const words = item.kind === 'calendar-year' ? t('console.todo.calendarYear', { year: item.subject }) : item.subject;
            const link = todoLink(item);
            return (
              <>
                <Tag>{t(`console.todo.kinds.${item.kind}`)}</Tag>
                {link ? <Link to={link}>{words}</Link> : <span>{words}</span>}
              </>
            );
          },
        },
        {
          title: t('console.todo.columns.about'),
          key: 'about',
          render: (_value, item) => (item.detail ? t(`console.todo.about.${item.kind}`, item.detail) : ''),
        },
        { title: t('console.todo.columns.due'), key: 'due', className: 'console-todo-due', render: (_value, item) => item.dueDate ?? t('console.todo.noDue') },
        {
          title: t('console.todo.columns.timeLeft'),
          key: 'left',
          className: 'console-todo-due',
          render: (_value, item) => {
            if (bucket === 'done') return t('console.todo.doneWord');
            const left = timeLeft(item.dueDate, today);
            const urgency = left.key === 'overdue' ? 'overdue' : left.key === 'today' || left.days <= 2 ? 'soon' : 'calm';
            return <Tag className={`console-tag-${urgency}`}>{t(`console.todo.timeLeft.${left.key}`, { count: left.days })}</Tag>;
          },
        },
      ]}
    />
  );
}

interface Sources {
  items: TodoItem[];
  pending: boolean;
  error: unknown;
  retry: () => void;
  message?: string;
  urgent?: boolean;
}

/** The lists each role's to-do items come from (only the role's own; the gateway keeps agencies apart). */
function useTodoSources(role: Role | undefined, today: string): Sources {
  const { t } = useTranslation();
  const cityOffice = role === 'city-office';
  const agency = role === 'agency-admin' || role === 'agency-staff';
  const department = role === 'department-handler';
  // Open items are read whole (every page of the statuses that wait); done ones from the newest page.
  const openStatuses = cityOffice ? (['submitted'] as const) : (['draft', 'returned'] as const);
  const plans = useQuery({
    queryKey: ['console', 'plans', 'todo', role],
    queryFn: async () => {
      const open = await Promise.all(
        openStatuses.map((status) =>
          allPages((cursor) => unwrap(consoleApi.GET('/api/v1/plans', { params: { query: { status, limit: LIMIT, ...(cursor ? { cursor } : {}) } } }))),
        ),
      );
      const newest = await unwrap(consoleApi.GET('/api/v1/plans', { params: { query: { limit: LIMIT } } }));
      return uniqueById([...open.flatMap((list) => list.items), ...newest.items]);
    },
    enabled: cityOffice || agency,
  });
  const coverage = useQuery({
    queryKey: ['console', 'calendar-coverage'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/working-calendar/coverage')),
    enabled: cityOffice,
  });
  const flagged = useQuery({
    queryKey: ['console', 'flagged-applications'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/selection/flagged-applications', { params: { query: { limit: LIMIT } } })),
    enabled: cityOffice,
  });
  const feedback = useQuery({
    queryKey: ['console', 'department-feedback'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/department/feedback', { params: { query: { limit: LIMIT, ...(cursor ? { cursor } : {}) } } })))).items,
    enabled: department,
  });
  const used = [cityOffice || agency ? plans : null, cityOffice ? coverage : null, cityOffice ? flagged : null, department ? feedback : null].filter(
    (query) => query !== null,
  );
  const items = useMemo(() => {
    if (cityOffice) {
      return [
        ...cityOfficePlanItems(plans.data ?? [], today),
        ...(coverage.data ? coverageItems(coverage.data) : []),
        ...flaggedItems(flagged.data?.items ?? [], openDayTitles(plans.data ?? [])),
      ];
    }
    if (agency) return agencyPlanItems(plans.data ?? [], today);
    if (department) return feedbackItems(feedback.data ?? [], today);
    return [];
  }, [cityOffice, agency, department, plans.data, coverage.data, flagged.data, feedback.data, today]);
  return {
    items,
    pending: used.some((query) => query.isPending),
    error: used.find((query) => query.isError)?.error ?? null,
    retry: () => used.forEach((query) => void query.refetch()),
    message: coverage.data?.missingYears.length ? t('console.todo.calendarMissing', { years: coverage.data.missingYears.join(', ') }) : undefined,
    urgent: coverage.data?.urgent,
  };
}

function uniqueById<Item extends { id: string }>(items: readonly Item[]): Item[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
