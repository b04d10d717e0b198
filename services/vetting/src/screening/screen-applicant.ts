import { ageProblem, CalendarDate, compareDates } from '@openday/domain';
import { monthsBefore } from './months-before';

export interface ScreenedApplicant {
  /** The keyed hash of the normalised resident ID: one person, whatever case their X is in. */
  personKey: string;
  birthDate: CalendarDate;
  /** Where the person lives, works or studies, as the application states it. */
  district: string;
}

export interface OpenDayEligibility {
  /** The date of the session applied for: age counts on this day. */
  eventDate: CalendarDate;
  minAge: number;
  maxAge: number | null;
  /** Districts whose residents, workers and students may come; empty when anyone may. */
  districts: readonly string[];
}

export interface NoShowRecord {
  personKey: string;
  /** The date of the open day the person failed to attend without notice. */
  eventDate: CalendarDate;
}

export interface ScreeningContext {
  /** Person keys of the applications to this open day that came before this one. */
  earlierApplicants: ReadonlySet<string>;
  /** The no-show register; records of other people and older ones are ignored. */
  noShows: readonly NoShowRecord[];
  /** How many months before the event a no-show still counts, e.g. 12. */
  noShowLookBackMonths: number;
}

export type ScreeningReasonCode =
  | 'age-below-minimum'
  | 'age-above-maximum'
  | 'district-not-eligible'
  | 'duplicate-application'
  | 'no-show-record';

/** Why an applicant cannot be selected, told to them in Chinese and English. */
export interface ScreeningReason {
  code: ScreeningReasonCode;
  zh: string;
  en: string;
}

export type ScreeningResult = { eligible: true } | { eligible: false; reasons: ScreeningReason[] };

/** Every eligibility rule the applicant breaks, so they learn all of them at once. */
export function screenApplicant(
  applicant: ScreenedApplicant,
  openDay: OpenDayEligibility,
  context: ScreeningContext,
): ScreeningResult {
  const reasons = [
    ageReason(applicant, openDay),
    districtReason(applicant, openDay),
    duplicateReason(applicant, context),
    noShowReason(applicant, openDay, context),
  ].filter((reason): reason is ScreeningReason => reason !== null);
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}

function ageReason(applicant: ScreenedApplicant, openDay: OpenDayEligibility): ScreeningReason | null {
  const { eventDate, minAge, maxAge } = openDay;
  const problem = ageProblem(applicant.birthDate, eventDate, openDay);
  if (!problem) return null;
  const { age } = problem;
  if (problem.rule === 'age-below-minimum') {
    return {
      code: 'age-below-minimum',
      zh: `活动当天（${eventDate}）年龄为 ${age} 周岁，未满最低年龄 ${minAge} 周岁`,
      en: `Aged ${age} on the day of the event (${eventDate}), under the minimum age of ${minAge}`,
    };
  }
  return {
    code: 'age-above-maximum',
    zh: `活动当天（${eventDate}）年龄为 ${age} 周岁，超过最高年龄 ${maxAge} 周岁`,
    en: `Aged ${age} on the day of the event (${eventDate}), over the maximum age of ${maxAge}`,
  };
}

function districtReason(applicant: ScreenedApplicant, openDay: OpenDayEligibility): ScreeningReason | null {
  const { districts } = openDay;
  if (districts.length === 0 || districts.includes(applicant.district)) return null;
  return {
    code: 'district-not-eligible',
    zh: `居住、工作或学习所在区“${applicant.district}”不在本次活动面向的区（${districts.join('、')}）之内`,
    en: `Lives, works or studies in "${applicant.district}", which is not among the districts this open day is for (${districts.join(', ')})`,
  };
}

function duplicateReason(applicant: ScreenedApplicant, context: ScreeningContext): ScreeningReason | null {
  if (!context.earlierApplicants.has(applicant.personKey)) return null;
  return {
    code: 'duplicate-application',
    zh: '已报名本次活动，每人限报一次',
    en: 'Has already applied to this open day; each person may apply once',
  };
}

function noShowReason(
  applicant: ScreenedApplicant,
  openDay: OpenDayEligibility,
  context: ScreeningContext,
): ScreeningReason | null {
  const months = context.noShowLookBackMonths;
  const since = monthsBefore(openDay.eventDate, months);
  const counted = context.noShows
    .filter((record) => record.personKey === applicant.personKey)
    .map((record) => record.eventDate)
    .filter((date) => compareDates(date, since) >= 0 && compareDates(date, openDay.eventDate) < 0)
    .sort(compareDates);
  const latest = counted.at(-1);
  if (latest === undefined) return null;
  return {
    code: 'no-show-record',
    zh: `${latest} 入选参加活动后未到场且未事先请假，活动前 ${months} 个月内有爽约记录的不能入选`,
    en: `Was selected for an open day on ${latest} but did not come or give notice; no-shows in the ${months} months before the event cannot be selected`,
  };
}
