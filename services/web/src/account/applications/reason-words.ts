import type { TFunction } from 'i18next';

/** Vetting's reason code in words; a code the portal does not know yet reads as "did not meet the conditions". */
export function reasonInWords(t: TFunction, reasonCode: string | null): string {
  const key = `account.reasons.${reasonCode}`;
  const known = reasonCode ? t(key, { defaultValue: '' }) : '';
  return known || t('account.reasons.unknown');
}
