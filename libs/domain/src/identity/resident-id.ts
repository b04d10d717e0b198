import { CalendarDate, compareDates, isCalendarDate, toCalendarDate } from '../calendar';
import { Parsed } from './parse-result';

export type ResidentIdKind = 'resident' | 'hk-macau-permit' | 'taiwan-permit';
export type ResidentIdRule = 'format' | 'checksum' | 'birthDate' | 'region';

export interface ResidentId {
  /** 18 characters, check character X in upper case. */
  normalized: string;
  birthDate: CalendarDate;
  sex: 'male' | 'female';
  regionCode: string;
  kind: ResidentIdKind;
}

export type ResidentIdResult = Parsed<ResidentId, ResidentIdRule>;

const SHAPE = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE: CalendarDate = '1900-01-01';

// GB/T 2260 province-level codes; residence permits for people from Hong Kong, Macau (81, 82)
// and Taiwan (83) reuse the ID format with these pseudo-province codes.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71',
]);
const PERMITS: Partial<Record<string, ResidentIdKind>> = {
  '81': 'hk-macau-permit',
  '82': 'hk-macau-permit',
  '83': 'taiwan-permit',
};

/** The check character for the first 17 digits of an ID number (weights and mapping from GB 11643). */
export function residentIdCheckCharacter(first17Digits: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17Digits[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Parses a PRC resident identity number (GB 11643-1999) or a Hong Kong/Macau/Taiwan residence
 * permit number. `today` is the 'YYYY-MM-DD' date in Asia/Shanghai; birth dates after it are refused.
 */
export function parseResidentId(input: unknown, today: string): ResidentIdResult {
  const todayDate = toCalendarDate(today);
  const normalized = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (!SHAPE.test(normalized)) {
    return failure('format', 'Resident ID format: must be 18 characters, 17 digits followed by a digit or X');
  }
  if (residentIdCheckCharacter(normalized) !== normalized[17]) {
    return failure('checksum', 'Resident ID checksum: the last character does not match the first 17 digits');
  }

  const regionCode = normalized.slice(0, 6);
  const kind = kindOf(regionCode);
  if (!kind) {
    return failure('region', `Resident ID region: ${regionCode} is not a province, Hong Kong, Macau or Taiwan code`);
  }

  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) return birthDateFailure(birthDate, 'is not a real calendar date');
  if (compareDates(birthDate, EARLIEST_BIRTH_DATE) < 0) return birthDateFailure(birthDate, 'is before 1900');
  if (compareDates(birthDate, todayDate) > 0) return birthDateFailure(birthDate, 'is in the future');

  return {
    ok: true,
    value: {
      normalized,
      birthDate,
      sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
      regionCode,
      kind,
    },
  };
}

/**
 * Age in whole years on `onDate` (both 'YYYY-MM-DD'); a year is added on the birthday itself.
 * Someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  if (compareDates(toCalendarDate(onDate), toCalendarDate(birthDate)) < 0) {
    throw new RangeError(`ageOn: ${onDate} is before the birth date ${birthDate}`);
  }
  const birth = partsOf(birthDate);
  const on = partsOf(onDate);
  const leapling = birth.month === 2 && birth.day === 29 && !isLeapYear(on.year);
  const birthday = leapling ? { month: 3, day: 1 } : birth;
  const hadBirthday = on.month > birthday.month || (on.month === birthday.month && on.day >= birthday.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

function kindOf(regionCode: string): ResidentIdKind | undefined {
  const province = regionCode.slice(0, 2);
  return PERMITS[province] ?? (PROVINCES.has(province) ? 'resident' : undefined);
}

function partsOf(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function failure(rule: ResidentIdRule, message: string): ResidentIdResult {
  return { ok: false, rule, message };
}

function birthDateFailure(birthDate: string, problem: string): ResidentIdResult {
  return failure('birthDate', `Resident ID birth date: ${birthDate} ${problem}`);
}
