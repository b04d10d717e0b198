// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TEMPLATES,
  type NotificationChannel,
  type NotificationTemplate,
  type RecipientKind,
} from '../events/notification/notification-parts';
import { Actor } from './actor';
import { LongPageQuery, PageQuery } from './page-query';
import type { Page } from './open-days.rpc';

/** Request/reply operations of notification, named `rpc.notification.<operation>`. */
export const NotificationRpcOperations = {
  listInbox: 'inbox.list',
  readInboxMessage: 'inbox.read',
  listDeliveries: 'deliveries.list',
} as const;

export const DELIVERY_STATES = ['waiting-for-contact', 'pending', 'sent', 'failed'] as const;
/** waiting-for-contact: the recipient's contact details have not arrived yet; pending: due or being retried. */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export class ListInboxRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @ValidateNested()
  @Type(() => PageQuery)
  query: PageQuery;
}

export class ReadInboxMessageRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  messageId: string;
}

/** Filters of the delivery log; they combine with AND. */
export class DeliveryLogQuery extends LongPageQuery {
  @IsOptional()
  @IsIn(DELIVERY_STATES, { message: `status must be one of ${DELIVERY_STATES.join(', ')}` })
  status?: DeliveryState;

  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS, { message: `channel must be one of ${NOTIFICATION_CHANNELS.join(', ')}` })
  channel?: NotificationChannel;

  @IsOptional()
  @IsIn(NOTIFICATION_TEMPLATES, { message: `template must be one of ${NOTIFICATION_TEMPLATES.join(', ')}` })
  template?: NotificationTemplate;
}

export class ListDeliveriesRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @ValidateNested()
  @Type(() => DeliveryLogQuery)
  query: DeliveryLogQuery;
}

/** One message in an in-app inbox (a citizen's account, or a department's). */
export interface InboxMessageView {
  messageId: string;
  template: NotificationTemplate;
  title: string;
  body: string;
  receivedAt: string;
  readAt: string | null;
}

export type InboxPage = Page<InboxMessageView>;

/** One message on one channel in the delivery log; the address is masked. */
export interface DeliveryView {
  deliveryId: string;
  causeEventId: string;
  template: NotificationTemplate;
  /** null while the message waits for the recipient's contact details (its channels are not known yet). */
  channel: NotificationChannel | null;
  recipientKind: RecipientKind;
  recipientId: string | null;
  address: string | null;
  status: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  /** The provider's last answer (status and body) or the reason it failed. */
  lastAnswer: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryPage = Page<DeliveryView>;
