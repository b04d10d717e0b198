import { useTranslation } from 'react-i18next';
import type { Places } from './registration';

/** 名额 20 人 · 剩余 3 个 (what is left only where the gateway tells). */
export function PlacesLine({ places }: { places: Places }) {
  const { t } = useTranslation();
  const parts = [t('common.places', { count: places.total })];
  if (places.left !== undefined) parts.push(places.left > 0 ? t('common.placesLeft', { count: places.left }) : t('common.placesFull'));
  if (places.applied !== undefined) parts.push(t('common.applied', { count: places.applied }));
  return <span>{parts.join(' · ')}</span>;
}
