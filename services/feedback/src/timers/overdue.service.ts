import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { FeedbackOverdueV1 } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, WorkingCalendarSource, type CurrentWorkingCalendar } from '@openday/platform';
import { toCalendarDate, UncoveredYearError } from '@openday/domain';
import { chase, type Chase } from '../accountability/due-dates';
import { FEEDBACK_SETTINGS, type FeedbackSettings } from '../feedback/settings';

/** How often an overdue item whose chase needs a missing calendar year looks again. */
const CALENDAR_RECHECK_MS = 3_600_000;

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
    for (let claims = 0; claims < max; claims += 1) {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const [item] = (await manager.query(
          `SELECT id, open_day_id, agency_id, department_id, due_date::text AS due_date, chase_count FROM fb_items
            WHERE status = 'assigned' AND next_check_at <= $1 ORDER BY next_check_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        )) as DueRow[];
        if (!item) return undefined;
        const planned = await this.plannedChase(item, now);
        if (!planned) {
          await this.waitForCalendar(manager, item.id, now);
          return { id: item.id, chased: false };
        }
        await this.recordChase(manager, item, planned, now);
        return { id: item.id, chased: true };
      });
      if (!outcome) break;
      if (outcome.chased) chased.push(outcome.id);
    }
    return chased;
  }

  /** The chase, or nothing when it would count working days in a year the calendar lacks. */
  private async plannedChase(item: DueRow, now: Date): Promise<Chase | undefined> {
    try {
      return chase(await this.calendars.current(), toCalendarDate(item.due_date), now, this.settings.chaseEveryWorkingDays);
    } catch (error) {
      if (!(error instanceof UncoveredYearError)) throw error;
      this.logger.warn(`feedback ${item.id} is overdue, but the working-day calendar has no schedule for ${error.year}: the chase waits until the city office adds it`);
      return undefined;
    }
  }

  /** Overdue needs no calendar, so the figures show it at once; counting how late, and chasing, wait for the year. */
  private async waitForCalendar(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query(`UPDATE fb_items SET overdue = true, ever_overdue = true, next_check_at = $2 WHERE id = $1`, [
      id,
      new Date(now.getTime() + CALENDAR_RECHECK_MS),
    ]);
  }

  private async recordChase(manager: EntityManager, item: DueRow, planned: Chase, now: Date): Promise<void> {
    const chaseNumber = item.chase_count + 1;
    await manager.query(`UPDATE fb_items SET overdue = true, ever_overdue = true, chase_count = $2, next_check_at = $3 WHERE id = $1`, [
      item.id,
      chaseNumber,
      planned.nextChaseAt,
    ]);
    await this.outbox.add(
      manager,
      FeedbackOverdueV1.contract,
      {
        feedbackId: item.id,
        openDayId: item.open_day_id,
        agencyId: item.agency_id,
        departmentId: item.department_id,
        dueDate: toCalendarDate(item.due_date),
        workingDaysOverdue: planned.workingDaysOverdue,
        chaseNumber,
        chasedAt: now.toISOString(),
      },
      { aggregateId: item.id },
    );
  }
}
