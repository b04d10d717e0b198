import { defineEvent } from '../../event-contract';
import { dateTime, EXAMPLE_NOTIFICATION_REF, notificationRefProperties, notificationRefRequired, type NotificationRef } from './notification-parts';

/** A message reached its channel's provider (SMS gateway, SMTP server) or the in-app inbox. No address or text, only the facts. */
export class NotificationDeliveredV1 implements NotificationRef {
  notificationId: string;
  causeEventId: string;
  template: NotificationRef['template'];
  channel: NotificationRef['channel'];
  recipientKind: NotificationRef['recipientKind'];
  recipientId: string | null;
  attempts: number;
  deliveredAt: string;

  static readonly contract = defineEvent<NotificationDeliveredV1>({
    service: 'notification',
    name: 'notification-delivered',
    version: 1,
    visibility: 'public',
    summary: 'A message was handed to its channel (SMS provider, SMTP server, in-app inbox).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...notificationRefRequired, 'deliveredAt'],
      properties: { ...notificationRefProperties, deliveredAt: dateTime },
    },
    example: { ...EXAMPLE_NOTIFICATION_REF, deliveredAt: '2026-11-26T08:00:04.000Z' },
  });
}
