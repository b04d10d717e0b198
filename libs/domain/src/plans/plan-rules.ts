/**
 * The rules of a plan (domain.md step 1) as one plain function: no framework,
 * no clock, no database. Every violation is reported, each with the field's
 * path as the API names it (`sessions[0].agenda[2].endsAt`), the rule and a
 * message a person can act on.
 */
import { compareDates, isCalendarDate, shanghaiDateTime, shanghaiInstant, type CalendarDate } from '../calendar/calendar-date';
import { isSelectionMode, SELECTION_MODES } from '../places/places-left';
import { allocationPlanProblems, type AllocationPlanProblem } from '../selection/allocation-plan';

export interface AgendaItemContent {
  startsAt: string;
  endsAt: string;
  activity: string;
  venue?: string | null;
}

export interface SessionContent {
  id?: string;
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Media admitted to this session on top of its capacity; left out: none. */
  mediaPlaces?: number;
  agenda: readonly AgendaItemContent[];
}

/** What an agency writes in a plan; the contracts' PlanInput has this shape. */
export interface PlanContent {
  title: string;
  theme: string;
  forms: readonly string[];
  sessions: readonly SessionContent[];
  venues: ReadonlyArray<{ name: string; address: string }>;
  assemblyPoint: string;
  transport: string;
  quotas: ReadonlyArray<{ category: string; places: number }>;
  minOrdinaryShare: number;
  mediaOutsideQuota: boolean;
  eligibility: { minAge: number; maxAge?: number | null; districts: readonly string[] };
  registrationOpensAt: string;
  registrationClosesAt: string;
  selectionMode: string;
  coSigningDepartments: readonly string[];
  notices: readonly string[];
  publishAt: string;
}

export interface PlanViolation {
  field: string;
  rule: string;
  message: string;
}

export const SITE_VISIT_VENUES = { min: 2, max: 4 } as const;
export const MAX_AGE = 120;
export const MAX_MEDIA_PLACES = 50;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of 'HH:mm', or undefined when it is not a time of day. */
export function minutesOf(time: string): number | undefined {
  const match = TIME_OF_DAY.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The instant the first session starts, or undefined when no session has a valid date and time. */
export function firstSessionStart(sessions: readonly SessionContent[]): Date | undefined {
  const starts = sessions
    .filter((s) => isCalendarDate(s.date) && minutesOf(s.startsAt) !== undefined)
    .map((s) => shanghaiInstant(s.date as CalendarDate, s.startsAt).getTime());
  return starts.length ? new Date(Math.min(...starts)) : undefined;
}

/** The first session's date (Asia/Shanghai), or undefined when none has a valid date. */
export function firstSessionDate(sessions: readonly SessionContent[]): CalendarDate | undefined {
  const dates = sessions.map((s) => s.date).filter(isCalendarDate);
  return dates.length ? [...dates].sort(compareDates)[0] : undefined;
}

export function validatePlan(plan: PlanContent): PlanViolation[] {
  const violations: PlanViolation[] = [];
  const add = (field: string, rule: string, message: string) => violations.push({ field, rule, message });

  notBlank(plan.title, 'title', add);
  notBlank(plan.theme, 'theme', add);
  checkForms(plan, add);
  const venueNames = checkVenues(plan, add);
  checkSessions(plan, venueNames, add);
  checkQuotas(plan, add);
  checkEligibility(plan, add);
  checkDates(plan, add);
  if (!isSelectionMode(plan.selectionMode)) add('selectionMode', 'selectionMode', `selection is by ${SELECTION_MODES.join(', ')}`);
  checkUnique(plan.coSigningDepartments, 'coSigningDepartments', 'uniqueDepartments', 'is listed twice', add);
  plan.notices.forEach((notice, i) => notBlank(notice, `notices[${i}]`, add));
  return violations;
}

type Add = (field: string, rule: string, message: string) => void;

function notBlank(value: string, field: string, add: Add): void {
  if (value.trim().length === 0) add(field, 'notBlank', `${field} must not be blank`);
}

function checkUnique(values: readonly string[], field: string, rule: string, what: string, add: Add): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) add(`${field}[${i}]`, rule, `${JSON.stringify(value)} ${what}`);
    seen.add(value);
  });
}

function onlyLivestream(plan: PlanContent): boolean {
  return plan.forms.length > 0 && plan.forms.every((form) => form === 'livestream');
}

function checkForms(plan: PlanContent, add: Add): void {
  if (plan.forms.length === 0) add('forms', 'atLeastOneForm', 'a plan has at least one form (site visit, observation, meeting, forum or livestream)');
  checkUnique(plan.forms, 'forms', 'uniqueForms', 'is listed twice', add);
}

function checkVenues(plan: PlanContent, add: Add): Set<string> {
  const count = plan.venues.length;
  if (plan.forms.includes('site-visit') && (count < SITE_VISIT_VENUES.min || count > SITE_VISIT_VENUES.max)) {
    add('venues', 'siteVisitVenues', `a site visit goes to ${SITE_VISIT_VENUES.min}–${SITE_VISIT_VENUES.max} venues; this plan lists ${count}`);
  } else if (count === 0 && plan.forms.length > 0 && !onlyLivestream(plan)) {
    add('venues', 'venueRequired', 'a plan held in person names at least one venue');
  }
  plan.venues.forEach((venue, i) => notBlank(venue.name, `venues[${i}].name`, add));
  checkUnique(plan.venues.map((v) => v.name.trim()), 'venues', 'uniqueVenueNames', 'is listed twice as a venue', add);
  if (!onlyLivestream(plan)) notBlank(plan.assemblyPoint, 'assemblyPoint', add);
  return new Set(plan.venues.map((v) => v.name.trim()));
}

interface TimedSession {
  index: number;
  date: string;
  start: number;
  end: number;
}

function checkSessions(plan: PlanContent, venueNames: Set<string>, add: Add): void {
  if (plan.sessions.length === 0) add('sessions', 'atLeastOneSession', 'a plan has at least one session');
  const timed: TimedSession[] = [];
  const ids = new Set<string>();
  plan.sessions.forEach((session, i) => {
    const at = `sessions[${i}]`;
    if (session.id !== undefined) {
      if (ids.has(session.id)) add(`${at}.id`, 'uniqueSessionId', `session id ${session.id} is used twice`);
      ids.add(session.id);
    }
    if (!isCalendarDate(session.date)) add(`${at}.date`, 'calendarDate', `${at}.date must be a real date as YYYY-MM-DD`);
    checkMediaPlaces(plan, session, at, add);
    const start = minutesOf(session.startsAt);
    const end = minutesOf(session.endsAt);
    if (start === undefined) add(`${at}.startsAt`, 'timeOfDay', `${at}.startsAt must be HH:mm`);
    if (end === undefined) add(`${at}.endsAt`, 'timeOfDay', `${at}.endsAt must be HH:mm`);
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      add(`${at}.endsAt`, 'endAfterStart', `the session ends (${session.endsAt}) before or when it starts (${session.startsAt})`);
      return;
    }
    timed.push({ index: i, date: session.date, start, end });
    checkAgenda(session, at, start, end, venueNames, add);
  });
  // Two sessions of one plan on the same day must not overlap.
  const byStart = [...timed].sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start || a.index - b.index);
  for (let k = 1; k < byStart.length; k++) {
    const [before, after] = [byStart[k - 1], byStart[k]];
    if (before.date === after.date && after.start < before.end) {
      add(`sessions[${after.index}].startsAt`, 'sessionsOverlap', `session ${after.index + 1} overlaps session ${before.index + 1} on ${after.date}`);
    }
  }
}

/** The plan's own bounds on media places; that they are a whole number of at least 0 is the allocation rule's. */
function checkMediaPlaces(plan: PlanContent, session: SessionContent, at: string, add: Add): void {
  const places = session.mediaPlaces ?? 0;
  if (places > MAX_MEDIA_PLACES) {
    add(`${at}.mediaPlaces`, 'mediaPlacesRange', `${at}.mediaPlaces must be a whole number from 0 to ${MAX_MEDIA_PLACES}`);
  } else if (places !== 0 && !plan.mediaOutsideQuota) {
    add(`${at}.mediaPlaces`, 'mediaPlacesOutsideQuota', 'media places are kept only when media come outside the quota; otherwise media take quota places');
  }
}

function checkAgenda(session: SessionContent, at: string, sessionStart: number, sessionEnd: number, venueNames: Set<string>, add: Add): void {
  if (session.agenda.length === 0) add(`${at}.agenda`, 'agendaRequired', 'a session has a timed agenda with at least one item');
  const items: Array<{ index: number; start: number; end: number }> = [];
  session.agenda.forEach((item, k) => {
    const field = `${at}.agenda[${k}]`;
    notBlank(item.activity, `${field}.activity`, add);
    if (item.venue !== undefined && item.venue !== null && !venueNames.has(item.venue.trim())) {
      add(`${field}.venue`, 'knownVenue', `${JSON.stringify(item.venue)} is not one of the plan's venues`);
    }
    const start = minutesOf(item.startsAt);
    const end = minutesOf(item.endsAt);
    if (start === undefined) add(`${field}.startsAt`, 'timeOfDay', `${field}.startsAt must be HH:mm`);
    if (end === undefined) add(`${field}.endsAt`, 'timeOfDay', `${field}.endsAt must be HH:mm`);
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      add(`${field}.endsAt`, 'endAfterStart', `the item ends (${item.endsAt}) before or when it starts (${item.startsAt})`);
      return;
    }
    const window = `${session.startsAt}–${session.endsAt}`;
    if (start < sessionStart) add(`${field}.startsAt`, 'agendaWithinSession', `the item starts at ${item.startsAt}, before its session (${window})`);
    if (end > sessionEnd) add(`${field}.endsAt`, 'agendaWithinSession', `the item ends at ${item.endsAt}, after its session (${window})`);
    items.push({ index: k, start, end });
  });
  const byStart = [...items].sort((a, b) => a.start - b.start || a.index - b.index);
  for (let k = 1; k < byStart.length; k++) {
    const [before, after] = [byStart[k - 1], byStart[k]];
    if (after.start < before.end) {
      add(`${at}.agenda[${after.index}].startsAt`, 'agendaOverlap', `agenda item ${after.index + 1} overlaps item ${before.index + 1}`);
    }
  }
}

/**
 * The places of every session, by the allocation rule selection serves them by
 * (`allocationPlanProblems`), each problem on its field and reported once, the smallest session's
 * first; on top, the plan's own rule that a quota gives at least one place.
 */
function checkQuotas(plan: PlanContent, add: Add): void {
  const reported = new Set<string>();
  plan.quotas.forEach((quota, i) => {
    if (Number.isInteger(quota.places) && quota.places >= 1) return;
    add(`quotas[${i}].places`, 'positivePlaces', 'a quota is a whole number of at least 1 place');
    reported.add(`quotas[${i}].places positivePlaces`);
  });
  // Without a session there is no capacity to check the quotas against; the plan is refused for having none.
  const sessions = plan.sessions.map((session, index) => ({ session, index })).sort((a, b) => a.session.capacity - b.session.capacity);
  for (const { session, index } of sessions) {
    const problems = allocationPlanProblems({
      capacity: session.capacity,
      quotas: plan.quotas,
      minOrdinaryShare: plan.minOrdinaryShare,
      mediaOutsideQuota: plan.mediaOutsideQuota,
      mediaPlacesOutsideQuota: session.mediaPlaces ?? 0,
    });
    for (const problem of problems) {
      const { field, rule } = planFieldOf(problem, index);
      if (reported.has(`${field} ${rule}`)) continue;
      reported.add(`${field} ${rule}`);
      add(field, rule, problem.message);
    }
  }
}

/** Where an allocation problem lands in the plan API: its field and rule. */
function planFieldOf(problem: AllocationPlanProblem, session: number): { field: string; rule: string } {
  switch (problem.rule) {
    case 'positiveCapacity':
      return { field: `sessions[${session}].capacity`, rule: problem.rule };
    case 'mediaPlacesRange':
      return { field: `sessions[${session}].mediaPlaces`, rule: problem.rule };
    case 'wholePlaces':
      // The plan's own rule is stricter (at least 1 place) and already reported on this quota.
      return { field: `quotas[${problem.quota}].places`, rule: 'positivePlaces' };
    case 'uniqueCategories':
      return { field: `quotas[${problem.quota}]`, rule: problem.rule };
    case 'mediaOutsideQuota':
      return { field: `quotas[${problem.quota}].category`, rule: problem.rule };
    case 'quotasWithinCapacity':
      return { field: 'quotas', rule: problem.rule };
    case 'shareRange':
    case 'minimumShareReachable':
      return { field: 'minOrdinaryShare', rule: problem.rule };
  }
}

function checkEligibility(plan: PlanContent, add: Add): void {
  const { minAge, maxAge, districts } = plan.eligibility;
  if (!Number.isInteger(minAge) || minAge < 0 || minAge > MAX_AGE) {
    add('eligibility.minAge', 'ageRange', `eligibility.minAge must be a whole number from 0 to ${MAX_AGE}`);
  }
  if (maxAge !== undefined && maxAge !== null) {
    if (!Number.isInteger(maxAge) || maxAge > MAX_AGE) {
      add('eligibility.maxAge', 'ageRange', `eligibility.maxAge must be a whole number up to ${MAX_AGE}, or null for no limit`);
    } else if (maxAge < minAge) {
      add('eligibility.maxAge', 'ageRange', `eligibility.maxAge (${maxAge}) is below eligibility.minAge (${minAge})`);
    }
  }
  checkUnique(districts, 'eligibility.districts', 'uniqueDistricts', 'is listed twice', add);
  districts.forEach((district, i) => notBlank(district, `eligibility.districts[${i}]`, add));
}

function instant(value: string, field: string, add: Add): Date | undefined {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    add(field, 'dateTime', `${field} must be an ISO 8601 date-time with its offset`);
    return undefined;
  }
  return new Date(millis);
}

function checkDates(plan: PlanContent, add: Add): void {
  const opens = instant(plan.registrationOpensAt, 'registrationOpensAt', add);
  const closes = instant(plan.registrationClosesAt, 'registrationClosesAt', add);
  const publish = instant(plan.publishAt, 'publishAt', add);
  const firstStart = firstSessionStart(plan.sessions);

  if (opens && closes && closes <= opens) {
    add('registrationClosesAt', 'windowOrder', 'registration closes before or when it opens');
  }
  if (closes && firstStart && closes > firstStart) {
    add('registrationClosesAt', 'closesBeforeEvent', `registration must close before the first session starts (${shanghaiDateTime(firstStart)} Asia/Shanghai)`);
  }
  if (publish && opens && opens < publish) {
    add('registrationOpensAt', 'opensAfterPublication', `registration cannot open before the open day is published (${shanghaiDateTime(publish)} Asia/Shanghai)`);
  }
  if (publish && firstStart && publish >= firstStart) {
    add('publishAt', 'publishBeforeEvent', `the open day must be published before the first session starts (${shanghaiDateTime(firstStart)} Asia/Shanghai)`);
  }
}
