import { randomUUID } from 'node:crypto';
import type { PlanHistoryEntryView, PlanInput, PlanView, SessionInput, SessionView } from '@openday/contracts';
import { firstSessionDate, UncoveredYearError, type CalendarDate, type PlanContent, type WorkingDayCalendar } from '@openday/domain';
import type { Plan, PlanHistoryEntry, PlanSession } from './plan-store';

/** Plan content in one canonical form: instants in UTC, times HH:mm, absent optionals as null. */
export interface CanonicalContent extends PlanContent {
  sessions: Array<{ id?: string; date: string; startsAt: string; endsAt: string; capacity: number; mediaPlaces: number; agenda: Array<{ startsAt: string; endsAt: string; activity: string; venue: string | null }> }>;
  eligibility: { minAge: number; maxAge: number | null; districts: string[] };
}

const hhmm = (time: string) => time.slice(0, 5);

export function canonicalSessions(sessions: readonly SessionInput[] | readonly SessionView[]): CanonicalContent['sessions'] {
  return sessions.map((s) => ({
    ...(s.id ? { id: s.id } : {}),
    date: s.date,
    startsAt: hhmm(s.startsAt),
    endsAt: hhmm(s.endsAt),
    capacity: s.capacity,
    mediaPlaces: s.mediaPlaces ?? 0,
    agenda: s.agenda.map((a) => ({ startsAt: hhmm(a.startsAt), endsAt: hhmm(a.endsAt), activity: a.activity, venue: a.venue ?? null })),
  }));
}

export function canonicalInput(input: PlanInput): CanonicalContent {
  return {
    title: input.title,
    theme: input.theme,
    forms: [...input.forms],
    sessions: canonicalSessions(input.sessions),
    venues: input.venues.map((v) => ({ name: v.name, address: v.address })),
    assemblyPoint: input.assemblyPoint,
    transport: input.transport,
    quotas: input.quotas.map((q) => ({ category: q.category, places: q.places })),
    minOrdinaryShare: input.minOrdinaryShare,
    mediaOutsideQuota: input.mediaOutsideQuota,
    eligibility: { minAge: input.eligibility.minAge, maxAge: input.eligibility.maxAge ?? null, districts: [...input.eligibility.districts] },
    registrationOpensAt: utc(input.registrationOpensAt),
    registrationClosesAt: utc(input.registrationClosesAt),
    selectionMode: input.selectionMode,
    coSigningDepartments: [...input.coSigningDepartments],
    notices: [...input.notices],
    publishAt: utc(input.publishAt),
  };
}

/** A stored plan's content after its title, theme, forms and sessions, instants in UTC: as compared and as shown. */
function storedDetails(plan: Plan) {
  return {
    venues: plan.venues,
    assemblyPoint: plan.assemblyPoint,
    transport: plan.transport,
    quotas: plan.quotas,
    minOrdinaryShare: plan.minOrdinaryShare,
    mediaOutsideQuota: plan.mediaOutsideQuota,
    eligibility: plan.eligibility,
    registrationOpensAt: plan.registrationOpensAt.toISOString(),
    registrationClosesAt: plan.registrationClosesAt.toISOString(),
    selectionMode: plan.selectionMode,
    coSigningDepartments: plan.coSigningDepartments,
    notices: plan.notices,
    publishAt: plan.publishAt.toISOString(),
  };
}

export function storedContent(plan: Plan, sessions: readonly PlanSession[]): CanonicalContent {
  return {
    title: plan.title,
    theme: plan.theme,
    forms: [...plan.forms],
    sessions: canonicalSessions(sessions.map(sessionView)),
    ...storedDetails(plan),
  };
}

/** Top-level fields whose value differs (sessions compared without their ids). */
export function changedFields(before: CanonicalContent, after: CanonicalContent): string[] {
  const comparable = (content: CanonicalContent) => ({ ...content, sessions: content.sessions.map(({ id: _id, ...rest }) => rest) });
  const [a, b] = [comparable(before), comparable(after)] as Array<Record<string, unknown>>;
  return Object.keys(b).filter((key) => stableJson(a[key]) !== stableJson(b[key]));
}

/** JSON with object keys sorted: jsonb gives keys back in its own order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

function utc(value: string): string {
  return new Date(value).toISOString();
}

/** Writes the content onto the entity (everything but identity, status and bookkeeping). */
export function assignContent(plan: Plan, content: CanonicalContent): void {
  plan.title = content.title;
  plan.theme = content.theme;
  plan.forms = content.forms as Plan['forms'];
  plan.venues = content.venues.map((v) => ({ ...v }));
  plan.assemblyPoint = content.assemblyPoint;
  plan.transport = content.transport;
  plan.quotas = content.quotas as Plan['quotas'];
  plan.minOrdinaryShare = content.minOrdinaryShare;
  plan.mediaOutsideQuota = content.mediaOutsideQuota;
  plan.eligibility = content.eligibility;
  plan.registrationOpensAt = new Date(content.registrationOpensAt);
  plan.registrationClosesAt = new Date(content.registrationClosesAt);
  plan.selectionMode = content.selectionMode as Plan['selectionMode'];
  plan.coSigningDepartments = [...content.coSigningDepartments];
  plan.notices = [...content.notices];
  plan.publishAt = new Date(content.publishAt);
  plan.firstSessionDate = firstSessionDate(content.sessions)!;
}

/** Session rows for the content; a session keeps its id when the content names one of the plan's own. */
export function sessionRows(planId: string, content: CanonicalContent): PlanSession[] {
  return content.sessions.map((s, position) => ({
    id: s.id ?? randomUUID(),
    planId,
    position,
    date: s.date,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    mediaPlaces: s.mediaPlaces,
    agenda: s.agenda,
  }));
}

export function sessionView(session: PlanSession): SessionView {
  return {
    id: session.id,
    date: session.date,
    startsAt: hhmm(session.startsAt),
    endsAt: hhmm(session.endsAt),
    capacity: session.capacity,
    mediaPlaces: session.mediaPlaces,
    agenda: session.agenda.map((a) => ({ ...a, venue: a.venue ?? null })),
  };
}

export function toPlanView(plan: Plan, sessions: readonly PlanSession[], calendar?: WorkingDayCalendar): PlanView {
  const ordered = [...sessions].sort((a, b) => a.position - b.position);
  return {
    id: plan.id,
    agencyId: plan.agencyId,
    status: plan.status,
    title: plan.title,
    theme: plan.theme,
    forms: plan.forms,
    sessions: ordered.map(sessionView),
    ...storedDetails(plan),
    totalPlaces: ordered.reduce((sum, s) => sum + s.capacity, 0),
    firstSessionDate: plan.firstSessionDate,
    lastOnTimeFilingDate: calendar ? lastOnTime(calendar, plan.firstSessionDate) : null,
    submissions: plan.submissions,
    openDayId: plan.openDayId,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

function lastOnTime(calendar: WorkingDayCalendar, date: string): string | null {
  try {
    return calendar.lastOnTimeFilingDate(date as CalendarDate);
  } catch (error) {
    if (error instanceof UncoveredYearError) return null;
    throw error;
  }
}

export function historyView(entry: PlanHistoryEntry): PlanHistoryEntryView {
  return {
    at: entry.at.toISOString(),
    action: entry.action,
    actor: entry.actorUserId && entry.actorRole ? { userId: entry.actorUserId, role: entry.actorRole, agencyId: entry.actorAgencyId } : null,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    comments: entry.comments,
    details: entry.details,
  };
}
