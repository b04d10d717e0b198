import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AttendeeNoShowV1, OpenDayEndedV1 } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock } from '@openday/platform';
import { sessionEnd } from './admission-rules';
import { findSession, findSessions, findTickets, ticketRef } from './ticket-rows';

/** After a failed attempt the timer waits this long, then longer, up to an hour. */
const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000];

/**
 * At each session's end (a timer row, claimed FOR UPDATE SKIP LOCKED so replicas share the
 * work): every ticket still only issued becomes a no-show, with attendee-no-show each; once the
 * open day's last session is done, open-day-ended with the final figures. The open day's row
 * is locked first, so two sessions of one day ending together announce the end once.
 */
@Injectable()
export class NoShowsService {
  private readonly logger = new Logger(NoShowsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Records what is due, one session per transaction; answers the sessions done. */
  async recordDue(max = 20): Promise<string[]> {
    const done: string[] = [];
    while (done.length < max) {
      let claimed: string | undefined;
      try {
        const sessionId = await this.dataSource.transaction(async (manager) => {
          const [timer] = (await manager.query(
            `SELECT session_id AS "sessionId" FROM no_show_timers WHERE due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [this.clock.now()],
          )) as Array<{ sessionId: string }>;
          if (!timer) return undefined;
          claimed = timer.sessionId;
          await this.sessionEnded(manager, timer.sessionId);
          await manager.query(`DELETE FROM no_show_timers WHERE session_id = $1`, [timer.sessionId]);
          return timer.sessionId;
        });
        if (!sessionId) break;
        done.push(sessionId);
      } catch (error) {
        if (!claimed) throw error;
        await this.postpone(claimed, error);
      }
    }
    return done;
  }

  private async sessionEnded(manager: EntityManager, sessionId: string): Promise<void> {
    const session = await findSession(manager, sessionId);
    if (!session) return;
    await manager.query(`SELECT 1 FROM admission_open_days WHERE id = $1 FOR UPDATE`, [session.openDayId]);
    if (session.openDayStatus !== 'published' || session.noShowsRecordedAt) return;
    const now = this.clock.now();
    const endedAt = sessionEnd(session);
    const absent = await findTickets(manager, `t.session_id = $1 AND t.status = 'issued'`, [sessionId], { lock: true });
    await manager.query(`UPDATE tickets SET status = 'no-show', no_show_at = $2 WHERE session_id = $1 AND status = 'issued'`, [sessionId, now]);
    for (const ticket of absent) {
      await this.outbox.add(
        manager,
        AttendeeNoShowV1.contract,
        { ...ticketRef(ticket), sessionDate: session.date, sessionEndedAt: endedAt.toISOString(), recordedAt: now.toISOString() },
        { aggregateId: ticket.id },
      );
    }
    await manager.query(`UPDATE admission_sessions SET no_shows_recorded_at = $2 WHERE id = $1`, [sessionId, now]);
    this.logger.log(`session ${sessionId} ended: ${absent.length} no-show(s) recorded`);
    await this.endOpenDayIfDone(manager, session.openDayId, now);
  }

  private async endOpenDayIfDone(manager: EntityManager, openDayId: string, now: Date): Promise<void> {
    const sessions = await findSessions(manager, 's.open_day_id = $1', [openDayId]);
    if (sessions.some((s) => !s.noShowsRecordedAt)) return;
    const updated = (await manager.query(`UPDATE admission_open_days SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL RETURNING id`, [openDayId, now])) as unknown[];
    if (updated.length === 0) return;
    const [figures] = (await manager.query(
      `SELECT count(*)::int AS "ticketsIssued",
              count(*) FILTER (WHERE status = 'revoked')::int AS "ticketsRevoked",
              count(*) FILTER (WHERE status = 'checked-in')::int AS "checkedIn",
              count(*) FILTER (WHERE status = 'no-show')::int AS "noShows"
         FROM tickets WHERE open_day_id = $1`,
      [openDayId],
    )) as Array<OpenDayEndedV1['attendance']>;
    const dates = sessions.map((s) => s.date).sort();
    await this.outbox.add(
      manager,
      OpenDayEndedV1.contract,
      {
        openDayId,
        agencyId: sessions[0].agencyId,
        title: sessions[0].title,
        firstDate: dates[0],
        lastDate: dates.at(-1)!,
        attendance: figures,
        endedAt: now.toISOString(),
      },
      { aggregateId: openDayId },
    );
    this.logger.log(`open day ${openDayId} ended`);
  }

  private async postpone(sessionId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`recording no-shows of session ${sessionId} failed; will retry: ${message}`);
    const [row] = (await this.dataSource.query(`SELECT attempts FROM no_show_timers WHERE session_id = $1`, [sessionId])) as Array<{ attempts: number }>;
    const delay = RETRY_DELAYS_MS[Math.min(row?.attempts ?? 0, RETRY_DELAYS_MS.length - 1)];
    await this.dataSource.query(`UPDATE no_show_timers SET attempts = attempts + 1, last_error = $2, due_at = $3 WHERE session_id = $1`, [
      sessionId,
      message.slice(0, 1000),
      new Date(this.clock.now().getTime() + delay),
    ]);
  }
}
