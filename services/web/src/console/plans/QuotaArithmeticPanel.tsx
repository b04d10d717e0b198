import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { capacityTone, type QuotaArithmetic } from './plan-rules';

/** The quota arithmetic as the agency types: sum against the smallest session, ordinary citizens against their minimum. */
export function QuotaArithmeticPanel({ arithmetic }: { arithmetic: QuotaArithmetic | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="plans-arithmetic" aria-labelledby="plans-arithmetic-title" aria-live="polite">
      <Typography.Title level={3} id="plans-arithmetic-title" className="plans-arithmetic-title">
        {t('console.plans.arithmetic.title')}
      </Typography.Title>
      {!arithmetic ? (
        <p>{t('console.plans.arithmetic.noCapacity')}</p>
      ) : (
        <ul>
          <li data-testid="arithmetic-sum">
            {t('console.plans.arithmetic.sum', { reserved: arithmetic.reserved, ordinary: arithmetic.ordinaryQuota, others: arithmetic.forOthers })}
          </li>
          <li data-testid="arithmetic-capacity" className={`plans-${capacityTone(arithmetic)}`}>
            {arithmetic.noQuotas
              ? t('console.plans.arithmetic.noQuotas', { capacity: arithmetic.smallest })
              : arithmetic.overBy > 0
              ? t('console.plans.arithmetic.over', { capacity: arithmetic.smallest, count: arithmetic.overBy })
              : arithmetic.unreserved > 0
                ? t('console.plans.arithmetic.free', { capacity: arithmetic.smallest, count: arithmetic.unreserved })
                : t('console.plans.arithmetic.full', { capacity: arithmetic.smallest })}
          </li>
          {arithmetic.ordinary.map((line) =>
            line.fullSession === 0 ? (
              <li key={line.capacity} data-testid="arithmetic-ordinary" className="plans-bad">
                {t('console.plans.arithmetic.nobody', { capacity: line.capacity })}
              </li>
            ) : (
              <li key={line.capacity} data-testid="arithmetic-ordinary" className={line.missing > 0 ? 'plans-bad' : 'plans-good'}>
                {t('console.plans.arithmetic.minimum', { capacity: line.capacity, percent: arithmetic.percent, fullSession: line.fullSession, required: line.required, available: line.available })}
                {line.missing > 0 ? t('console.plans.arithmetic.missing', { count: line.missing }) : t('console.plans.arithmetic.reached')}
              </li>
            ),
          )}
          <li>{t(arithmetic.mediaOutsideQuota ? 'console.plans.arithmetic.mediaOutside' : 'console.plans.arithmetic.mediaInside')}</li>
        </ul>
      )}
    </section>
  );
}
