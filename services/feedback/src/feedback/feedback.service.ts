import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  FeedbackAnsweredV1,
  FeedbackAssignedV1,
  FeedbackRatedV1,
  FeedbackSubmittedV1,
  type Actor,
  type AnswerFeedbackInput,
  type AssignFeedbackInput,
  type FeedbackItemPage,
  type FeedbackItemView,
  type FeedbackListQuery,
  type PageQuery,
  type FeedbackTextInput,
  type RateAnswerInput,
  type RecordFeedbackInput,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, problem, WorkingCalendarSource, type CurrentWorkingCalendar } from '@openday/platform';
import { toCalendarDate, UncoveredYearError, type CalendarDate } from '@openday/domain';
import { defaultDueDate, isAcceptableDueDate, isLate, overdueFrom } from '../accountability/due-dates';
import { assertManages, invalidField, notFound } from './access';
import { findItem, pageOfItems, toItemView, type ItemRow } from './item-rows';
import { ratingRefusal } from './rating-rules';
import { FEEDBACK_SETTINGS, type FeedbackSettings } from './settings';

interface TicketRow {
  ticket_id: string;
  person_id: string;
  applicant_user_id: string | null;
  agency_id: string;
  session_starts_at: Date | null;
  checked_in_at: Date | null;
}

/**
 * Opinions and suggestions, from collection to a rated answer: representatives and staff
 * collect, staff assign (交办), the department answers (反馈), the representative rates.
 * Each change and its event are one transaction (the outbox).
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(WorkingCalendarSource) private readonly calendars: CurrentWorkingCalendar,
    @Inject(FEEDBACK_SETTINGS) private readonly settings: FeedbackSettings,
  ) {}

  /** A checked-in representative's own opinion, from the start of their session on. */
  async submit(actor: Actor, openDayId: string, input: FeedbackTextInput): Promise<FeedbackItemView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await checkedInTicket(manager, actor, openDayId, this.clock.now());
      return this.collect(manager, openDayId, ticket.agency_id, input, { ticket, source: 'representative', recordedBy: null });
    });
  }

  /** Staff record what a representative said (at a forum), naming their ticket if they know it. */
  async record(actor: Actor, openDayId: string, input: RecordFeedbackInput): Promise<FeedbackItemView> {
    return this.dataSource.transaction(async (manager) => {
      const [openDay] = (await manager.query(`SELECT agency_id FROM fb_open_days WHERE id = $1`, [openDayId])) as Array<{ agency_id: string }>;
      if (!openDay || actor.role === 'city-office') throw notFound(`open day ${openDayId} of your agency`);
      assertManages(actor, openDay.agency_id, `open day ${openDayId} of your agency`);
      let ticket: TicketRow | null = null;
      if (input.ticketId) {
        const rows = (await manager.query(`SELECT * FROM fb_tickets WHERE ticket_id = $1 AND open_day_id = $2`, [input.ticketId, openDayId])) as TicketRow[];
        if (!rows[0]) throw invalidField('ticketId', 'ticketOfOpenDay', 'ticketId must name a ticket of this open day');
        ticket = rows[0];
      }
      return this.collect(manager, openDayId, openDay.agency_id, input, { ticket, source: 'recorded-by-staff', recordedBy: actor.userId });
    });
  }

  private async collect(
    manager: EntityManager,
    openDayId: string,
    agencyId: string,
    input: FeedbackTextInput,
    by: { ticket: TicketRow | null; source: 'representative' | 'recorded-by-staff'; recordedBy: string | null },
  ): Promise<FeedbackItemView> {
    const id = randomUUID();
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO fb_items (id, open_day_id, agency_id, ticket_id, person_id, applicant_user_id, source, recorded_by, topic, text, attachment, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id, openDayId, agencyId, by.ticket?.ticket_id ?? null, by.ticket?.person_id ?? null, by.ticket?.applicant_user_id ?? null, by.source,
        by.recordedBy, input.topic, input.text.trim(), input.attachment ?? null, now,
      ],
    );
    await this.outbox.add(
      manager,
      FeedbackSubmittedV1.contract,
      { feedbackId: id, openDayId, agencyId, personId: by.ticket?.person_id ?? null, topic: input.topic, source: by.source, submittedAt: now.toISOString() },
      { aggregateId: id },
    );
    return toItemView((await findItem(manager, id))!);
  }

  listMine(actor: Actor, query: PageQuery): Promise<FeedbackItemPage> {
    return pageOfItems(this.dataSource.manager, 'i.applicant_user_id = $1', [actor.userId], query);
  }

  async listForOpenDay(actor: Actor, openDayId: string, query: FeedbackListQuery): Promise<FeedbackItemPage> {
    const [openDay] = (await this.dataSource.query(`SELECT agency_id FROM fb_open_days WHERE id = $1`, [openDayId])) as Array<{ agency_id: string }>;
    if (!openDay) throw notFound(`open day ${openDayId}`);
    assertManages(actor, openDay.agency_id, `open day ${openDayId}`);
    return pageOfItems(this.dataSource.manager, 'i.open_day_id = $1', [openDayId], query);
  }

  listForDepartment(actor: Actor, query: FeedbackListQuery): Promise<FeedbackItemPage> {
    if (actor.role !== 'department-handler' || !actor.agencyId) throw notFound('department of yours');
    return pageOfItems(this.dataSource.manager, 'i.department_id = $1', [actor.agencyId], query);
  }

  /** 交办: to a department (the gateway checked it is in the directory), with a due date; again until answered. */
  async assign(actor: Actor, feedbackId: string, input: AssignFeedbackInput): Promise<FeedbackItemView> {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.managedItem(manager, actor, feedbackId);
      if (item.status === 'answered') throw problem('feedback-state', { detail: `Feedback ${feedbackId} is answered; it can no longer be assigned.` });
      const now = this.clock.now();
      const dueDate = await this.dueDate(input.dueDate, now);
      await manager.query(
        `UPDATE fb_items SET status = 'assigned', department_id = $2, due_date = $3, assigned_at = $4, assigned_by = $5,
                overdue = false, chase_count = 0, next_check_at = $6 WHERE id = $1`,
        [feedbackId, input.departmentId, dueDate, now, actor.userId, overdueFrom(dueDate)],
      );
      await this.outbox.add(
        manager,
        FeedbackAssignedV1.contract,
        { feedbackId, openDayId: item.open_day_id, agencyId: item.agency_id, departmentId: input.departmentId, dueDate, assignedAt: now.toISOString() },
        { aggregateId: feedbackId },
      );
      return toItemView((await findItem(manager, feedbackId))!);
    });
  }

  private async dueDate(given: string | undefined, now: Date): Promise<CalendarDate> {
    if (given) {
      const date = toCalendarDate(given);
      if (!isAcceptableDueDate(date, now)) throw invalidField('dueDate', 'notPast', 'dueDate must be today or later (Asia/Shanghai)');
      return date;
    }
    try {
      return defaultDueDate(await this.calendars.current(), now, this.settings.answerWorkingDays);
    } catch (error) {
      if (!(error instanceof UncoveredYearError)) throw error;
      throw invalidField('dueDate', 'calendarCovers', `the working-day calendar does not cover ${error.message.match(/\d{4}/)?.[0] ?? 'that year'} yet: give a dueDate`);
    }
  }

  /** 反馈: the assigned department's handler answers with an honest outcome. */
  async answer(actor: Actor, feedbackId: string, input: AnswerFeedbackInput): Promise<FeedbackItemView> {
    return this.dataSource.transaction(async (manager) => {
      const item = await findItem(manager, feedbackId, true);
      if (!item || !actor.agencyId || item.department_id !== actor.agencyId) throw notFound(`feedback ${feedbackId} assigned to your department`);
      if (item.status !== 'assigned') throw problem('feedback-state', { detail: `Feedback ${feedbackId} is answered already.` });
      const now = this.clock.now();
      const late = isLate(toCalendarDate(item.due_date), now);
      const promisedBy = input.outcome === 'will-be-solved' ? input.promisedBy! : null;
      const passedTo = input.outcome === 'not-our-remit' ? input.passedTo!.trim() : null;
      await manager.query(
        `UPDATE fb_items SET status = 'answered', outcome = $2, answer = $3, promised_by = $4, passed_to = $5, late = $6,
                answered_at = $7, answered_by = $8, overdue = false, next_check_at = NULL WHERE id = $1`,
        [feedbackId, input.outcome, input.answer.trim(), promisedBy, passedTo, late, now, actor.userId],
      );
      await this.outbox.add(
        manager,
        FeedbackAnsweredV1.contract,
        {
          feedbackId, openDayId: item.open_day_id, agencyId: item.agency_id, departmentId: item.department_id, personId: item.person_id,
          outcome: input.outcome, promisedBy, passedTo, answer: input.answer.trim(), late, answeredAt: now.toISOString(),
        },
        { aggregateId: feedbackId },
      );
      return toItemView((await findItem(manager, feedbackId))!);
    });
  }

  /** The representative whose item it is rates the answer, once. */
  async rate(actor: Actor, feedbackId: string, input: RateAnswerInput): Promise<FeedbackItemView> {
    return this.dataSource.transaction(async (manager) => {
      const item = await findItem(manager, feedbackId, true);
      if (!item || item.applicant_user_id !== actor.userId) throw notFound(`feedback ${feedbackId} of yours`);
      const refusal = ratingRefusal(item);
      if (refusal === 'not-answered') throw problem('feedback-state', { detail: `Feedback ${feedbackId} has no answer to rate yet.` });
      if (refusal === 'already-rated') throw problem('feedback-state', { detail: `The answer to feedback ${feedbackId} is rated already.` });
      const now = this.clock.now();
      await manager.query(`UPDATE fb_items SET rating = $2, rated_at = $3 WHERE id = $1`, [feedbackId, input.rating, now]);
      await this.outbox.add(
        manager,
        FeedbackRatedV1.contract,
        { feedbackId, openDayId: item.open_day_id, agencyId: item.agency_id, departmentId: item.department_id!, rating: input.rating, ratedAt: now.toISOString() },
        { aggregateId: feedbackId },
      );
      return toItemView((await findItem(manager, feedbackId))!);
    });
  }

  private async managedItem(manager: EntityManager, actor: Actor, feedbackId: string): Promise<ItemRow> {
    const item = await findItem(manager, feedbackId, true);
    if (!item) throw notFound(`feedback ${feedbackId}`);
    assertManages(actor, item.agency_id, `feedback ${feedbackId}`);
    return item;
  }
}

/**
 * The caller's checked-in, unrevoked ticket for the open day (the earliest checked in; one
 * account may hold several, e.g. a unit's group application). Only those who were there give
 * feedback and answer the survey, and only from the start of their session.
 */
export async function checkedInTicket(manager: EntityManager, actor: Actor, openDayId: string, now: Date, extraCondition = ''): Promise<TicketRow> {
  const tickets = (await manager.query(
    `SELECT t.* FROM fb_tickets t WHERE t.applicant_user_id = $1 AND t.open_day_id = $2 AND NOT t.revoked ORDER BY t.checked_in_at NULLS LAST, t.ticket_id`,
    [actor.userId, openDayId],
  )) as TicketRow[];
  if (tickets.length === 0) throw notFound(`ticket of yours for open day ${openDayId}`);
  const checkedIn = tickets.filter((t) => t.checked_in_at !== null);
  if (checkedIn.length === 0) throw problem('not-checked-in', { detail: 'Only representatives checked in at this open day may take part.' });
  const started = checkedIn.filter((t) => !t.session_starts_at || t.session_starts_at.getTime() <= now.getTime());
  if (started.length === 0) throw problem('session-not-started', { detail: 'Feedback opens when your session starts.' });
  if (!extraCondition) return started[0];
  const ids = started.map((t) => t.ticket_id);
  const open = (await manager.query(`SELECT t.ticket_id FROM fb_tickets t WHERE t.ticket_id = ANY($1) AND ${extraCondition}`, [ids])) as Array<{ ticket_id: string }>;
  const first = started.find((t) => open.some((o) => o.ticket_id === t.ticket_id));
  if (!first) throw problem('survey-already-answered', { detail: 'You have answered this survey already.' });
  return first;
}
