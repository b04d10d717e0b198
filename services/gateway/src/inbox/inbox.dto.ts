import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class InboxMessageIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId: string;
}
