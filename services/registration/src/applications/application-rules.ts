/**
 * Registration's rules for one application (domain.md step 4) as plain functions: each returns
 * what it found (a refusal names its code, and each field at fault with its rule), never throws;
 * `application-refusals.ts` throws a refusal as the catalogue's problem of that code.
 */
import {
  ageOn,
  ageProblem,
  maskName,
  maskResidentId,
  normalizeMobile,
  offersCategory,
  parseCreditCode,
  parseResidentId,
  registrationState,
  shanghaiDateOf,
  shanghaiDateTime,
  type FieldRefusal,
  type QuotaPlan,
} from '@openday/domain';
import type { ApplicantCategory, ApplicantInput, ApplicationInput, ProblemCode, PublishedSessionV2 } from '@openday/contracts';
import type { PublishedOpenDay } from '../published-open-days/published-open-day-store';

/** Why an application is refused: each is a code of the problem catalogue, which gives its status and type. */
export type RefusalCode = Extract<
  ProblemCode,
  'open-day-cancelled' | 'not-taking-applications' | 'registration-not-open' | 'registration-closed' | 'invalid-input' | 'unprocessable' | 'ineligible-applicant'
>;

export interface Refusal {
  code: RefusalCode;
  detail: string;
  errors?: FieldRefusal[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** `2026-11-26 16:00 Asia/Shanghai`. */
export function shanghaiTime(instant: Date): string {
  return `${shanghaiDateTime(instant)} Asia/Shanghai`;
}

/** Why the open day takes no application at `now`, or undefined inside its registration window. */
export function registrationWindowRefusal(openDay: PublishedOpenDay, now: Date): Refusal | undefined {
  const { registrationOpensAt: opens, registrationClosesAt: closes } = openDay;
  const state = openDay.sessions?.length
    ? registrationState({ opensAt: opens, closesAt: closes, cancelled: openDay.cancelledAt !== null && openDay.cancelledAt !== undefined }, now)
    : openDay.cancelledAt ? 'cancelled' : 'none';
  switch (state) {
    case 'cancelled':
      return {
        code: 'open-day-cancelled',
        detail: `The organising agency cancelled this open day at ${shanghaiTime(openDay.cancelledAt!)}: it takes no applications.`,
      };
    case 'none':
      return { code: 'not-taking-applications', detail: `Open day ${openDay.id} has no registration window: it does not take applications.` };
    case 'upcoming':
      return { code: 'registration-not-open', detail: `Registration opens at ${shanghaiTime(opens!)} (${opens!.toISOString()}).` };
    case 'closed':
      return { code: 'registration-closed', detail: `The registration window closed at ${shanghaiTime(closes!)} (${closes!.toISOString()}).` };
    case 'open':
      return undefined;
  }
}

/** The session applied for: the one named, or the only one. */
export function pickSession(openDay: PublishedOpenDay, sessionId: string | undefined): Checked<PublishedSessionV2> {
  const sessions = openDay.sessions ?? [];
  if (sessionId === undefined) {
    if (sessions.length === 1) return { ok: true, value: sessions[0] };
    return invalidFields([{ field: 'sessionId', rule: 'isDefined', message: `sessionId is required: this open day has ${sessions.length} sessions` }]);
  }
  const session = sessions.find((s) => s.sessionId === sessionId);
  if (!session) {
    return {
      ok: false,
      refusal: {
        code: 'unprocessable',
        detail: 'The session is not one of this open day’s.',
        errors: [{ field: 'sessionId', rule: 'sessionOfOpenDay', message: 'sessionId must be one of the open day’s sessions' }],
      },
    };
  }
  return { ok: true, value: session };
}

export interface Eligibility {
  /** The session's date: age counts on the event day. */
  eventDate: string;
  /** Today in Asia/Shanghai: birth dates after it are refused. */
  today: string;
  minAge: number;
  maxAge: number | null;
  /** The open day's quotas and whether media come outside them: the categories it takes (`offersCategory`). */
  places: Pick<QuotaPlan, 'quotas' | 'mediaOutsideQuota'>;
}

export function eligibilityOf(openDay: PublishedOpenDay, session: PublishedSessionV2, now: Date): Eligibility {
  return {
    eventDate: session.date,
    today: shanghaiDateOf(now),
    minAge: openDay.minAge ?? 0,
    maxAge: openDay.maxAge ?? null,
    places: { quotas: openDay.quotas ?? [], mediaOutsideQuota: openDay.mediaOutsideQuota ?? false },
  };
}

/** The categories an open day with quotas takes, for the words of a refusal. */
function offeredCategories(places: Eligibility['places']): ApplicantCategory[] {
  const categories = places.quotas.filter((quota) => offersCategory(places, quota.category)).map((quota) => quota.category as ApplicantCategory);
  if (places.mediaOutsideQuota && !categories.includes('media')) categories.push('media');
  return categories;
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
  invalid: FieldRefusal[];
  /** Well-formed but not eligible for this open day (422). */
  ineligible: FieldRefusal[];
}

/** Every rule for one person; refusals name the field (`members[2].idNumber`) and the rule. */
export function checkPerson(input: ApplicantInput, field: string, rules: Eligibility): PersonCheck {
  const invalid: FieldRefusal[] = [];
  const ineligible: FieldRefusal[] = [];
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
  if (!offersCategory(rules.places, input.category)) {
    ineligible.push({
      field: `${field}.category`,
      rule: 'categoryOffered',
      message: `category must be one this open day takes: ${offeredCategories(rules.places).join(', ')}`,
    });
  }
  if (!id.ok || !mobile.ok) return { invalid, ineligible };

  const { birthDate, normalized } = id.value;
  const age = ageProblem(birthDate, rules.eventDate, rules);
  if (age) {
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
      // Past the age rule (minAge ≥ 0), so born no later than the event day.
      ageOnEventDay: ageOn(birthDate, rules.eventDate),
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
export function checkChannelFields(application: ApplicationInput): FieldRefusal[] {
  const errors: FieldRefusal[] = [];
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
  return errors;
}

/** The people in an application with where each sits in the body. */
export function peopleOf(application: ApplicationInput): Array<{ input: ApplicantInput; field: string }> {
  if (application.channel === 'group') return (application.members ?? []).map((input, i) => ({ input, field: `members[${i}]` }));
  return application.applicant ? [{ input: application.applicant, field: 'applicant' }] : [];
}

/**
 * Checks everyone in the application: all or nothing. Malformed input is refused as invalid
 * fields, else ineligible people or the same person twice as `ineligible-applicant`; each field
 * refusal names the field and rule.
 */
export function checkPeople(application: ApplicationInput, rules: Eligibility): Checked<CheckedPerson[]> {
  const channel = checkChannelFields(application);
  if (channel.length > 0) return invalidFields(channel);
  const checks = peopleOf(application).map(({ input, field }) => checkPerson(input, field, rules));
  const invalid = checks.flatMap((c) => c.invalid);
  if (invalid.length > 0) return invalidFields(invalid);
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
    return {
      ok: false,
      refusal: { code: 'ineligible-applicant', detail: 'Someone in the application does not meet the open day’s rules.', errors: ineligible },
    };
  }
  return { ok: true, value: people };
}

function invalidFields(errors: FieldRefusal[]): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code: 'invalid-input', detail: 'The request has invalid fields.', errors } };
}
