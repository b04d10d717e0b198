import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  OpenDayCancelledV1,
  PlanApprovedV1,
  PlanReturnedV1,
  PlanSubmittedV1,
  type Actor,
  type PlanHistoryEntryView,
  type PlanInput,
  type PlanListQuery,
  type PlanPage,
  type PlanStatus,
  type PlanView,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, keysetCursor, problem } from '@openday/platform';
import { validatePlan } from '@openday/domain';
import { uncoveredYearProblem, WorkingCalendarService } from '../working-calendar/working-calendar.service';
import { unknownDistricts } from '../districts/district-rules';
import { activeDistrictCodes } from '../districts/districts.service';
import { canDraftPlans, filingDeadline, worksWithPlans } from './filing';
import { cancelOpenDay } from './open-day-projection';
import { assignContent, canonicalInput, changedFields, historyView, sessionRows, storedContent, toPlanView } from './plan-mapping';
import {
  allowOrThrow,
  deletePlan,
  findPlan,
  findPlanByIdempotencyKey,
  insertPlan,
  insertPlanSessions,
  insertPublicationTimer,
  listPlans,
  lockPlan,
  planHistory,
  planSessions,
  recordPlanHistory,
  rejectViolations,
  replacePlanSessions,
  sessionsOfPlans,
  unknownSessionIds,
  updatePlan,
  type Plan,
} from './plan-store';

/** Newest first: the (createdAt, id) of the last plan on the previous page. */
const PAGES = keysetCursor('plans', ['timestamp', 'uuid']);

const DEFAULT_PAGE_SIZE = 20;
const UNIQUE_VIOLATION = '23505';

/**
 * Plans and their filing. Each operation is one transaction: the plan row is
 * locked, the pure rules (validatePlan, decide, filingDeadline) decide, and
 * the change, its history entry and its event are written together.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendarService,
  ) {}

  async create(actor: Actor, input: PlanInput, idempotencyKey?: string): Promise<PlanView> {
    if (!canDraftPlans(actor)) {
      throw problem('not-allowed', { detail: 'Only staff of an organising agency draft plans, for their own agency.' });
    }
    if (idempotencyKey) {
      const earlier = await this.findByIdempotencyKey(actor.userId, idempotencyKey);
      if (earlier) return earlier;
    }
    rejectViolations(validatePlan(input));
    rejectViolations(unknownDistricts(input.eligibility.districts, await activeDistrictCodes(this.dataSource.manager)));
    const content = canonicalInput({ ...input, sessions: input.sessions.map(({ id: _id, ...s }) => s) });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const plan = {
          id: randomUUID(),
          agencyId: actor.agencyId,
          status: 'draft' as PlanStatus,
          submissions: 0,
          openDayId: null,
          version: 1,
          createdBy: actor.userId,
          idempotencyKey: idempotencyKey ?? null,
          createdAt: now,
          updatedAt: now,
        } as Plan;
        assignContent(plan, content);
        await insertPlan(manager, plan);
        const sessions = sessionRows(plan.id, content);
        await insertPlanSessions(manager, sessions);
        await recordPlanHistory(manager, plan, actor, 'created', null, now);
        return toPlanView(plan, sessions, await this.calendar.load(manager));
      });
    } catch (error) {
      // Two retries of one create at once: the second finds the first's plan.
      if (idempotencyKey && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        const earlier = await this.findByIdempotencyKey(actor.userId, idempotencyKey);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  async update(actor: Actor, planId: string, input: PlanInput): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlan(manager, planId, actor, 'edit');
      rejectViolations(validatePlan(input));
      rejectViolations(unknownDistricts(input.eligibility.districts, await activeDistrictCodes(manager)));
      const existing = await planSessions(manager, planId);
      rejectViolations(unknownSessionIds(input.sessions, existing));
      const before = storedContent(plan, existing);
      const after = canonicalInput(input);
      const changed = changedFields(before, after);
      if (changed.length === 0) return toPlanView(plan, existing, await this.calendar.load(manager));
      const now = this.clock.now();
      assignContent(plan, after);
      const sessions = await replacePlanSessions(manager, plan, after);
      plan.version += 1;
      plan.updatedAt = now;
      await updatePlan(manager, plan);
      await recordPlanHistory(manager, plan, actor, 'edited', plan.status, now, { details: { changedFields: changed } });
      return toPlanView(plan, sessions, await this.calendar.load(manager));
    });
  }

  async remove(actor: Actor, planId: string): Promise<{ id: string; deleted: true }> {
    return this.dataSource.transaction(async (manager) => {
      await lockPlan(manager, planId, actor, 'delete');
      await deletePlan(manager, planId);
      return { id: planId, deleted: true as const };
    });
  }

  async get(actor: Actor, planId: string): Promise<PlanView> {
    const plan = await findPlan(this.dataSource.manager, planId);
    allowOrThrow(plan, planId, actor, 'view');
    return toPlanView(plan!, await planSessions(this.dataSource.manager, planId), await this.calendar.load());
  }

  async history(actor: Actor, planId: string): Promise<PlanHistoryEntryView[]> {
    const plan = await findPlan(this.dataSource.manager, planId);
    allowOrThrow(plan, planId, actor, 'view');
    const entries = await planHistory(this.dataSource.manager, planId);
    return entries.map(historyView);
  }

  /** An agency sees its own plans; the city office sees every agency's, optionally one agency's. Newest first. */
  async list(actor: Actor, query: PlanListQuery): Promise<PlanPage> {
    if (!worksWithPlans(actor)) throw problem('not-allowed', { detail: 'This role does not work with plans.' });
    // Agency staff see their own agency's plans only; without an agency there is nothing to see (never everything).
    if (actor.role !== 'city-office' && !actor.agencyId) throw problem('not-allowed', { detail: 'Agency staff without an agency see no plans.' });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const agencyId = actor.role === 'city-office' ? query.agencyId : actor.agencyId;
    if (actor.role !== 'city-office' && query.agencyId && query.agencyId !== actor.agencyId) return { items: [], nextCursor: null };
    const after = query.cursor ? PAGES.read(query.cursor) : undefined;
    const rows = await listPlans(this.dataSource.manager, {
      agencyId,
      status: query.status,
      after: after && { createdAt: new Date(after[0]), id: after[1] },
      limit: limit + 1,
    });
    const { items: plans, nextCursor } = PAGES.page(rows, limit, (plan) => [plan.createdAt.toISOString(), plan.id]);
    const sessions = await sessionsOfPlans(
      this.dataSource.manager,
      plans.map((p) => p.id),
    );
    const calendar = await this.calendar.load();
    const items = plans.map((plan) => toPlanView(plan, sessions.filter((s) => s.planId === plan.id), calendar));
    return { items, nextCursor };
  }

  /** File with the city office, no later than 5 working days before the first session (Asia/Shanghai dates). */
  async submit(actor: Actor, planId: string): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlan(manager, planId, actor, 'submit');
      const sessions = await planSessions(manager, planId);
      const content = storedContent(plan, sessions);
      rejectViolations(validatePlan(content));
      rejectViolations(unknownDistricts(content.eligibility.districts, await activeDistrictCodes(manager)));
      const now = this.clock.now();
      const calendar = await this.calendar.load(manager);
      let deadline: ReturnType<typeof filingDeadline>;
      try {
        deadline = filingDeadline(calendar, plan.firstSessionDate as Parameters<typeof filingDeadline>[1], now);
      } catch (error) {
        throw uncoveredYearProblem(error);
      }
      if (!deadline.onTime) {
        const index = content.sessions.findIndex((s) => s.date === plan.firstSessionDate);
        const message =
          `Plans are filed no later than 5 working days before the event. The first session is on ${plan.firstSessionDate}, ` +
          `so the last on-time filing date was ${deadline.lastOnTimeFilingDate}; this submission is dated ${deadline.filedOn} (Asia/Shanghai).`;
        throw problem('filing-late', { detail: message, field: `sessions[${index}].date`, rule: 'filingDeadline' });
      }
      const from = plan.status;
      plan.status = 'submitted';
      plan.submissions += 1;
      plan.version += 1;
      plan.updatedAt = now;
      await updatePlan(manager, plan);
      await recordPlanHistory(manager, plan, actor, 'submitted', from, now, {
        details: {
          submission: plan.submissions,
          filedOn: deadline.filedOn,
          lastOnTimeFilingDate: deadline.lastOnTimeFilingDate,
          firstSessionDate: plan.firstSessionDate,
          plan: content,
        },
      });
      await this.outbox.add(
        manager,
        PlanSubmittedV1.contract,
        {
          planId: plan.id,
          agencyId: plan.agencyId,
          title: plan.title,
          firstSessionDate: plan.firstSessionDate,
          submission: plan.submissions,
          filedOn: deadline.filedOn,
          lastOnTimeFilingDate: deadline.lastOnTimeFilingDate,
          submittedAt: now.toISOString(),
        },
        { aggregateId: plan.id },
      );
      return toPlanView(plan, sessions, calendar);
    });
  }

  /** The city office files the plan; it is published at its publication time (a timer row). */
  async approve(actor: Actor, planId: string, comments?: string): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlan(manager, planId, actor, 'approve');
      const now = this.clock.now();
      const from = plan.status;
      plan.status = 'approved';
      plan.version += 1;
      plan.updatedAt = now;
      await updatePlan(manager, plan);
      await insertPublicationTimer(manager, plan.id, plan.publishAt);
      await recordPlanHistory(manager, plan, actor, 'approved', from, now, { comments, details: { publishAt: plan.publishAt.toISOString() } });
      await this.outbox.add(
        manager,
        PlanApprovedV1.contract,
        {
          planId: plan.id,
          agencyId: plan.agencyId,
          title: plan.title,
          firstSessionDate: plan.firstSessionDate,
          publishAt: plan.publishAt.toISOString(),
          approvedAt: now.toISOString(),
        },
        { aggregateId: plan.id },
      );
      return this.viewIn(manager, plan);
    });
  }

  async returnPlan(actor: Actor, planId: string, comments: string): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlan(manager, planId, actor, 'return');
      const now = this.clock.now();
      const from = plan.status;
      plan.status = 'returned';
      plan.version += 1;
      plan.updatedAt = now;
      await updatePlan(manager, plan);
      await recordPlanHistory(manager, plan, actor, 'returned', from, now, { comments });
      await this.outbox.add(
        manager,
        PlanReturnedV1.contract,
        { planId: plan.id, agencyId: plan.agencyId, title: plan.title, comments, returnedAt: now.toISOString() },
        { aggregateId: plan.id },
      );
      return this.viewIn(manager, plan);
    });
  }

  async cancelOpenDay(actor: Actor, planId: string, reason: string): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlan(manager, planId, actor, 'cancel');
      const now = this.clock.now();
      const from = plan.status;
      plan.status = 'cancelled';
      plan.version += 1;
      plan.updatedAt = now;
      await updatePlan(manager, plan);
      await cancelOpenDay(manager, plan.openDayId!, reason, now);
      await recordPlanHistory(manager, plan, actor, 'cancelled', from, now, { comments: reason });
      await this.outbox.add(
        manager,
        OpenDayCancelledV1.contract,
        {
          openDayId: plan.openDayId!,
          planId: plan.id,
          agencyId: plan.agencyId,
          title: plan.title,
          date: plan.firstSessionDate,
          reason,
          cancelledAt: now.toISOString(),
        },
        { aggregateId: plan.openDayId! },
      );
      return this.viewIn(manager, plan);
    });
  }

  private async findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<PlanView | undefined> {
    const plan = await findPlanByIdempotencyKey(this.dataSource.manager, userId, idempotencyKey);
    if (!plan) return undefined;
    return toPlanView(plan, await planSessions(this.dataSource.manager, plan.id), await this.calendar.load());
  }

  private async viewIn(manager: EntityManager, plan: Plan): Promise<PlanView> {
    return toPlanView(plan, await planSessions(manager, plan.id), await this.calendar.load(manager));
  }
}
