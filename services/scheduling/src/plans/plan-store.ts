/**
 * Plans' persistence, hand-written SQL on the caller's transaction (its EntityManager): the
 * plan rows, their sessions, their history and publication timers; and how plan commands read
 * a plan inside their transaction (the locked plan row once the actor may do the command),
 * shared by plan filing and by the changes filed to a published open day.
 */
import type { EntityManager } from 'typeorm';
import type {
  Actor,
  ApplicantCategory,
  OpenDayForm,
  PlanAction,
  PlanStatus,
  Role,
  SelectionMode,
  SessionInput,
} from '@openday/contracts';
import { problem, type FieldProblem } from '@openday/platform';
import type { PlanViolation } from '@openday/domain';
import { decide, type FilingCommand } from './filing';
import { sessionRows, type CanonicalContent } from './plan-mapping';

export interface VenueData {
  name: string;
  address: string;
}

export interface QuotaData {
  category: ApplicantCategory;
  places: number;
}

export interface EligibilityData {
  minAge: number;
  maxAge: number | null;
  districts: string[];
}

export interface AgendaItemData {
  startsAt: string;
  endsAt: string;
  activity: string;
  venue: string | null;
}

/** An agency's plan (活动方案) and where it stands in filing: a row of plans. */
export interface Plan {
  id: string;
  agencyId: string;
  status: PlanStatus;
  title: string;
  theme: string;
  forms: OpenDayForm[];
  venues: VenueData[];
  assemblyPoint: string;
  transport: string;
  quotas: QuotaData[];
  minOrdinaryShare: number;
  mediaOutsideQuota: boolean;
  eligibility: EligibilityData;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  selectionMode: SelectionMode;
  coSigningDepartments: string[];
  notices: string[];
  publishAt: Date;
  /** Asia/Shanghai date of the earliest session: what the filing deadline counts from. */
  firstSessionDate: string;
  /** How many times the plan has been submitted. */
  submissions: number;
  openDayId: string | null;
  version: number;
  createdBy: string;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One session (场次) of a plan; its timed agenda travels with it. */
export interface PlanSession {
  id: string;
  planId: string;
  position: number;
  date: string;
  /** Wall-clock time in Asia/Shanghai; PostgreSQL answers 'HH:mm:ss'. */
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Media admitted on top of the capacity when the plan's media come outside the quota. */
  mediaPlaces: number;
  agenda: AgendaItemData[];
}

/** Who did what to a plan, when, and what they said. Never updated. */
export interface PlanHistoryEntry {
  id: string;
  planId: string;
  at: Date;
  action: PlanAction;
  actorUserId: string | null;
  actorRole: Role | null;
  actorAgencyId: string | null;
  fromStatus: PlanStatus | null;
  toStatus: PlanStatus;
  comments: string | null;
  details: Record<string, unknown>;
}

const PLAN_COLUMNS = `p.id, p.agency_id AS "agencyId", p.status, p.title, p.theme, p.forms, p.venues,
  p.assembly_point AS "assemblyPoint", p.transport, p.quotas, p.min_ordinary_share AS "minOrdinaryShare",
  p.media_outside_quota AS "mediaOutsideQuota", p.eligibility, p.registration_opens_at AS "registrationOpensAt",
  p.registration_closes_at AS "registrationClosesAt", p.selection_mode AS "selectionMode",
  p.co_signing_departments AS "coSigningDepartments", p.notices, p.publish_at AS "publishAt",
  p.first_session_date::text AS "firstSessionDate", p.submissions, p.open_day_id AS "openDayId", p.version,
  p.created_by AS "createdBy", p.idempotency_key AS "idempotencyKey", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const SESSION_COLUMNS = `s.id, s.plan_id AS "planId", s.position, s.date::text AS date, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.capacity, s.media_places AS "mediaPlaces", s.agenda`;

/** The plan, or null; `forUpdate` locks its row for the transaction. */
export async function findPlan(manager: EntityManager, planId: string, forUpdate = false): Promise<Plan | null> {
  const [plan] = (await manager.query(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [planId])) as Plan[];
  return plan ?? null;
}

/** The plan a user's create with this Idempotency-Key made, if any. */
export async function findPlanByIdempotencyKey(manager: EntityManager, createdBy: string, idempotencyKey: string): Promise<Plan | null> {
  const [plan] = (await manager.query(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.created_by = $1 AND p.idempotency_key = $2`, [
    createdBy,
    idempotencyKey,
  ])) as Plan[];
  return plan ?? null;
}

/** A page of plans, newest first: an agency's (or every agency's), in one status or any, after a (createdAt, id). */
export function listPlans(
  manager: EntityManager,
  filter: { agencyId?: string | null; status?: PlanStatus; after?: { createdAt: Date; id: string }; limit: number },
): Promise<Plan[]> {
  return manager.query(
    `SELECT ${PLAN_COLUMNS} FROM plans p
      WHERE ($1::varchar IS NULL OR p.agency_id = $1)
        AND ($2::varchar IS NULL OR p.status = $2)
        AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3, $4::uuid))
      ORDER BY p.created_at DESC, p.id DESC
      LIMIT $5`,
    [filter.agencyId ?? null, filter.status ?? null, filter.after?.createdAt ?? null, filter.after?.id ?? null, filter.limit],
  );
}

/** Every column of a plan row and the value written to it, in one list so that insert and update cannot drift apart. */
const PLAN_ROW_VALUES: ReadonlyArray<readonly [column: string, valueOf: (plan: Plan) => unknown]> = [
  ['id', (plan) => plan.id],
  ['agency_id', (plan) => plan.agencyId],
  ['status', (plan) => plan.status],
  ['title', (plan) => plan.title],
  ['theme', (plan) => plan.theme],
  ['forms', (plan) => plan.forms],
  ['venues', (plan) => JSON.stringify(plan.venues)],
  ['assembly_point', (plan) => plan.assemblyPoint],
  ['transport', (plan) => plan.transport],
  ['quotas', (plan) => JSON.stringify(plan.quotas)],
  ['min_ordinary_share', (plan) => plan.minOrdinaryShare],
  ['media_outside_quota', (plan) => plan.mediaOutsideQuota],
  ['eligibility', (plan) => JSON.stringify(plan.eligibility)],
  ['registration_opens_at', (plan) => plan.registrationOpensAt],
  ['registration_closes_at', (plan) => plan.registrationClosesAt],
  ['selection_mode', (plan) => plan.selectionMode],
  ['co_signing_departments', (plan) => JSON.stringify(plan.coSigningDepartments)],
  ['notices', (plan) => JSON.stringify(plan.notices)],
  ['publish_at', (plan) => plan.publishAt],
  ['first_session_date', (plan) => plan.firstSessionDate],
  ['submissions', (plan) => plan.submissions],
  ['open_day_id', (plan) => plan.openDayId],
  ['version', (plan) => plan.version],
  ['created_by', (plan) => plan.createdBy],
  ['idempotency_key', (plan) => plan.idempotencyKey],
  ['created_at', (plan) => plan.createdAt],
  ['updated_at', (plan) => plan.updatedAt],
];

/** Set when the plan is created and never rewritten by a command. */
const FIXED_AT_CREATION = new Set(['id', 'agency_id', 'created_by', 'idempotency_key', 'created_at']);

export async function insertPlan(manager: EntityManager, plan: Plan): Promise<void> {
  const columns = PLAN_ROW_VALUES.map(([column]) => column);
  await manager.query(
    `INSERT INTO plans (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
    PLAN_ROW_VALUES.map(([, valueOf]) => valueOf(plan)),
  );
}

/** Writes the plan's content, status and counters back to its row (a command has changed them). */
export async function updatePlan(manager: EntityManager, plan: Plan): Promise<void> {
  const rewritten = PLAN_ROW_VALUES.filter(([column]) => !FIXED_AT_CREATION.has(column));
  await manager.query(
    `UPDATE plans SET ${rewritten.map(([column], index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`,
    [plan.id, ...rewritten.map(([, valueOf]) => valueOf(plan))],
  );
}

/** Deletes a plan; its sessions and history go with it (ON DELETE CASCADE). */
export async function deletePlan(manager: EntityManager, planId: string): Promise<void> {
  await manager.query(`DELETE FROM plans WHERE id = $1`, [planId]);
}

/** The sessions of these plans, in each plan's order. */
export function sessionsOfPlans(manager: EntityManager, planIds: readonly string[]): Promise<PlanSession[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return manager.query(`SELECT ${SESSION_COLUMNS} FROM plan_sessions s WHERE s.plan_id = ANY($1::uuid[]) ORDER BY s.plan_id, s.position`, [planIds]);
}

/** All sessions in one statement. */
export async function insertPlanSessions(manager: EntityManager, sessions: readonly PlanSession[]): Promise<void> {
  if (sessions.length === 0) return;
  await manager.query(
    `INSERT INTO plan_sessions (id, plan_id, position, date, starts_at, ends_at, capacity, media_places, agenda)
     SELECT id, "planId", position, date, "startsAt", "endsAt", capacity, "mediaPlaces", agenda
       FROM jsonb_to_recordset($1::jsonb)
         AS s(id uuid, "planId" uuid, position smallint, date date, "startsAt" time, "endsAt" time, capacity integer, "mediaPlaces" integer, agenda jsonb)`,
    [JSON.stringify(sessions)],
  );
}

/** The plan's history, oldest first. */
export function planHistory(manager: EntityManager, planId: string): Promise<PlanHistoryEntry[]> {
  return manager.query(
    `SELECT id::text AS id, plan_id AS "planId", at, action, actor_user_id AS "actorUserId", actor_role AS "actorRole",
            actor_agency_id AS "actorAgencyId", from_status AS "fromStatus", to_status AS "toStatus", comments, details
       FROM plan_history h WHERE h.plan_id = $1 ORDER BY h.id`,
    [planId],
  );
}

export async function insertPlanHistory(manager: EntityManager, entry: Omit<PlanHistoryEntry, 'id'>): Promise<void> {
  await manager.query(
    `INSERT INTO plan_history (plan_id, at, action, actor_user_id, actor_role, actor_agency_id, from_status, to_status, comments, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [entry.planId, entry.at, entry.action, entry.actorUserId, entry.actorRole, entry.actorAgencyId, entry.fromStatus, entry.toStatus, entry.comments, JSON.stringify(entry.details)],
  );
}

/** An approved plan waits for its publication time in a timer row. */
export async function insertPublicationTimer(manager: EntityManager, planId: string, dueAt: Date): Promise<void> {
  await manager.query(`INSERT INTO publication_timers (plan_id, due_at, attempts, last_error) VALUES ($1, $2, 0, NULL)`, [planId, dueAt]);
}

/** The plan row, locked for the transaction, once the actor may do the command to it. */
export async function lockPlan(manager: EntityManager, planId: string, actor: Actor, command: FilingCommand): Promise<Plan> {
  const plan = await findPlan(manager, planId, true);
  allowOrThrow(plan, planId, actor, command);
  return plan!;
}

export function planSessions(manager: EntityManager, planId: string): Promise<PlanSession[]> {
  return sessionsOfPlans(manager, [planId]);
}

export async function replacePlanSessions(manager: EntityManager, plan: Plan, content: CanonicalContent): Promise<PlanSession[]> {
  await manager.query(`DELETE FROM plan_sessions WHERE plan_id = $1`, [plan.id]);
  const sessions = sessionRows(plan.id, content);
  await insertPlanSessions(manager, sessions);
  return sessions;
}

export async function recordPlanHistory(
  manager: EntityManager,
  plan: Plan,
  actor: Actor,
  action: PlanAction,
  fromStatus: PlanStatus | null,
  at: Date,
  extra: { comments?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await insertPlanHistory(manager, {
    planId: plan.id,
    at,
    action,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorAgencyId: actor.agencyId ?? null,
    fromStatus,
    toStatus: plan.status,
    comments: extra.comments ?? null,
    details: extra.details ?? {},
  });
}

export function allowOrThrow(plan: Plan | null, planId: string, actor: Actor, command: FilingCommand): void {
  if (!plan) throw problem('not-found', { detail: `No plan ${planId}.` });
  const decision = decide(command, plan, actor);
  switch (decision.outcome) {
    case 'allowed':
      return;
    case 'not-found':
      throw problem('not-found', { detail: `No plan ${planId}.` });
    case 'forbidden':
      throw problem('not-allowed', { detail: `Not allowed: ${decision.reason}.` });
    case 'conflict':
      throw problem('plan-state', { detail: `Not possible now: ${decision.reason}.` });
  }
}

export function rejectViolations(violations: PlanViolation[] | FieldProblem[]): void {
  if (violations.length === 0) return;
  throw problem('invalid-input', {
    detail: `The plan breaks ${violations.length} rule${violations.length === 1 ? '' : 's'}.`,
    errors: violations,
  });
}

/** A session may keep its id only if it is one of this plan's sessions. */
export function unknownSessionIds(sessions: readonly SessionInput[], existing: readonly PlanSession[]): PlanViolation[] {
  const own = new Set(existing.map((s) => s.id));
  return sessions.flatMap((s, i) =>
    s.id && !own.has(s.id) ? [{ field: `sessions[${i}].id`, rule: 'knownSession', message: `session ${s.id} is not one of this plan's sessions` }] : [],
  );
}
