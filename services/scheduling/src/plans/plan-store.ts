/**
 * How plan commands read and write a plan inside their transaction: the locked plan row
 * once the actor may do the command, its sessions, its history; shared by plan filing
 * and by the changes filed to a published open day.
 */
import type { EntityManager } from 'typeorm';
import type { Actor, PlanAction, PlanStatus, SessionInput } from '@openday/contracts';
import { problem, type FieldProblem } from '@openday/platform';
import type { PlanViolation } from '@openday/domain';
import { decide, type FilingCommand } from './filing';
import { Plan, PlanHistoryEntry, PlanSession } from './plan.entity';
import { sessionRows, type CanonicalContent } from './plan-mapping';

/** The plan row, locked for the transaction, once the actor may do the command to it. */
export async function lockPlan(manager: EntityManager, planId: string, actor: Actor, command: FilingCommand): Promise<Plan> {
  const plan = await manager.getRepository(Plan).createQueryBuilder('p').where('p.id = :planId', { planId }).setLock('pessimistic_write').getOne();
  allowOrThrow(plan, planId, actor, command);
  return plan!;
}

export function planSessions(manager: EntityManager, planId: string): Promise<PlanSession[]> {
  return manager.getRepository(PlanSession).find({ where: { planId }, order: { position: 'ASC' } });
}

export async function replacePlanSessions(manager: EntityManager, plan: Plan, content: CanonicalContent): Promise<PlanSession[]> {
  await manager.delete(PlanSession, { planId: plan.id });
  const sessions = sessionRows(plan.id, content);
  await manager.insert(PlanSession, sessions);
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
  await manager.save(
    manager.create(PlanHistoryEntry, {
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
    }),
  );
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
