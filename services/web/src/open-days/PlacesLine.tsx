import { useTranslation } from 'react-i18next';
import { placesStatus, type Places } from './registration';

/** 名额 20 人 · 剩余 3 个 · 已报名 17 人, with what 0 left means under the selection mode. */
export function PlacesLine({ places }: { places: Places }) {
  const { t } = useTranslation();
  const status = placesStatus(places);
  const parts = [t('common.places', { count: places.total })];
  if (status === 'available') parts.push(t('common.placesLeft', { count: places.left ?? 0 }));
  if (status === 'full') parts.push(t('common.placesFull'));
  if (status === 'oversubscribed') parts.push(t('common.oversubscribed'));
  parts.push(t('common.applied', { count: places.applied }));
  return <span>{parts.join(' · ')}</span>;
}
