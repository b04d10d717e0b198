import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from './plan-status';

/** Tag colours with text dark enough on their background (AA). */
const COLOURS: Record<PlanStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  published: 'success',
  cancelled: 'error',
};

/** The plan's status in words. */
export function StatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`console.plans.statuses.${status}`)}</Tag>;
}
