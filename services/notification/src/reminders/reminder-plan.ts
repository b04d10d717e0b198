import { addDays, shanghaiInstant, toCalendarDate } from '@openday/domain';

export type ReminderKind = 'day-before' | 'hours-before';

export interface ReminderSettings {
  /** HH:mm, Asia/Shanghai, on the day before the session. */
  dayBeforeAt: string;
  /** 0 = no second reminder. */
  hoursBefore: number;
}

/**
 * The reminders a ticket holder gets for a session: the day before at the set time, and a
 * second one some hours before (if configured). Those already due when the ticket is issued
 * are left out: the selection message has just said it all. Quiet hours apply when sending. Pure.
 */
export function plannedReminders(
  session: { date: string; startsAtInstant: Date },
  settings: ReminderSettings,
  now: Date,
): Array<{ kind: ReminderKind; dueAt: Date }> {
  const planned: Array<{ kind: ReminderKind; dueAt: Date }> = [
    { kind: 'day-before', dueAt: shanghaiInstant(addDays(toCalendarDate(session.date), -1), settings.dayBeforeAt) },
  ];
  if (settings.hoursBefore > 0) {
    planned.push({ kind: 'hours-before', dueAt: new Date(session.startsAtInstant.getTime() - settings.hoursBefore * 3_600_000) });
  }
  return planned.filter((reminder) => reminder.dueAt.getTime() > now.getTime() && reminder.dueAt.getTime() < session.startsAtInstant.getTime());
}
