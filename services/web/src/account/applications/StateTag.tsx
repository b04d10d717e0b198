import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { PersonState } from './application-state';
import { reasonInWords } from './reason-words';

const COLORS = { received: 'primary', selected: 'success', waitlisted: 'warning', rejected: 'danger', withdrawn: 'default' } as const;

/** A person's state in words; waitlisted says the place in the queue, rejected the reason. */
export function StateTag({ state }: { state: PersonState }) {
  const { t } = useTranslation();
  const label =
    state.state === 'waitlisted'
      ? state.position === null
        ? t('account.applications.state.waitlistedNoPosition')
        : t('account.applications.state.waitlisted', { position: state.position })
      : t(`account.applications.state.${state.state}`);
  return (
    <>
      <Tag color={COLORS[state.state]} fill="outline" className="acc-tag">
        {label}
      </Tag>
      {state.state === 'rejected' && <p className="acc-reason">{t('account.applications.rejectedBecause', { reason: reasonInWords(t, state.reasonCode) })}</p>}
    </>
  );
}
