import { APPLICANT_ANSWER_WORKING_DAYS } from '@openday/domain/calendar';
import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { Link, useSearchParams } from 'react-router';
import { shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { useAgencyNames } from '../api/agency-names';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';
import type { Role } from '../api/staff-session';
import { useStaffSession } from '../api/use-staff-session';
import { agencyChanges, CHANGE_QUEUE_KEY, changesToReview } from '../changes/use-changes';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import {
  agencyPlanItems,
  applicantItems,
  BUCKETS,
  bucketCounts,
  changeReturnedItems,
  changeReviewItems,
  cityOfficePlanItems,
  coverageItems,
  feedbackItems,
  flaggedItems,
  inBucket,
  kindWords,
  latePlanItems,
  openDaysToAnswer,
  openDayTitles,
  overdueFeedbackItems,
  ruleOf,
  timeLeft,
  todoLink,
  type Bucket,
  type TodoItem,
} from './todo-items';
import { answerDueDate } from './working-days';

type Plan = components['schemas']['PlanDto'];

const LIMIT = 100;

/** The role's home page: 待办 / 督办 / 已办 with counts, each item with the time left against its rule. */
export default function TodoPage() {
  const { t } = useTranslation();
  const session = useStaffSession();
  const role = session?.actor.role;
  // The clock re-evaluates the list each minute: an item past its time moves to 督办 by itself.
  const today = shanghaiDate(useNow(60_000));
  const sources = useTodoSources(role, session?.actor.agencyId, today);
  const [params, setParams] = useSearchParams();
  const tab = (BUCKETS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Bucket) : 'todo';
  const counts = bucketCounts(sources.items);

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.todo.title')}
      </Typography.Title>
      {sources.message && <Alert type={sources.urgent ? 'error' : 'warning'} showIcon title={sources.message} style={{ marginBottom: '1rem' }} />}
      {sources.pending ? (
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
  const agencyName = useAgencyNames();
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
                <Tag>{t(kindWords(item.kind).kind)}</Tag>
                {link ? <Link to={link}>{words}</Link> : <span>{words}</span>}
              </>
            );
          },
        },
        {
          title: t('console.todo.columns.about'),
          key: 'about',
          render: (_value, item) =>
            item.detail
              ? t(kindWords(item.kind).about, { ...item.detail, agency: agencyName(item.detail.agency), department: agencyName(item.detail.department) })
              : '',
        },
        {
          title: t('console.todo.columns.due'),
          key: 'due',
          className: 'console-todo-due',
          render: (_value, item) => {
            const rule = ruleOf(item.kind);
            return (
              <>
                {item.dueDate ?? t('console.todo.noDue')}
                {rule && <span className="console-todo-rule">{t(`console.todo.rules.${rule}`)}</span>}
              </>
            );
          },
        },
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

/** The lists are read again this often, so a new or newly overdue item shows without a reload. */
const REFRESH_MS = 60_000;

/** The lists each role's to-do items come from (only the role's own; the gateway keeps agencies apart). */
function useTodoSources(role: Role | undefined, agencyId: string | undefined, today: string): Sources {
  const { t } = useTranslation();
  const cityOffice = role === 'city-office';
  const agency = role === 'agency-admin' || role === 'agency-staff';
  const department = role === 'department-handler';
  const selectionGroup = role === 'reviewer' || agency;
  // Open items are read whole (every page of the statuses that wait); done ones from the newest page.
  // The city office also reads drafts and returned plans: those past their filing date are chased.
  const openStatuses = cityOffice ? (['submitted', 'draft', 'returned'] as const) : (['draft', 'returned', 'published'] as const);
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
    refetchInterval: REFRESH_MS,
  });
  // Changes to published open days: the city office's to review, the agency's returned ones to correct.
  const changes = useQuery({
    queryKey: cityOffice ? CHANGE_QUEUE_KEY : ['console', 'open-day-changes', 'agency', agencyId],
    queryFn: cityOffice ? changesToReview : agencyChanges,
    enabled: cityOffice || agency,
    refetchInterval: REFRESH_MS,
  });
  const coverage = useQuery({
    queryKey: ['console', 'calendar-coverage'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/working-calendar/coverage')),
    enabled: cityOffice,
    refetchInterval: REFRESH_MS,
  });
  const flagged = useQuery({
    queryKey: ['console', 'flagged-applications'],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/selection/flagged-applications', { params: { query: { limit: LIMIT } } })),
    enabled: cityOffice,
    refetchInterval: REFRESH_MS,
  });
  const feedback = useQuery({
    queryKey: ['console', 'department-feedback'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/department/feedback', { params: { query: { limit: LIMIT, ...(cursor ? { cursor } : {}) } } })))).items,
    enabled: department,
    refetchInterval: REFRESH_MS,
  });
  // Overdue answers (督办): only the open days whose figures count some are read item by item.
  const overdue = useQuery({
    queryKey: ['console', 'overdue-feedback', role, agencyId],
    queryFn: async () => {
      const openDayIds = cityOffice ? await cityOpenDaysWithOverdue() : await agencyOpenDaysWithOverdue(agencyId ?? '', plans.data ?? [], today);
      const lists = await Promise.all(
        openDayIds.map((id) =>
          allPages((cursor) =>
            unwrap(consoleApi.GET('/api/v1/open-days/{id}/feedback', { params: { path: { id }, query: { overdue: 'true', limit: LIMIT, ...(cursor ? { cursor } : {}) } } })),
          ),
        ),
      );
      return lists.flatMap((list) => list.items);
    },
    enabled: cityOffice || (agency && !!agencyId && plans.isSuccess),
    refetchInterval: REFRESH_MS,
  });
  const answering = useApplicantsToAnswer(selectionGroup ? agencyId : undefined, today);
  const applicants = useMemo(() => {
    if (!answering.data) return [];
    const { closed, unanswered, calendar } = answering.data;
    return applicantItems(closed, unanswered, (closedOn) => (calendar ? answerDueDate(closedOn, APPLICANT_ANSWER_WORKING_DAYS, calendar) : null), today);
  }, [answering.data, today]);

  const used = [
    cityOffice || agency ? plans : null,
    cityOffice || agency ? changes : null,
    cityOffice ? coverage : null,
    cityOffice ? flagged : null,
    department ? feedback : null,
    cityOffice || agency ? overdue : null,
    selectionGroup ? answering : null,
  ].filter((query) => query !== null);
  const items = useMemo(() => {
    if (cityOffice) {
      return [
        ...cityOfficePlanItems(plans.data ?? [], today),
        ...latePlanItems(plans.data ?? [], today),
        ...(coverage.data ? coverageItems(coverage.data) : []),
        ...flaggedItems(flagged.data?.items ?? [], openDayTitles(plans.data ?? [])),
        ...overdueFeedbackItems(overdue.data ?? []),
        ...changeReviewItems(changes.data ?? []),
      ];
    }
    if (agency) return [...agencyPlanItems(plans.data ?? [], today), ...changeReturnedItems(changes.data ?? []), ...overdueFeedbackItems(overdue.data ?? []), ...applicants];
    if (role === 'reviewer') return applicants;
    if (department) return feedbackItems(feedback.data ?? [], today);
    return [];
  }, [cityOffice, agency, department, role, plans.data, changes.data, coverage.data, flagged.data, feedback.data, overdue.data, applicants, today]);
  return {
    items,
    pending: used.some((query) => query.isPending),
    error: used.find((query) => query.isError)?.error ?? null,
    retry: () => used.forEach((query) => void query.refetch()),
    message: coverage.data?.missingYears.length ? t('console.todo.calendarMissing', { years: coverage.data.missingYears.join(', ') }) : undefined,
    urgent: coverage.data?.urgent,
  };
}

/** City office: the open days whose figures count overdue answers now. */
async function cityOpenDaysWithOverdue(): Promise<string[]> {
  const report = await unwrap(consoleApi.GET('/api/v1/reports/open-days'));
  return report.rows.filter((row) => row.overdueNow > 0).map((row) => row.openDayId);
}

/** Agency: its open days that have begun, when the agency's figures count overdue answers now. */
async function agencyOpenDaysWithOverdue(agencyId: string, plans: readonly Plan[], today: string): Promise<string[]> {
  const figures = await unwrap(consoleApi.GET('/api/v1/statistics/agencies/{agencyId}', { params: { path: { agencyId } } }));
  if (figures.figures.overdueNow === 0) return [];
  return plans.flatMap((plan) => (plan.status === 'published' && plan.openDayId && plan.firstSessionDate <= today ? [plan.openDayId] : []));
}

/**
 * Agency and selection group: the agency's open days ahead whose registration has closed, the
 * number of applicants still unanswered on each, and the official calendar to time them by.
 */
function useApplicantsToAnswer(agencyId: string | undefined, today: string) {
  return useQuery({
    queryKey: ['console', 'applicants-to-answer', agencyId, today],
    queryFn: async () => {
      const listed = await allPages((cursor) =>
        unwrap(consoleApi.GET('/api/v1/public/open-days', { params: { query: { agencyId: agencyId ?? '', from: today, limit: LIMIT, ...(cursor ? { cursor } : {}) } } })),
      );
      const closed = openDaysToAnswer(listed.items, Date.now(), today);
      const unanswered = new Map(
        await Promise.all(
          closed.map(async (day) => {
            const page = await unwrap(consoleApi.GET('/api/v1/open-days/{id}/applicants', { params: { path: { id: day.id }, query: { status: 'eligible', limit: 500 } } }));
            return [day.id, page.items.length] as const;
          }),
        ),
      );
      const calendar = closed.length === 0 ? null : await unwrap(consoleApi.GET('/api/v1/working-calendar'));
      return { closed, unanswered, calendar };
    },
    enabled: !!agencyId,
    refetchInterval: REFRESH_MS,
  });
}

function uniqueById<Item extends { id: string }>(items: readonly Item[]): Item[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
