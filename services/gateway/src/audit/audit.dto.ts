import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import type { Page } from '@openday/contracts';
import { IsFreeText } from '@openday/domain';
import type { AuditEntryView } from './audit.service';
import { PERSONAL_DATA_LISTS, type PersonalDataList } from './personal-data-reads';

export class ListAuditLogQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ example: 'account.role-changed' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9.-]{1,63}$/)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'staff-account' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,31}$/)
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText({ maxLength: 128 })
  targetId?: string;

  @ApiPropertyOptional({ example: 'water-affairs-bureau' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/)
  agencyId?: string;

  @ApiPropertyOptional({ enum: PERSONAL_DATA_LISTS, description: 'Staff reads of personal data (action personal-data.read) of this list only' })
  @IsOptional()
  @IsIn(PERSONAL_DATA_LISTS, { message: `list must be one of ${PERSONAL_DATA_LISTS.join(', ')}` })
  list?: PersonalDataList;
}

class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'agency-admin' }) role: string;
  @ApiProperty({ type: String, nullable: true, example: 'water-affairs-bureau' }) agencyId: string | null;
}

export class AuditEntryDto implements AuditEntryView {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null: the system itself (seed, timers)' })
  actor: AuditActorDto | null;
  @ApiProperty({ example: 'account.role-changed' }) action: string;
  @ApiProperty({ example: 'staff-account' }) targetType: string;
  @ApiProperty() targetId: string;
  @ApiProperty({ type: String, nullable: true }) agencyId: string | null;
  @ApiProperty({ type: String, nullable: true }) correlationId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { from: 'agency-staff', to: 'reviewer' },
    description: 'For personal-data.read: list, openDayId, sessionId, people (how many) and personIds (who was in the answer)',
  })
  details: Record<string, unknown>;
}

export class AuditPageDto implements Page<AuditEntryView> {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
