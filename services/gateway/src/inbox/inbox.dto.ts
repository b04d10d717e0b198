import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  DELIVERY_STATES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TEMPLATES,
  RECIPIENT_KINDS,
  type DeliveryView,
  type InboxMessageView,
  type Page,
} from '@openday/contracts';

export class InboxMessageIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId: string;
}

export class InboxMessageDto implements InboxMessageView {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ enum: NOTIFICATION_TEMPLATES }) template: InboxMessageView['template'];
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class InboxPageDto implements Page<InboxMessageView> {
  @ApiProperty({ type: [InboxMessageDto] }) items: InboxMessageDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' }) nextCursor: string | null;
}

class DeliveryDto implements DeliveryView {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ format: 'uuid' }) causeEventId: string;
  @ApiProperty({ enum: NOTIFICATION_TEMPLATES }) template: DeliveryView['template'];
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, nullable: true, description: 'null while the message waits for the recipient’s contact details.' })
  channel: DeliveryView['channel'];
  @ApiProperty({ enum: RECIPIENT_KINDS }) recipientKind: DeliveryView['recipientKind'];
  @ApiProperty({ type: String, nullable: true }) recipientId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked.' }) address: string | null;
  @ApiProperty({ enum: DELIVERY_STATES }) status: DeliveryView['status'];
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The provider’s last answer (status and body) or the reason it failed.' }) lastAnswer: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DeliveryPageDto implements Page<DeliveryView> {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' }) nextCursor: string | null;
}
