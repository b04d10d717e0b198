/**
 * The public side of a plan: the open day row (open_days, shared with the
 * walking slice) that the public listing reads, and the events that announce it.
 */
import type { EntityManager } from 'typeorm';
import { publishedV2Of, type OpenDayChangedV2, type OpenDayPublishedV1, type OpenDayPublishedV2, type OpenDayPublishedV3, type PublishedSessionV3 } from '@openday/contracts';
import type { Plan, PlanSession } from './plan-store';
import { sessionView } from './plan-mapping';

/** What the listing shows beyond the columns it filters on. */
export interface OpenDayDetails {
  sessions: Array<ReturnType<typeof sessionView> & { sessionId: string }>;
  venues: Plan['venues'];
  assemblyPoint: string;
  transport: string;
  quotas: Plan['quotas'];
  minOrdinaryShare: number;
  mediaOutsideQuota: boolean;
  eligibility: Plan['eligibility'];
  selectionMode: Plan['selectionMode'];
  coSigningDepartments: string[];
  notices: string[];
}

function ordered(sessions: readonly PlanSession[]): PlanSession[] {
  return [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt) || a.position - b.position);
}

export function openDayDetails(plan: Plan, sessions: readonly PlanSession[]): OpenDayDetails {
  return {
    sessions: ordered(sessions).map((s) => ({ sessionId: s.id, ...sessionView(s) })),
    venues: plan.venues,
    assemblyPoint: plan.assemblyPoint,
    transport: plan.transport,
    quotas: plan.quotas,
    minOrdinaryShare: plan.minOrdinaryShare,
    mediaOutsideQuota: plan.mediaOutsideQuota,
    eligibility: plan.eligibility,
    selectionMode: plan.selectionMode,
    coSigningDepartments: plan.coSigningDepartments,
    notices: plan.notices,
  };
}

export function publishedSessions(sessions: readonly PlanSession[]): PublishedSessionV3[] {
  return ordered(sessions).map((s) => {
    const view = sessionView(s);
    return { sessionId: s.id, date: view.date, startsAt: view.startsAt, endsAt: view.endsAt, capacity: view.capacity, mediaPlaces: view.mediaPlaces };
  });
}

function lastDate(sessions: readonly PlanSession[]): string {
  return ordered(sessions).map((s) => s.date).sort().at(-1)!;
}

export async function insertOpenDay(manager: EntityManager, openDayId: string, plan: Plan, sessions: readonly PlanSession[], publishedAt: Date): Promise<void> {
  await manager.query(
    `INSERT INTO open_days (id, title, agency_id, date, published_at, plan_id, status, theme, forms, districts, end_date,
                            registration_opens_at, registration_closes_at, details)
     VALUES ($1, $2, $3, $4, $5, $6, 'published', $7, $8, $9, $10, $11, $12, $13)`,
    [
      openDayId,
      plan.title,
      plan.agencyId,
      plan.firstSessionDate,
      publishedAt,
      plan.id,
      plan.theme,
      plan.forms,
      plan.eligibility.districts,
      lastDate(sessions),
      plan.registrationOpensAt,
      plan.registrationClosesAt,
      openDayDetails(plan, sessions),
    ],
  );
}

/** After a change took effect: the row (dates, districts the listing filters on, details) follows the plan. */
export async function updateOpenDay(manager: EntityManager, openDayId: string, plan: Plan, sessions: readonly PlanSession[], changedAt: Date): Promise<void> {
  await manager.query(
    `UPDATE open_days SET date = $2, end_date = $3, districts = $4, details = $5, changed_at = $6 WHERE id = $1`,
    [openDayId, plan.firstSessionDate, lastDate(sessions), plan.eligibility.districts, openDayDetails(plan, sessions), changedAt],
  );
}

export async function cancelOpenDay(manager: EntityManager, openDayId: string, reason: string, cancelledAt: Date): Promise<void> {
  await manager.query(
    `UPDATE open_days SET status = 'cancelled', cancelled_at = $2, cancellation_reason = $3 WHERE id = $1`,
    [openDayId, cancelledAt, reason],
  );
}

export function publishedV1(openDayId: string, plan: Plan, publishedAt: Date): OpenDayPublishedV1 {
  return { openDayId, title: plan.title, agencyId: plan.agencyId, date: plan.firstSessionDate, publishedAt: publishedAt.toISOString() };
}

export function publishedV2(openDayId: string, plan: Plan, sessions: readonly PlanSession[], publishedAt: Date): OpenDayPublishedV2 {
  return publishedV2Of(publishedV3(openDayId, plan, sessions, publishedAt));
}

export function publishedV3(openDayId: string, plan: Plan, sessions: readonly PlanSession[], publishedAt: Date): OpenDayPublishedV3 {
  return {
    openDayId,
    planId: plan.id,
    agencyId: plan.agencyId,
    title: plan.title,
    theme: plan.theme,
    forms: plan.forms,
    sessions: publishedSessions(sessions),
    venues: plan.venues,
    assemblyPoint: plan.assemblyPoint,
    quotas: plan.quotas,
    minOrdinaryShare: plan.minOrdinaryShare,
    mediaOutsideQuota: plan.mediaOutsideQuota,
    eligibility: plan.eligibility,
    registrationOpensAt: plan.registrationOpensAt.toISOString(),
    registrationClosesAt: plan.registrationClosesAt.toISOString(),
    selectionMode: plan.selectionMode,
    coSigningDepartments: plan.coSigningDepartments,
    publishedAt: publishedAt.toISOString(),
  };
}

/** The change as it took effect: the open day as it now is, what changed, who leaves. */
export function changedV2(
  openDayId: string,
  plan: Plan,
  sessions: readonly PlanSession[],
  change: Pick<OpenDayChangedV2, 'changedFields' | 'removedSessionIds' | 'releases' | 'review' | 'reason'>,
  changedAt: Date,
): OpenDayChangedV2 {
  return {
    openDayId,
    planId: plan.id,
    agencyId: plan.agencyId,
    title: plan.title,
    sessions: publishedSessions(sessions),
    venues: plan.venues,
    assemblyPoint: plan.assemblyPoint,
    quotas: plan.quotas,
    minOrdinaryShare: plan.minOrdinaryShare,
    eligibility: plan.eligibility,
    notices: plan.notices,
    ...change,
    changedAt: changedAt.toISOString(),
  };
}
