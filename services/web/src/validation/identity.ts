/**
 * The checks a citizen's answers must pass before they are sent: the very same
 * functions the services use (libs/domain/src/identity, plain and browser-safe),
 * so the form and the server never disagree.
 */
import { ageOn, normalizeMobile, parseCreditCode, parseResidentId } from '@openday/domain/identity';
import { shanghaiDate } from '../time/shanghai';

export { maskMobile, maskName, maskResidentId } from '@openday/domain/identity';

/** The translation key (under `validation.`) of what is wrong, or undefined when the value is fine. */
export type ValidationKey = 'required' | 'residentIdFormat' | 'residentIdChecksum' | 'residentIdBirthDate' | 'residentIdRegion' | 'mobile' | 'creditCodeFormat' | 'creditCodeChecksum';

/** Resident ID (GB 11643): 17 digits and a check character; lower-case x is X; the birth date must be real and past. */
export function residentIdProblem(value: string, today = shanghaiDate()): ValidationKey | undefined {
  if (!value.trim()) return 'required';
  const parsed = parseResidentId(value, today);
  if (parsed.ok) return undefined;
  const keys = { format: 'residentIdFormat', checksum: 'residentIdChecksum', birthDate: 'residentIdBirthDate', region: 'residentIdRegion' } as const;
  return keys[parsed.rule];
}

/** The ID number as the server stores it (upper-case X, no spaces), or undefined when it is not valid. */
export function normalizedResidentId(value: string, today = shanghaiDate()): string | undefined {
  const parsed = parseResidentId(value, today);
  return parsed.ok ? parsed.value.normalized : undefined;
}

/** Age in whole years on a date ('YYYY-MM-DD', e.g. the open day's), from the birth date inside the ID. */
export function ageFromResidentId(value: string, onDate: string, today = shanghaiDate()): number | undefined {
  const parsed = parseResidentId(value, today);
  if (!parsed.ok || parsed.value.birthDate > onDate) return undefined;
  return ageOn(parsed.value.birthDate, onDate);
}

/** Mainland mobile: 11 digits from 13–19; +86, spaces and dashes are accepted. */
export function mobileProblem(value: string): ValidationKey | undefined {
  if (!value.trim()) return 'required';
  return normalizeMobile(value).ok ? undefined : 'mobile';
}

/** The 11 digits of a mobile number as people type it, or undefined. */
export function normalizedMobile(value: string): string | undefined {
  const parsed = normalizeMobile(value);
  return parsed.ok ? parsed.value : undefined;
}

/** Unified social credit code (GB 32100): 18 characters with a check character; either case. */
export function creditCodeProblem(value: string): ValidationKey | undefined {
  if (!value.trim()) return 'required';
  const parsed = parseCreditCode(value);
  if (parsed.ok) return undefined;
  return parsed.rule === 'format' ? 'creditCodeFormat' : 'creditCodeChecksum';
}
