import {
  ageOn,
  compareDates,
  parseCreditCode,
  maskName,
  maskResidentId,
  normalizeMobile,
  parseResidentId,
  shanghaiDateOf,
  toCalendarDate,
} from '@openday/domain';
import type { ApplicantCategory, ApplicantInput, ApplicationInput, PublishedSessionV2 } from '@openday/contracts';
import { ProblemException, type FieldProblem } from '@openday/platform';
import type { PublishedOpenDay } from '../published-open-days/published-open-day-store';

const PROBLEMS = 'https://openday.gov.cn/problems';

export const ProblemTypes = {
  notTakingApplications: `${PROBLEMS}/not-taking-applications`,
  registrationNotOpen: `${PROBLEMS}/registration-not-open`,
  openDayCancelled: `${PROBLEMS}/open-day-cancelled`,
  registrationClosed: `${PROBLEMS}/registration-closed`,
  ineligible: `${PROBLEMS}/ineligible-applicant`,
  duplicateApplication: `${PROBLEMS}/duplicate-application`,
  idempotencyKeyReused: `${PROBLEMS}/idempotency-key-reused`,
  openDayPassed: `${PROBLEMS}/open-day-passed`,
  citizensOnly: `${PROBLEMS}/citizens-only`,
} as const;

/** `2026-11-26 16:00 Asia/Shanghai` — China keeps no daylight saving time, so +08:00 always holds. */
export function shanghaiTime(instant: Date): string {
  return `${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} Asia/Shanghai`;
}

/** Refuses, as a 422 problem, an application outside the open day's registration window. */
export function checkRegistrationWindow(openDay: PublishedOpenDay, now: Date): void {
  const { registrationOpensAt: opens, registrationClosesAt: closes } = openDay;
  if (openDay.cancelledAt) {
    throw new ProblemException({
      status: 422,
      type: ProblemTypes.openDayCancelled,
      title: 'Open day cancelled',
      detail: `The organising agency cancelled this open day at ${shanghaiTime(openDay.cancelledAt)}: it takes no applications.`,
    });
  }
  if (!opens || !closes || !openDay.sessions?.length) {
    throw new ProblemException({
      status: 422,
      type: ProblemTypes.notTakingApplications,
      title: 'Not taking applications',
      detail: `Open day ${openDay.id} has no registration window: it does not take applications.`,
    });
  }
  if (now < opens) {
    throw new ProblemException({
      status: 422,
      type: ProblemTypes.registrationNotOpen,
      title: 'Registration not open yet',
      detail: `Registration opens at ${shanghaiTime(opens)} (${opens.toISOString()}).`,
    });
  }
  if (now >= closes) {
    throw new ProblemException({
      status: 422,
      type: ProblemTypes.registrationClosed,
      title: 'Registration closed',
      detail: `The registration window closed at ${shanghaiTime(closes)} (${closes.toISOString()}).`,
    });
  }
}

/** The session applied for: the one named, or the only one. */
export function pickSession(openDay: PublishedOpenDay, sessionId: string | undefined): PublishedSessionV2 {
  const sessions = openDay.sessions ?? [];
  if (sessionId === undefined) {
    if (sessions.length === 1) return sessions[0];
    throw new ProblemException({
      status: 400,
      detail: 'The request has invalid fields.',
      errors: [{ field: 'sessionId', rule: 'isDefined', message: `sessionId is required: this open day has ${sessions.length} sessions` }],
    });
  }
  const session = sessions.find((s) => s.sessionId === sessionId);
  if (!session) {
    throw new ProblemException({
      status: 422,
      detail: 'The session is not one of this open day’s.',
      errors: [{ field: 'sessionId', rule: 'sessionOfOpenDay', message: 'sessionId must be one of the open day’s sessions' }],
    });
  }
  return session;
}

export interface Eligibility {
  /** The session's date: age counts on the event day. */
  eventDate: string;
  /** Today in Asia/Shanghai: birth dates after it are refused. */
  today: string;
  minAge: number;
  maxAge: number | null;
  /** Categories the open day takes (its quotas, plus media when media come outside the quota); empty = any. */
  categories: readonly ApplicantCategory[];
}

export function eligibilityOf(openDay: PublishedOpenDay, session: PublishedSessionV2, now: Date): Eligibility {
  const categories = (openDay.quotas ?? []).map((q) => q.category);
  if (categories.length > 0 && openDay.mediaOutsideQuota && !categories.includes('media')) categories.push('media');
  return {
    eventDate: session.date,
    today: shanghaiDateOf(now),
    minAge: openDay.minAge ?? 0,
    maxAge: openDay.maxAge ?? null,
    categories,
  };
}

/** What registration derives from one person's input once it passes every rule. */
export interface CheckedPerson {
  input: ApplicantInput;
  /** Where the person sits in the request body, e.g. `members[2]`. */
  field: string;
  /** Check character in upper case: x and X are the same person. */
  normalizedId: string;
  birthDate: string;
  ageOnEventDay: number;
  mobile: string;
  maskedName: string;
  maskedIdNumber: string;
}

export interface PersonCheck {
  person?: CheckedPerson;
  /** Malformed input (400). */
  invalid: FieldProblem[];
  /** Well-formed but not eligible for this open day (422). */
  ineligible: FieldProblem[];
}

/** Every rule for one person; problems name the field (`members[2].idNumber`) and the rule. */
export function checkPerson(input: ApplicantInput, field: string, rules: Eligibility): PersonCheck {
  const invalid: FieldProblem[] = [];
  const ineligible: FieldProblem[] = [];
  const id = parseResidentId(input.idNumber, rules.today);
  if (!id.ok) invalid.push({ field: `${field}.idNumber`, rule: 'isResidentId', message: id.message });
  const mobile = normalizeMobile(input.mobile);
  if (!mobile.ok) invalid.push({ field: `${field}.mobile`, rule: 'isMainlandMobile', message: mobile.message });
  if (input.privacyConsent !== true) {
    invalid.push({ field: `${field}.privacyConsent`, rule: 'equals', message: 'privacyConsent must be true: the privacy notice has to be accepted' });
  }
  if (typeof input.name !== 'string' || !/\S/.test(input.name)) {
    invalid.push({ field: `${field}.name`, rule: 'isNotBlank', message: 'name must not be blank' });
  }
  if (rules.categories.length > 0 && !rules.categories.includes(input.category)) {
    ineligible.push({
      field: `${field}.category`,
      rule: 'categoryOffered',
      message: `category must be one this open day takes: ${rules.categories.join(', ')}`,
    });
  }
  if (!id.ok || !mobile.ok) return { invalid, ineligible };

  const { birthDate, normalized } = id.value;
  const age = compareDates(toCalendarDate(rules.eventDate), birthDate) < 0 ? -1 : ageOn(birthDate, rules.eventDate);
  const tooYoung = age < rules.minAge;
  const tooOld = rules.maxAge !== null && age > rules.maxAge;
  if (tooYoung || tooOld) {
    const range = rules.maxAge === null ? `at least ${rules.minAge}` : `between ${rules.minAge} and ${rules.maxAge}`;
    ineligible.push({
      field: `${field}.idNumber`,
      rule: 'ageOnEventDay',
      message: `age on the event day (${rules.eventDate}) must be ${range}, by the birth date in the resident ID`,
    });
  }
  if (invalid.length > 0 || ineligible.length > 0) return { invalid, ineligible };
  return {
    invalid,
    ineligible,
    person: {
      input,
      field,
      normalizedId: normalized,
      birthDate,
      ageOnEventDay: age,
      mobile: mobile.value,
      maskedName: maskName(input.name),
      maskedIdNumber: maskResidentId(normalized),
    },
  };
}

/**
 * The channel's own fields, checked again here although the request DTO
 * already did: the service owns the rule, whoever calls it.
 */
export function checkChannelFields(application: ApplicationInput): void {
  const errors: FieldProblem[] = [];
  const blank = (value: unknown) => typeof value !== 'string' || !/\S/.test(value);
  if (application.channel === 'group') {
    if (!application.unit || blank(application.unit.name)) errors.push({ field: 'unit.name', rule: 'isNotBlank', message: 'unit.name must not be blank' });
    const code = parseCreditCode(application.unit?.creditCode);
    if (!code.ok) errors.push({ field: 'unit.creditCode', rule: 'isCreditCode', message: code.message });
    if (!application.members?.length) errors.push({ field: 'members', rule: 'arrayMinSize', message: 'members must contain at least 1 elements' });
  } else if (!application.applicant) {
    errors.push({ field: 'applicant', rule: 'isDefined', message: 'applicant should not be null or undefined' });
  }
  if (application.channel === 'organisation' && blank(application.recommendingOrganisation)) {
    errors.push({ field: 'recommendingOrganisation', rule: 'isNotBlank', message: 'recommendingOrganisation must not be blank' });
  }
  if (errors.length > 0) throw new ProblemException({ status: 400, detail: 'The request has invalid fields.', errors });
}

/** The people in an application with where each sits in the body. */
export function peopleOf(application: ApplicationInput): Array<{ input: ApplicantInput; field: string }> {
  if (application.channel === 'group') return (application.members ?? []).map((input, i) => ({ input, field: `members[${i}]` }));
  return application.applicant ? [{ input: application.applicant, field: 'applicant' }] : [];
}

/**
 * Checks everyone in the application: all or nothing. Throws a 400 problem for
 * malformed input, else a 422 for ineligible people or the same person twice;
 * each problem names the field and rule.
 */
export function checkPeople(application: ApplicationInput, rules: Eligibility): CheckedPerson[] {
  checkChannelFields(application);
  const checks = peopleOf(application).map(({ input, field }) => checkPerson(input, field, rules));
  const invalid = checks.flatMap((c) => c.invalid);
  if (invalid.length > 0) throw new ProblemException({ status: 400, detail: 'The request has invalid fields.', errors: invalid });
  const ineligible = checks.flatMap((c) => c.ineligible);
  const people = checks.flatMap((c) => (c.person ? [c.person] : []));
  const seen = new Map<string, string>();
  for (const person of people) {
    const first = seen.get(person.normalizedId);
    if (first) {
      ineligible.push({
        field: `${person.field}.idNumber`,
        rule: 'onePerPerson',
        message: `the same person is already in this application as ${first}`,
      });
    } else {
      seen.set(person.normalizedId, person.field);
    }
  }
  if (ineligible.length > 0) {
    throw new ProblemException({
      status: 422,
      type: ProblemTypes.ineligible,
      title: 'Not eligible',
      detail: 'Someone in the application does not meet the open day’s rules.',
      errors: ineligible,
    });
  }
  return people;
}
