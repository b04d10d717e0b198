import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from './plan-status';

/** The plan's status in words, in a colour per status with text dark enough on it (AA). */
export function StatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return <Tag className={`plans-status plans-status-${status}`}>{t(`console.plans.statuses.${status}`)}</Tag>;
}
