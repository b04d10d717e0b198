import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { NOTIFICATION_TEMPLATES, type InboxMessageView, type Page } from '@openday/contracts';

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
