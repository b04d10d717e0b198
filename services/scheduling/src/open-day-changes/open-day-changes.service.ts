import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  OpenDayChangedV1,
  OpenDayChangedV2,
  OpenDayChangeFiledV1,
  OpenDayChangeReturnedV1,
  changedV1Of,
  type Actor,
  type ChangeReview,
  type OpenDayChangeInput,
  type OpenDayChangeListQuery,
  type OpenDayChangeRef,
  type OpenDayChangePage,
  type OpenDayChangeView,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, keysetCursor, problem, ProblemException, type FieldProblem } from '@openday/platform';
import { validatePlan, type WorkingDayCalendar } from '@openday/domain';
import { AdmissionService } from '../admission/admission.service';
import { findTickets, type TicketRow } from '../admission/ticket-rows';
import { canSeeAgencyPlans, worksWithPlans } from '../plans/filing';
import { changedV2, updateOpenDay } from '../plans/open-day-projection';
import { assignContent, storedContent, type CanonicalContent } from '../plans/plan-mapping';
import { allowOrThrow, findPlan, lockPlan, planSessions, recordPlanHistory, rejectViolations, replacePlanSessions, unknownSessionIds, updatePlan, type Plan } from '../plans/plan-store';
import { uncoveredYearProblem, WorkingCalendarService } from '../working-calendar/working-calendar.service';
import { unknownDistricts } from '../districts/district-rules';
import { activeDistrictCodes } from '../districts/districts.service';
import { capacityProblems, leadTimeProblems, reviewOf, type TakenPlace } from './change-rules';
import { appliedContent, changeContent, changedContentFields, changeView, withChange } from './change-mapping';
import { changesOfPlan, findChange, insertChange, listChanges, pendingChange, recordDecision, type OpenDayChange } from './open-day-change-store';

/** The (submittedAt, id) of the last change on the previous page. */
const PAGES = keysetCursor('open-day-changes', ['timestamp', 'uuid']);

const DEFAULT_PAGE_SIZE = 20;
const UNIQUE_VIOLATION = '23505';

/**
 * Changes to a published open day. Filing locks the plan, checks the change against the plan
 * rules, the lead time and the places taken, and stores it for the city office; a change of
 * notices only is applied at once. Approval checks again, as of its own moment, and applies
 * it in one transaction: plan, open day row, history, open-day-changed v2 (then v1), and only
 * after them the revocations of the tickets the agency gave up.
 */
@Injectable()
export class OpenDayChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendarService,
    private readonly admission: AdmissionService,
  ) {}

  async file(actor: Actor, planId: string, input: OpenDayChangeInput): Promise<OpenDayChangeView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const plan = await lockPlan(manager, planId, actor, 'change');
        const existing = await planSessions(manager, planId);
        if (input.sessions) rejectViolations(unknownSessionIds(input.sessions, existing));
        const current = storedContent(plan, existing);
        const wanted = withChange(current, input);
        rejectViolations(validatePlan(wanted));
        rejectViolations(unknownDistricts(wanted.eligibility.districts, await activeDistrictCodes(manager), current.eligibility.districts));
        const changedFields = changedContentFields(current, wanted);
        if (changedFields.length === 0) {
          rejectViolations([{ field: 'sessions', rule: 'nothingChanged', message: 'the change leaves the sessions, venues, assembly point, eligibility and notices as they were' }]);
        }
        const review = reviewOf(changedFields);
        if (review === 'required') await rejectIfPending(manager, plan.openDayId!);
        const now = this.clock.now();
        const releasedTicketIds = input.releasedTicketIds ?? [];
        const violations = await this.ruleProblems(manager, plan, current, wanted, changedFields, releasedTicketIds, now);
        if (violations.length > 0) throw changeRefused('open-day-change-refused', violations);

        const change: OpenDayChange = {
          id: randomUUID(),
          planId: plan.id,
          openDayId: plan.openDayId!,
          agencyId: plan.agencyId,
          title: plan.title,
          status: 'submitted',
          review,
          changedFields,
          before: changeContent(current),
          after: changeContent(wanted),
          releasedTicketIds,
          reason: input.reason,
          comments: null,
          submittedBy: actor.userId,
          submittedAt: now,
          decidedAt: null,
          decidedBy: null,
        };
        if (review === 'not-required') {
          change.status = 'applied';
          change.decidedAt = now;
          await insertChange(manager, change);
          await this.apply(manager, plan, change, actor, 'not-required', now);
        } else {
          await insertChange(manager, change);
          await recordPlanHistory(manager, plan, actor, 'change-filed', plan.status, now, {
            comments: input.reason,
            details: { changeId: change.id, changedFields, releasedTicketIds },
          });
          const filed: OpenDayChangeFiledV1 = { ...changeRef(change), reason: change.reason, filedAt: now.toISOString() };
          await this.outbox.add(manager, OpenDayChangeFiledV1.contract, filed, { aggregateId: change.openDayId });
        }
        return changeView(change);
      });
    } catch (error) {
      // Two filings at once: the second meets the first's pending change.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw pendingProblem();
      throw error;
    }
  }

  async listForPlan(actor: Actor, planId: string): Promise<{ items: OpenDayChangeView[] }> {
    const plan = await findPlan(this.dataSource.manager, planId);
    allowOrThrow(plan, planId, actor, 'view');
    const changes = await changesOfPlan(this.dataSource.manager, planId);
    return { items: changes.map(changeView) };
  }

  /** The city office sees every agency's changes, an agency its own; waiting changes oldest first, the others newest first. */
  async list(actor: Actor, query: OpenDayChangeListQuery): Promise<OpenDayChangePage> {
    if (!worksWithPlans(actor)) throw problem('not-allowed', { detail: 'This role does not work with plans.' });
    if (actor.role !== 'city-office' && !actor.agencyId) throw problem('not-allowed', { detail: 'Agency staff without an agency see no changes.' });
    if (actor.role !== 'city-office' && query.agencyId && query.agencyId !== actor.agencyId) return { items: [], nextCursor: null };
    const agencyId = actor.role === 'city-office' ? query.agencyId : actor.agencyId;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const direction = query.status === 'submitted' ? 'ASC' : 'DESC';
    const after = query.cursor ? PAGES.read(query.cursor) : undefined;
    const rows = await listChanges(this.dataSource.manager, {
      agencyId,
      status: query.status,
      direction,
      after: after && { submittedAt: new Date(after[0]), id: after[1] },
      limit: limit + 1,
    });
    const page = PAGES.page(rows, limit, (row) => [row.submittedAt.toISOString(), row.id]);
    return { items: page.items.map(changeView), nextCursor: page.nextCursor };
  }

  /** The city office approves: checked again as of now (too late: 422; places taken since: 409), then the change takes effect. */
  async approve(actor: Actor, changeId: string, comments?: string): Promise<OpenDayChangeView> {
    return this.dataSource.transaction(async (manager) => {
      const { change, plan } = await this.lockForDecision(manager, actor, changeId);
      // A day cancelled while its change waited: the change can only be returned.
      if (plan.status !== 'published') throw stateConflict(`the plan is ${plan.status}; only a published open day changes`);
      const now = this.clock.now();
      const existing = await planSessions(manager, plan.id);
      const current = storedContent(plan, existing);
      const wanted = appliedContent(current, change.after, change.changedFields);
      rejectViolations(validatePlan(wanted));
      const calendar = await this.calendar.load(manager);
      const late = this.leadTime(calendar, current, wanted, change.changedFields, now);
      if (late.length > 0) throw changeRefused('open-day-change-refused', late);
      const places = await this.placeProblems(manager, plan.openDayId!, wanted, change.releasedTicketIds);
      if (places.length > 0) throw changeRefused('open-day-change-places-taken', places);

      change.status = 'applied';
      change.comments = comments ?? null;
      change.decidedAt = now;
      change.decidedBy = actor.userId;
      await recordDecision(manager, change);
      await this.apply(manager, plan, change, actor, 'approved-by-city-office', now);
      return changeView(change);
    });
  }

  async returnChange(actor: Actor, changeId: string, comments: string): Promise<OpenDayChangeView> {
    return this.dataSource.transaction(async (manager) => {
      const { change, plan } = await this.lockForDecision(manager, actor, changeId);
      const now = this.clock.now();
      change.status = 'returned';
      change.comments = comments;
      change.decidedAt = now;
      change.decidedBy = actor.userId;
      await recordDecision(manager, change);
      await recordPlanHistory(manager, plan, actor, 'change-returned', plan.status, now, { comments, details: { changeId: change.id, changedFields: change.changedFields } });
      const returned: OpenDayChangeReturnedV1 = { ...changeRef(change), comments, returnedAt: now.toISOString() };
      await this.outbox.add(manager, OpenDayChangeReturnedV1.contract, returned, { aggregateId: change.openDayId });
      return changeView(change);
    });
  }

  /** Both locked (plan first, as filing does); only the city office decides, only a waiting change. */
  private async lockForDecision(manager: EntityManager, actor: Actor, changeId: string): Promise<{ change: OpenDayChange; plan: Plan }> {
    const found = await findChange(manager, changeId);
    if (!found || !worksWithPlans(actor) || !canSeeAgencyPlans(actor, found.agencyId)) throw problem('not-found', { detail: `No open-day change ${changeId}.` });
    if (actor.role !== 'city-office') throw problem('not-allowed', { detail: 'Not allowed: only the city office decides on a change to an open day.' });
    const plan = await lockPlan(manager, found.planId, actor, 'view');
    const change = (await findChange(manager, changeId, true))!;
    if (change.status !== 'submitted') throw stateConflict(`the change is ${change.status}; only a submitted change is decided`);
    return { change, plan };
  }

  private async ruleProblems(
    manager: EntityManager,
    plan: Plan,
    current: CanonicalContent,
    wanted: CanonicalContent,
    changedFields: OpenDayChange['changedFields'],
    releasedTicketIds: readonly string[],
    at: Date,
  ): Promise<FieldProblem[]> {
    const calendar = await this.calendar.load(manager);
    return [...this.leadTime(calendar, current, wanted, changedFields, at), ...(await this.placeProblems(manager, plan.openDayId!, wanted, releasedTicketIds))];
  }

  private leadTime(calendar: WorkingDayCalendar, current: CanonicalContent, wanted: CanonicalContent, changedFields: OpenDayChange['changedFields'], at: Date): FieldProblem[] {
    try {
      return leadTimeProblems(calendar, { before: current.sessions, after: wanted.sessions, changedFields }, at);
    } catch (error) {
      throw uncoveredYearProblem(error);
    }
  }

  /** The places taken now, locked so no check-in or revocation slips between this check and the change. */
  private async placeProblems(manager: EntityManager, openDayId: string, wanted: CanonicalContent, releasedTicketIds: readonly string[]): Promise<FieldProblem[]> {
    const tickets = await findTickets(manager, `t.open_day_id = $1 AND t.status <> 'revoked'`, [openDayId], { lock: true });
    const taken = tickets.map((t): TakenPlace => ({ ticketId: t.id, sessionId: t.sessionId, status: t.status as TakenPlace['status'] }));
    return capacityProblems(wanted.sessions, taken, releasedTicketIds);
  }

  /** The change takes effect. open-day-changed v2 (and v1) go to the outbox before the revocations: vetting must see the change first. */
  private async apply(manager: EntityManager, plan: Plan, change: OpenDayChange, actor: Actor, review: ChangeReview, now: Date): Promise<void> {
    const existing = await planSessions(manager, plan.id);
    const next = appliedContent(storedContent(plan, existing), change.after, change.changedFields);
    assignContent(plan, next);
    const sessions = change.changedFields.includes('sessions') ? await replacePlanSessions(manager, plan, next) : existing;
    plan.version += 1;
    plan.updatedAt = now;
    await updatePlan(manager, plan);
    await updateOpenDay(manager, change.openDayId, plan, sessions, now);

    const released = change.releasedTicketIds.length
      ? await findTickets(manager, `t.id = ANY($1::uuid[]) AND t.status = 'issued'`, [change.releasedTicketIds], { lock: true })
      : [];
    const kept = new Set(sessions.map((s) => s.id));
    const v2 = changedV2(
      change.openDayId,
      plan,
      sessions,
      {
        changedFields: change.changedFields,
        removedSessionIds: existing.filter((s) => !kept.has(s.id)).map((s) => s.id),
        releases: released.map((t) => ({ sessionId: t.sessionId, personId: t.personId, applicationId: t.applicationId })),
        review,
        reason: change.reason,
      },
      now,
    );
    await this.outbox.add(manager, OpenDayChangedV2.contract, v2, { aggregateId: change.openDayId });
    const v1 = changedV1Of(v2);
    if (v1) await this.outbox.add(manager, OpenDayChangedV1.contract, v1, { aggregateId: change.openDayId });
    await this.revokeReleased(manager, released, change);
    await recordPlanHistory(manager, plan, actor, 'changed', plan.status, now, {
      comments: change.reason,
      details: { changeId: change.id, changedFields: change.changedFields, review, releasedTicketIds: released.map((t) => t.id) },
    });
  }

  private async revokeReleased(manager: EntityManager, released: readonly TicketRow[], change: OpenDayChange): Promise<void> {
    for (const ticket of released) await this.admission.revoke(manager, ticket, 'revoked-by-staff', { userId: change.submittedBy, note: change.reason });
  }
}

/** What the change events say of the change itself: no person, no content, only which open day and what changes. */
function changeRef({ id, planId, openDayId, agencyId, title, changedFields }: OpenDayChange): OpenDayChangeRef {
  return { changeId: id, planId, openDayId, agencyId, title, changedFields };
}

async function rejectIfPending(manager: EntityManager, openDayId: string): Promise<void> {
  const pending = await pendingChange(manager, openDayId);
  if (pending) throw pendingProblem();
}

function pendingProblem(): ProblemException {
  const message = 'another change of this open day is waiting for the city office; file this one once it is approved or returned';
  return problem('change-pending', { detail: message, field: 'openDayId', rule: 'changePending' });
}

function changeRefused(code: 'open-day-change-refused' | 'open-day-change-places-taken', errors: FieldProblem[]): ProblemException {
  return problem(code, {
    detail: `The change breaks ${errors.length} rule${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.message).join('; ')}.`,
    errors,
  });
}

function stateConflict(reason: string): ProblemException {
  return problem('plan-state', { detail: `Not possible now: ${reason}.` });
}
