import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@openday/platform';
import { Dispatcher } from '../deliveries/dispatcher';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../deliveries/notification-settings';
import type { TicketFacts } from '../tickets/ticket-facts';
import { reminderSendTime } from './quiet-hours';
import { plannedReminders, type ReminderKind } from './reminder-plan';

interface DueReminder {
  ticketId: string;
  kind: ReminderKind;
  dueAt: Date;
  sessionStartsAt: Date;
  personId: string;
  facts: TicketFacts;
}

/**
 * Reminder timers: rows in notification_reminders, one per (ticket, kind). Each replica claims
 * due rows with FOR UPDATE SKIP LOCKED and deletes a row in the transaction that creates its
 * message, so a reminder fires once across replicas and survives restarts. The message's cause
 * is `reminder:<ticket>:<kind>:<session start>`: a rescheduled session gets new reminders.
 */
@Injectable()
export class ReminderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  /** The ticket's reminders as its session now is, in one statement: the planned ones kept or set, any other dropped. */
  async schedule(manager: EntityManager, ticketId: string, facts: TicketFacts): Promise<void> {
    await this.scheduleAll(manager, [{ ticketId, facts }]);
  }

  /** schedule for many tickets, still one statement (quiet hours applied). */
  async scheduleAll(manager: EntityManager, tickets: ReadonlyArray<{ ticketId: string; facts: TicketFacts }>): Promise<void> {
    if (tickets.length === 0) return;
    const now = this.clock.now();
    const planned = tickets.flatMap(({ ticketId, facts }) => {
      const sessionStartsAt = new Date(facts.startsAtInstant);
      return plannedReminders({ date: facts.date, startsAtInstant: sessionStartsAt }, this.settings.reminders, now).flatMap((reminder) => {
        const dueAt = reminderSendTime({ due: reminder.dueAt, sessionStartsAt, now, quiet: this.settings.quietHours });
        return dueAt ? [{ ticketId, kind: reminder.kind, sessionStartsAt, dueAt }] : [];
      });
    });
    await manager.query(
      `WITH planned AS (SELECT * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS p(ticket_id, kind, session_starts_at, due_at)),
       dropped AS (
         DELETE FROM notification_reminders r
          WHERE r.ticket_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM planned p WHERE p.ticket_id = r.ticket_id AND p.kind = r.kind))
       INSERT INTO notification_reminders (ticket_id, kind, session_starts_at, due_at)
       SELECT ticket_id, kind, session_starts_at, due_at FROM planned
       ON CONFLICT (ticket_id, kind) DO UPDATE SET session_starts_at = EXCLUDED.session_starts_at, due_at = EXCLUDED.due_at`,
      [
        tickets.map((t) => t.ticketId),
        planned.map((p) => p.ticketId),
        planned.map((p) => p.kind),
        planned.map((p) => p.sessionStartsAt),
        planned.map((p) => p.dueAt),
      ],
    );
  }

  async cancel(manager: EntityManager, ticketId: string): Promise<void> {
    await manager.query(`DELETE FROM notification_reminders WHERE ticket_id = $1`, [ticketId]);
  }

  /** Fires what is due, one reminder per transaction; answers how many were handled. */
  async fireDue(max = 50): Promise<number> {
    let handled = 0;
    while (handled < max && (await this.fireNext())) handled += 1;
    return handled;
  }

  private fireNext(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [due] = (await manager.query(
        `SELECT r.ticket_id AS "ticketId", r.kind, r.due_at AS "dueAt", r.session_starts_at AS "sessionStartsAt", t.person_id AS "personId", t.facts
           FROM notification_reminders r JOIN notification_tickets t ON t.ticket_id = r.ticket_id
          WHERE r.due_at <= $1 ORDER BY r.due_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED`,
        [now],
      )) as DueReminder[];
      if (!due) return false;
      // Re-checked at firing: a replica that was down may come back inside the quiet hours.
      const sendAt = reminderSendTime({ due: due.dueAt, sessionStartsAt: due.sessionStartsAt, now, quiet: this.settings.quietHours });
      if (sendAt && sendAt.getTime() > now.getTime()) {
        await manager.query(`UPDATE notification_reminders SET due_at = $3 WHERE ticket_id = $1 AND kind = $2`, [due.ticketId, due.kind, sendAt]);
        return true;
      }
      if (sendAt) {
        const { title, date, startsAt, endsAt, venues, assemblyPoint, checkInCode } = due.facts;
        await this.dispatcher.dispatch(manager, {
          causeEventId: `reminder:${due.ticketId}:${due.kind}:${due.sessionStartsAt.toISOString()}`,
          recipient: { kind: 'person', personId: due.personId },
          content: { template: 'reminder', params: { title, date, startsAt, endsAt, venues, assemblyPoint, checkInCode } },
        });
      }
      await manager.query(`DELETE FROM notification_reminders WHERE ticket_id = $1 AND kind = $2`, [due.ticketId, due.kind]);
      return true;
    });
  }
}
