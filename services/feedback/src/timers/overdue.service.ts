import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FeedbackOverdueV1 } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, WorkingCalendarSource, type CurrentWorkingCalendar } from '@openday/platform';
import { shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { chase, withPlainYearsFallback } from '../accountability/due-dates';
import { FEEDBACK_SETTINGS, type FeedbackSettings } from '../feedback/settings';

interface DueRow {
  id: string;
  open_day_id: string;
  agency_id: string;
  department_id: string;
  due_date: string;
  chase_count: number;
}

/**
 * 督办: each assigned, unanswered item whose `next_check_at` has come is claimed with
 * FOR UPDATE SKIP LOCKED (so replicas never chase one twice), marked overdue, chased with a
 * FeedbackOverdueV1 (the notification service tells the department) and given its next chase,
 * all in one transaction: a crash before the commit leaves it for the next poll.
 */
@Injectable()
export class OverdueService {
  private readonly logger = new Logger(OverdueService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(WorkingCalendarSource) private readonly calendars: CurrentWorkingCalendar,
    @Inject(FEEDBACK_SETTINGS) private readonly settings: FeedbackSettings,
  ) {}

  /** Chases what is due, one item per transaction; answers the ids chased. */
  async chaseDue(max = 100): Promise<string[]> {
    const chased: string[] = [];
    while (chased.length < max) {
      const id = await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const [item] = (await manager.query(
          `SELECT id, open_day_id, agency_id, department_id, due_date::text AS due_date, chase_count FROM fb_items
            WHERE status = 'assigned' AND next_check_at <= $1 ORDER BY next_check_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        )) as DueRow[];
        if (!item) return undefined;
        const dueDate = toCalendarDate(item.due_date);
        const official = await this.calendars.current();
        const calendar = withPlainYearsFallback(official, [dueDate, shanghaiDateOf(now)]);
        if (calendar !== official) this.logger.warn(`the official calendar does not cover ${shanghaiDateOf(now)}; chasing on the weekday rule`);
        const { workingDaysOverdue, nextChaseAt } = chase(calendar, dueDate, now, this.settings.chaseEveryWorkingDays);
        const chaseNumber = item.chase_count + 1;
        await manager.query(
          `UPDATE fb_items SET overdue = true, ever_overdue = true, chase_count = $2, next_check_at = $3 WHERE id = $1`,
          [item.id, chaseNumber, nextChaseAt],
        );
        await this.outbox.add(
          manager,
          FeedbackOverdueV1.contract,
          {
            feedbackId: item.id, openDayId: item.open_day_id, agencyId: item.agency_id, departmentId: item.department_id, dueDate,
            workingDaysOverdue, chaseNumber, chasedAt: now.toISOString(),
          },
          { aggregateId: item.id },
        );
        return item.id;
      });
      if (!id) break;
      chased.push(id);
    }
    return chased;
  }
}
