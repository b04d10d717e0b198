import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@openday/platform';
import { SelectionService } from '../selection-runs/selection.service';
import { AnswerDeadlineService } from '../answer-deadline/answer-deadline.service';

/** After a failed attempt the timer waits this long, then longer, up to an hour. */
const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000];

export type TimerKind = 'registration-closed' | 'answer-deadline';

/**
 * Fires vetting's timers: each due row is claimed with FOR UPDATE SKIP LOCKED, so replicas
 * polling together never fire one twice, and deleted in the transaction that acts on it (the
 * lottery draw, closing first-come arrivals, flagging unanswered applicants); a crash before
 * the commit leaves the row for the next poll, so timers survive restarts.
 */
@Injectable()
export class TimerService {
  private readonly logger = new Logger(TimerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly selection: SelectionService,
    private readonly answers: AnswerDeadlineService,
  ) {}

  /** Fires what is due, one timer per transaction; answers what fired. */
  async fireDue(max = 50): Promise<Array<{ kind: TimerKind; openDayId: string }>> {
    const fired: Array<{ kind: TimerKind; openDayId: string }> = [];
    for (let claims = 0; claims < max; claims += 1) {
      let claimed: { kind: TimerKind; openDayId: string } | undefined;
      try {
        const outcome = await this.dataSource.transaction(async (manager) => {
          const [timer] = (await manager.query(
            `SELECT kind, open_day_id AS "openDayId" FROM vetting_timers WHERE due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [this.clock.now()],
          )) as Array<{ kind: TimerKind; openDayId: string }>;
          if (!timer) return 'nothing-due' as const;
          claimed = timer;
          const notBefore = await this.act(manager, timer);
          if (notBefore) {
            await manager.query(`UPDATE vetting_timers SET due_at = $3, attempts = 0, last_error = NULL WHERE kind = $1 AND open_day_id = $2`, [
              timer.kind,
              timer.openDayId,
              notBefore,
            ]);
            return 'rescheduled' as const;
          }
          await manager.query(`DELETE FROM vetting_timers WHERE kind = $1 AND open_day_id = $2`, [timer.kind, timer.openDayId]);
          return timer;
        });
        if (outcome === 'nothing-due') break;
        if (outcome !== 'rescheduled') fired.push(outcome);
      } catch (error) {
        if (!claimed) throw error;
        await this.postpone(claimed, error);
      }
    }
    return fired;
  }

  /** Does what the timer is for; answers a later instant when it came too early. */
  private async act(manager: EntityManager, timer: { kind: TimerKind; openDayId: string }): Promise<Date | undefined> {
    if (timer.kind === 'registration-closed') {
      await this.selection.registrationClosed(manager, timer.openDayId);
      return undefined;
    }
    const outcome = await this.answers.deadlinePassed(manager, timer.openDayId);
    return 'notBefore' in outcome ? outcome.notBefore : undefined;
  }

  private async postpone(timer: { kind: TimerKind; openDayId: string }, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`timer ${timer.kind} of open day ${timer.openDayId} failed; will retry: ${message}`);
    const [row] = (await this.dataSource.query(`SELECT attempts FROM vetting_timers WHERE kind = $1 AND open_day_id = $2`, [timer.kind, timer.openDayId])) as Array<{
      attempts: number;
    }>;
    const delay = RETRY_DELAYS_MS[Math.min(row?.attempts ?? 0, RETRY_DELAYS_MS.length - 1)];
    await this.dataSource.query(
      `UPDATE vetting_timers SET attempts = attempts + 1, last_error = $3, due_at = $4 WHERE kind = $1 AND open_day_id = $2`,
      [timer.kind, timer.openDayId, message.slice(0, 1000), new Date(this.clock.now().getTime() + delay)],
    );
  }
}
