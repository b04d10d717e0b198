import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationFlaggedV1 } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { WorkingCalendarSource, type CurrentWorkingCalendar } from '@openday/platform';
import { SelectionLedger } from '../selection-runs/selection-ledger';
import { answerDeadline } from './answer-deadline';

/**
 * The 2-working-day answer rule: when an open day's answer deadline passes (its timer fires),
 * every applicant still without an answer — undecided, or selected but waiting for joint
 * review — is flagged to the city office, once, with an event.
 */
@Injectable()
export class AnswerDeadlineService {
  constructor(
    private readonly ledger: SelectionLedger,
    private readonly outbox: Outbox,
    @Inject(WorkingCalendarSource) private readonly calendars: CurrentWorkingCalendar,
  ) {}

  /**
   * Flags what is unanswered, or answers when to look again: a timer set at the earliest
   * possible instant (the calendar lacked the year then) may come before the true deadline.
   * A year still missing throws UncoveredYearError, so the timer retries and logs it.
   */
  async deadlinePassed(manager: EntityManager, openDayId: string): Promise<{ flagged: number } | { notBefore: Date }> {
    const openDay = await this.ledger.openDay(manager, openDayId);
    if (!openDay || openDay.status === 'cancelled') return { flagged: 0 };
    const { dueDate, dueAt } = answerDeadline(openDay.registrationClosesAt, await this.calendars.current());
    if (dueAt.getTime() > this.ledger.now().getTime()) return { notBefore: dueAt };
    const unanswered = await this.ledger.applicants(
      manager,
      `open_day_id = $1 AND answer_flagged_at IS NULL AND (status = 'eligible' OR (status = 'selected' AND awaiting_joint_review)) ORDER BY arrival_order FOR UPDATE`,
      [openDayId],
    );
    const at = this.ledger.now();
    for (const row of unanswered) {
      await manager.query(`UPDATE vetting_applicants SET answer_flagged_at = $2, answer_due_date = $3 WHERE person_id = $1`, [row.personId, at, dueDate]);
      await this.outbox.add(
        manager,
        ApplicationFlaggedV1.contract,
        {
          applicationId: row.applicationId,
          personId: row.personId,
          openDayId: row.openDayId,
          sessionId: row.sessionId,
          agencyId: openDay.agencyId,
          state: row.status === 'eligible' ? 'eligible' : 'awaiting-joint-review',
          registrationClosedAt: openDay.registrationClosesAt.toISOString(),
          answerDueDate: dueDate,
          flaggedAt: at.toISOString(),
        },
        { aggregateId: row.personId },
      );
    }
    return { flagged: unanswered.length };
  }
}
