import { dateTime, uuid } from '../vetting/common';

export const NOTIFICATION_CHANNELS = ['sms', 'email', 'in-app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_TEMPLATES = [
  'sign-in-code', 'application-received', 'selected', 'promoted', 'rejected', 'waitlisted', 'reminder',
  'open-day-changed', 'open-day-cancelled', 'ticket-revoked', 'feedback-answered', 'feedback-chase',
  'plan-submitted', 'plan-returned', 'plan-approved', 'application-flagged', 'feedback-assigned',
  'open-day-change-filed', 'open-day-change-returned', 'open-day-change-approved',
] as const;
/** What a message says: one template (Chinese, with an English alternate) per citizen-facing step, and per thing that waits for staff. */
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export const RECIPIENT_KINDS = ['person', 'department', 'sign-in', 'staff'] as const;
/**
 * person: an applicant (recipientId = personId); department: an agency code; sign-in: a code to a phone, named by nobody;
 * staff: one staff account's e-mail (recipientId = the account id).
 */
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** One message on one channel, and what caused it: every notification event starts with these. */
export interface NotificationRef {
  notificationId: string;
  /** The event the message answers (its CloudEvents id). */
  causeEventId: string;
  template: NotificationTemplate;
  channel: NotificationChannel;
  recipientKind: RecipientKind;
  recipientId: string | null;
  attempts: number;
}

export const notificationRefRequired = ['notificationId', 'causeEventId', 'template', 'channel', 'recipientKind', 'recipientId', 'attempts'] as const;
export const notificationRefProperties = {
  notificationId: uuid,
  causeEventId: { type: 'string', minLength: 1, maxLength: 200 },
  template: { enum: [...NOTIFICATION_TEMPLATES] },
  channel: { enum: [...NOTIFICATION_CHANNELS] },
  recipientKind: { enum: [...RECIPIENT_KINDS] },
  recipientId: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
  attempts: { type: 'integer', minimum: 1 },
} as const;

export const EXAMPLE_NOTIFICATION_REF: NotificationRef = {
  notificationId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
  causeEventId: 'b7e1c0d2-4f3a-4e5b-8c6d-1a2b3c4d5e6f',
  template: 'selected',
  channel: 'sms',
  recipientKind: 'person',
  recipientId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
  attempts: 1,
};

export { dateTime };
