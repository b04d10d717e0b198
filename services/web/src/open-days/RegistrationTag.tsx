import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { RegistrationState } from './registration';

const COLORS: Record<RegistrationState, string> = {
  open: 'success',
  upcoming: 'primary',
  closed: 'default',
  none: 'default',
  cancelled: 'danger',
};

export function RegistrationTag({ state }: { state: RegistrationState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} fill={state === 'open' ? 'solid' : 'outline'}>
      {t(`common.registration.${state}`)}
    </Tag>
  );
}
