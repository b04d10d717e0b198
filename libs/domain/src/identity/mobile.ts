import { Parsed } from './parse-result';

export type MobileResult = Parsed<string, 'mobile'>;

const SEPARATORS = /[\s-]/g;
const MAINLAND_MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/** Reduces a mainland China mobile number, as people type it, to its 11 digits. */
export function normalizeMobile(input: unknown): MobileResult {
  const compact = typeof input === 'string' ? input.replace(SEPARATORS, '') : '';
  const match = MAINLAND_MOBILE.exec(compact);
  if (!match) {
    return {
      ok: false,
      rule: 'mobile',
      message: 'Mobile number: must be a mainland mobile number, 11 digits starting with 13–19, optionally after +86',
    };
  }
  return { ok: true, value: match[1] };
}
