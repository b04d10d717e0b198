import { defineEvent } from '../../event-contract';
import { dateTime, EXAMPLE_NOTIFICATION_REF, notificationRefProperties, notificationRefRequired, type NotificationRef } from './notification-parts';

/** A message could not be delivered after its last retry (or could never be: no address); the reason says why. */
export class NotificationFailedV1 implements NotificationRef {
  notificationId: string;
  causeEventId: string;
  template: NotificationRef['template'];
  channel: NotificationRef['channel'];
  recipientKind: NotificationRef['recipientKind'];
  recipientId: string | null;
  attempts: number;
  reason: string;
  failedAt: string;

  static readonly contract = defineEvent<NotificationFailedV1>({
    service: 'notification',
    name: 'notification-failed',
    version: 1,
    visibility: 'public',
    summary: 'A message failed for good after its retries, with the reason (e.g. the provider answer).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...notificationRefRequired, 'reason', 'failedAt'],
      properties: { ...notificationRefProperties, reason: { type: 'string', minLength: 1, maxLength: 1000 }, failedAt: dateTime },
    },
    example: { ...EXAMPLE_NOTIFICATION_REF, attempts: 5, reason: 'SMS provider answered 500 Internal Server Error', failedAt: '2026-11-26T08:12:00.000Z' },
  });
}
