import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { consoleApi, unwrap } from '../api/console-client';
import type { Plan } from './plan-form';

/** The plan the address names (nothing is asked while it names none); `refetchInterval` for a page waiting on the plan to move on. */
export function usePlan(planId: string | null, refetchInterval?: (plan: Plan | undefined) => number | false) {
  return useQuery({
    queryKey: ['console', 'plans', planId],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/plans/{id}', { params: { path: { id: planId! } } })),
    enabled: planId !== null,
    ...(refetchInterval ? { refetchInterval: (query: { state: { data?: Plan } }) => refetchInterval(query.state.data) } : {}),
  });
}

/** Why the page cannot do its work on the plan in its present status, with the way back to the plan. */
export function NotInThisStatus({ plan, title }: { plan: Plan; title: string }) {
  const { t } = useTranslation();
  return <Alert type="info" showIcon title={title} action={<Link to={`/console/plans/${plan.id}`}>{t('console.plans.editor.toPlan')}</Link>} />;
}
