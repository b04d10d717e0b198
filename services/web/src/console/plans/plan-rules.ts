/**
 * The plan's rules, checked in the browser before anything is sent: the same rules, field paths
 * (`sessions[0].agenda[2].endsAt`) and rule names as the platform's (scheduling's validatePlan and
 * the contracts' PlanInput limits), so a problem the browser finds and one the server answers land
 * on the same field with the same words (console.plans.rules.<rule>).
 */
import type { PlanBody } from './plan-form';

export interface PlanProblem {
  field: string;
  rule: string;
}

export const LIMITS = {
  title: 200,
  theme: 2000,
  sessions: 20,
  agenda: 30,
  capacity: 10_000,
  venues: 10,
  venueName: 200,
  address: 300,
  assemblyPoint: 300,
  transport: 300,
  activity: 200,
  maxAge: 120,
  notices: 20,
  notice: 500,
  departments: 20,
  reason: 500,
} as const;

export const SITE_VISIT_VENUES = { min: 2, max: 4 } as const;
const ORDINARY = 'ordinary-citizen';
const MEDIA = 'media';
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

/** Minutes since midnight of 'HH:mm', or undefined when it is not a time of day. */
export function minutesOf(time: string): number | undefined {
  const match = TIME_OF_DAY.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The places a session must give ordinary citizens: the share of its capacity, rounded up (1/3 of 15 is 5, not 6). */
export function ordinaryPlacesRequired(capacity: number, share: number): number {
  return Math.max(0, Math.ceil(capacity * share - 1e-9));
}

/** The instant the first session starts (Asia/Shanghai), or undefined before a session has a date and time. */
export function firstSessionStart(sessions: PlanBody['sessions']): number | undefined {
  const starts = sessions
    .filter((s) => isCalendarDate(s.date) && minutesOf(s.startsAt) !== undefined)
    .map((s) => Date.parse(`${s.date}T${s.startsAt}:00+08:00`));
  return starts.length ? Math.min(...starts) : undefined;
}

type Add = (field: string, rule: string) => void;

/** Every rule the plan breaks, each with its field; empty when it may be sent. */
export function checkPlan(plan: PlanBody): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add: Add = (field, rule) => problems.push({ field, rule });

  text(plan.title, 'title', LIMITS.title, add, true);
  text(plan.theme, 'theme', LIMITS.theme, add, true);
  checkForms(plan, add);
  if (!plan.selectionMode) add('selectionMode', 'required');
  const venueNames = checkVenues(plan, add);
  checkSessions(plan, venueNames, add);
  checkQuotas(plan, add);
  checkEligibility(plan, add);
  checkDates(plan, add);
  if (plan.coSigningDepartments.length > LIMITS.departments) add('coSigningDepartments', 'tooMany');
  unique(plan.coSigningDepartments, 'coSigningDepartments', 'uniqueDepartments', add);
  if (plan.notices.length > LIMITS.notices) add('notices', 'tooMany');
  plan.notices.forEach((notice, i) => text(notice, `notices[${i}]`, LIMITS.notice, add, true));
  return problems;
}

function text(value: string, field: string, max: number, add: Add, required: boolean): void {
  if (required && value.trim().length === 0) add(field, 'notBlank');
  else if (value.length > max) add(field, 'tooLong');
}

function unique(values: readonly string[], field: string, rule: string, add: Add): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) add(`${field}[${i}]`, rule);
    seen.add(value);
  });
}

function onlyLivestream(plan: PlanBody): boolean {
  return plan.forms.length > 0 && plan.forms.every((form) => form === 'livestream');
}

function checkForms(plan: PlanBody, add: Add): void {
  if (plan.forms.length === 0) add('forms', 'atLeastOneForm');
  unique(plan.forms, 'forms', 'uniqueForms', add);
}

function checkVenues(plan: PlanBody, add: Add): Set<string> {
  const count = plan.venues.length;
  if (plan.forms.includes('site-visit') && (count < SITE_VISIT_VENUES.min || count > SITE_VISIT_VENUES.max)) add('venues', 'siteVisitVenues');
  else if (count === 0 && plan.forms.length > 0 && !onlyLivestream(plan)) add('venues', 'venueRequired');
  else if (count > LIMITS.venues) add('venues', 'tooMany');
  plan.venues.forEach((venue, i) => {
    text(venue.name, `venues[${i}].name`, LIMITS.venueName, add, true);
    text(venue.address, `venues[${i}].address`, LIMITS.address, add, false);
  });
  unique(
    plan.venues.map((v) => v.name.trim()),
    'venues',
    'uniqueVenueNames',
    add,
  );
  text(plan.assemblyPoint, 'assemblyPoint', LIMITS.assemblyPoint, add, !onlyLivestream(plan));
  text(plan.transport, 'transport', LIMITS.transport, add, false);
  return new Set(plan.venues.map((v) => v.name.trim()));
}

interface Timed {
  index: number;
  date: string;
  start: number;
  end: number;
}

function checkSessions(plan: PlanBody, venueNames: Set<string>, add: Add): void {
  if (plan.sessions.length === 0) add('sessions', 'atLeastOneSession');
  if (plan.sessions.length > LIMITS.sessions) add('sessions', 'tooMany');
  const timed: Timed[] = [];
  plan.sessions.forEach((session, i) => {
    const at = `sessions[${i}]`;
    if (!isCalendarDate(session.date)) add(`${at}.date`, 'calendarDate');
    if (!Number.isInteger(session.capacity) || session.capacity < 1 || session.capacity > LIMITS.capacity) add(`${at}.capacity`, 'positiveCapacity');
    const start = minutesOf(session.startsAt);
    const end = minutesOf(session.endsAt);
    if (start === undefined) add(`${at}.startsAt`, 'timeOfDay');
    if (end === undefined) add(`${at}.endsAt`, 'timeOfDay');
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      add(`${at}.endsAt`, 'endAfterStart');
      return;
    }
    timed.push({ index: i, date: session.date, start, end });
    checkAgenda(session, at, start, end, venueNames, add);
  });
  const byStart = [...timed].sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start || a.index - b.index);
  for (let k = 1; k < byStart.length; k++) {
    const [before, after] = [byStart[k - 1], byStart[k]];
    if (before.date === after.date && after.start < before.end) add(`sessions[${after.index}].startsAt`, 'sessionsOverlap');
  }
}

function checkAgenda(session: PlanBody['sessions'][number], at: string, sessionStart: number, sessionEnd: number, venueNames: Set<string>, add: Add): void {
  if (session.agenda.length === 0) add(`${at}.agenda`, 'agendaRequired');
  if (session.agenda.length > LIMITS.agenda) add(`${at}.agenda`, 'tooMany');
  const items: Array<{ index: number; start: number; end: number }> = [];
  session.agenda.forEach((item, k) => {
    const field = `${at}.agenda[${k}]`;
    text(item.activity, `${field}.activity`, LIMITS.activity, add, true);
    if (item.venue !== undefined && item.venue !== null && !venueNames.has(item.venue.trim())) add(`${field}.venue`, 'knownVenue');
    const start = minutesOf(item.startsAt);
    const end = minutesOf(item.endsAt);
    if (start === undefined) add(`${field}.startsAt`, 'timeOfDay');
    if (end === undefined) add(`${field}.endsAt`, 'timeOfDay');
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      add(`${field}.endsAt`, 'endAfterStart');
      return;
    }
    if (start < sessionStart) add(`${field}.startsAt`, 'agendaWithinSession');
    if (end > sessionEnd) add(`${field}.endsAt`, 'agendaWithinSession');
    items.push({ index: k, start, end });
  });
  const byStart = [...items].sort((a, b) => a.start - b.start || a.index - b.index);
  for (let k = 1; k < byStart.length; k++) {
    if (byStart[k].start < byStart[k - 1].end) add(`${at}.agenda[${byStart[k].index}].startsAt`, 'agendaOverlap');
  }
}

function checkQuotas(plan: PlanBody, add: Add): void {
  unique(
    plan.quotas.map((q) => q.category),
    'quotas',
    'uniqueCategories',
    add,
  );
  plan.quotas.forEach((quota, i) => {
    if (!quota.category) add(`quotas[${i}].category`, 'required');
    if (!Number.isInteger(quota.places) || quota.places < 1 || quota.places > LIMITS.capacity) add(`quotas[${i}].places`, 'positivePlaces');
    if (quota.category === MEDIA && plan.mediaOutsideQuota) add(`quotas[${i}].category`, 'mediaOutsideQuota');
  });
  const share = plan.minOrdinaryShare;
  if (!(share >= 0 && share <= 1)) add('minOrdinaryShare', 'shareRange');
  const arithmetic = quotaArithmetic(plan);
  if (!arithmetic) return;
  if (arithmetic.overBy > 0) add('quotas', 'quotasWithinCapacity');
  if (arithmetic.ordinary.some((line) => line.missing > 0)) add('minOrdinaryShare', 'minimumShareReachable');
}

export interface OrdinaryLine {
  /** A session size of the plan. */
  capacity: number;
  /** Ordinary citizens a session of that size must take (the share, rounded up). */
  required: number;
  /** The most ordinary citizens can get there: the places not reserved for another category. */
  available: number;
  /** How many are lacking (0 when the minimum is reachable). */
  missing: number;
}

export interface QuotaArithmetic {
  /** The smallest session's places: every quota must fit it. */
  smallest: number;
  /** Places the quotas take (media outside the quota take none). */
  reserved: number;
  /** The ordinary citizens' own quota. */
  ordinaryQuota: number;
  /** Places reserved for other categories. */
  forOthers: number;
  /** Places of the smallest session no quota reserves (they may go to ordinary citizens). */
  unreserved: number;
  /** How far the quotas exceed the smallest session (0 when they fit). */
  overBy: number;
  /** The share in per cent, for the words. */
  percent: number;
  /** One line per session size: the minimum of ordinary citizens and whether it is reachable. */
  ordinary: OrdinaryLine[];
  mediaOutsideQuota: boolean;
}

/**
 * The quota arithmetic the agency sees as it types: the sum of quotas against the smallest
 * session, and for each session size the ordinary citizens required against those the other
 * categories leave. undefined until a session has a capacity.
 */
export function quotaArithmetic(plan: Pick<PlanBody, 'sessions' | 'quotas' | 'minOrdinaryShare' | 'mediaOutsideQuota'>): QuotaArithmetic | undefined {
  const capacities = plan.sessions.map((s) => s.capacity).filter((c) => Number.isInteger(c) && c >= 1);
  if (capacities.length === 0) return undefined;
  const places = (q: { places: number }) => (Number.isInteger(q.places) && q.places > 0 ? q.places : 0);
  const placeTaking = plan.quotas.filter((q) => !(q.category === MEDIA && plan.mediaOutsideQuota));
  const reserved = placeTaking.reduce((sum, q) => sum + places(q), 0);
  const ordinaryQuota = placeTaking.filter((q) => q.category === ORDINARY).reduce((sum, q) => sum + places(q), 0);
  const forOthers = reserved - ordinaryQuota;
  const smallest = Math.min(...capacities);
  const share = plan.minOrdinaryShare >= 0 && plan.minOrdinaryShare <= 1 ? plan.minOrdinaryShare : 0;
  const ordinary = [...new Set(capacities)]
    .sort((a, b) => a - b)
    .map((capacity) => {
      const required = ordinaryPlacesRequired(capacity, share);
      const available = Math.max(capacity - forOthers, 0);
      return { capacity, required, available, missing: Math.max(required - available, 0) };
    });
  return {
    smallest,
    reserved,
    ordinaryQuota,
    forOthers,
    unreserved: Math.max(smallest - reserved, 0),
    overBy: Math.max(reserved - smallest, 0),
    percent: Math.round(share * 10_000) / 100,
    ordinary,
    mediaOutsideQuota: plan.mediaOutsideQuota,
  };
}

function checkEligibility(plan: PlanBody, add: Add): void {
  const { minAge, maxAge, districts } = plan.eligibility;
  if (!Number.isInteger(minAge) || minAge < 0 || minAge > LIMITS.maxAge) add('eligibility.minAge', 'ageRange');
  if (maxAge !== undefined && maxAge !== null) {
    if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > LIMITS.maxAge) add('eligibility.maxAge', 'ageRange');
    else if (Number.isInteger(minAge) && maxAge < minAge) add('eligibility.maxAge', 'ageRange');
  }
  unique(districts, 'eligibility.districts', 'uniqueDistricts', add);
}

function checkDates(plan: PlanBody, add: Add): void {
  const instant = (value: string, field: string) => {
    if (!WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
      add(field, 'dateTime');
      return undefined;
    }
    return Date.parse(value);
  };
  const opens = instant(plan.registrationOpensAt, 'registrationOpensAt');
  const closes = instant(plan.registrationClosesAt, 'registrationClosesAt');
  const publish = instant(plan.publishAt, 'publishAt');
  const firstStart = firstSessionStart(plan.sessions);
  if (opens !== undefined && closes !== undefined && closes <= opens) add('registrationClosesAt', 'windowOrder');
  if (closes !== undefined && firstStart !== undefined && closes > firstStart) add('registrationClosesAt', 'closesBeforeEvent');
  if (publish !== undefined && opens !== undefined && opens < publish) add('registrationOpensAt', 'opensAfterPublication');
  if (publish !== undefined && firstStart !== undefined && publish >= firstStart) add('publishAt', 'publishBeforeEvent');
}

/** The rules of a published open day's change: the plan as it would be, a reason, and something changed. */
export function checkOpenDayChange(before: PlanBody, after: PlanBody, reason: string): PlanProblem[] {
  const problems = checkPlan(after);
  const moved = (plan: PlanBody) => JSON.stringify([plan.sessions, plan.venues, plan.assemblyPoint]);
  if (moved(before) === moved(after)) problems.push({ field: 'sessions', rule: 'nothingChanged' });
  problems.push(...reasonProblems(reason));
  return problems;
}

/** The reason citizens will be told: required, at most 500 characters. */
export function reasonProblems(reason: string): PlanProblem[] {
  if (reason.trim().length === 0) return [{ field: 'reason', rule: 'notBlank' }];
  if (reason.trim().length > LIMITS.reason) return [{ field: 'reason', rule: 'tooLong' }];
  return [];
}
