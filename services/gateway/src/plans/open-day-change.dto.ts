import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  OPEN_DAY_CHANGE_REVIEWS,
  OPEN_DAY_CHANGE_STATUSES,
  OPEN_DAY_CHANGEABLE_FIELDS_V2,
  type OpenDayChangeContent,
  type OpenDayChangePage,
  type OpenDayChangeView,
} from '@openday/contracts';
import { EligibilityDoc, SessionDto, VenueDoc } from './plan.dto';
import { IsFreeText } from '@openday/domain';

export class OpenDayChangeIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  changeId: string;
}

export class ApproveOpenDayChangeBody {
  @ApiPropertyOptional({ maxLength: 2000, example: '同意变更' })
  @IsOptional()
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments?: string;
}

export class ReturnOpenDayChangeBody {
  @ApiProperty({ description: 'What the agency must change.', minLength: 1, maxLength: 2000, example: '新增场次请补充集合地点说明。' })
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments: string;
}

class OpenDayChangeContentDto implements OpenDayChangeContent {
  @ApiProperty({ type: [SessionDto] }) sessions: SessionDto[];
  @ApiProperty({ type: [VenueDoc] }) venues: VenueDoc[];
  @ApiProperty() assemblyPoint: string;
  @ApiProperty({ type: EligibilityDoc }) eligibility: OpenDayChangeContent['eligibility'];
  @ApiProperty({ type: [String] }) notices: string[];
}

export class OpenDayChangeDto implements OpenDayChangeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ example: 'water-affairs-bureau' }) agencyId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: OPEN_DAY_CHANGE_STATUSES }) status: OpenDayChangeView['status'];
  @ApiProperty({ enum: OPEN_DAY_CHANGE_REVIEWS, description: '`not-required`: notices only, applied at once' }) review: OpenDayChangeView['review'];
  @ApiProperty({ enum: OPEN_DAY_CHANGEABLE_FIELDS_V2, isArray: true }) changedFields: OpenDayChangeView['changedFields'];
  @ApiProperty({ type: OpenDayChangeContentDto }) before: OpenDayChangeContentDto;
  @ApiProperty({ type: OpenDayChangeContentDto }) after: OpenDayChangeContentDto;
  @ApiProperty({ type: [String], format: 'uuid' }) releasedTicketIds: string[];
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, description: 'The city office’s comments' }) comments: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who approved or returned it' }) decidedBy: string | null;
}

export class OpenDayChangeListDto {
  @ApiProperty({ type: [OpenDayChangeDto] }) items: OpenDayChangeDto[];
}

export class OpenDayChangePageDto implements OpenDayChangePage {
  @ApiProperty({ type: [OpenDayChangeDto] }) items: OpenDayChangeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor: string | null;
}
