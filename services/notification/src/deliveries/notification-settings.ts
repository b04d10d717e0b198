import type { QuietHours } from '../reminders/quiet-hours';
import type { ReminderSettings } from '../reminders/reminder-plan';

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

/** The config values the domain code needs, as plain values (tests build them directly). */
export interface NotificationSettings {
  maxAttempts: number;
  retryBaseMs: number;
  contactWaitMinutes: number;
  quietHours: QuietHours;
  reminders: ReminderSettings;
}
