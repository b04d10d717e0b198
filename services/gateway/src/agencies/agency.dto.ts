import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { Page } from '@openday/contracts';
import { AGENCY_ID_PATTERN, AGENCY_KINDS, DISTRICT_PATTERN, type AgencyKind } from './agency-kinds';
import { IsFreeText } from '@openday/domain';

export interface AgencyView {
  id: string;
  name: string;
  kind: AgencyKind;
  district: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export class AgencyIdParams {
  @ApiProperty({ example: 'water-affairs-bureau' })
  @Matches(AGENCY_ID_PATTERN, { message: 'agencyId must be a lower-case agency code (letters, digits, dashes)' })
  agencyId: string;
}

export class CreateAgencyRequest {
  @ApiProperty({ example: 'water-affairs-bureau', description: 'Permanent code: lower-case letters, digits and dashes' })
  @IsString()
  @Matches(AGENCY_ID_PATTERN, { message: 'id must be a lower-case agency code (letters, digits, dashes), 2–64 characters' })
  id: string;

  @ApiProperty({ example: '市水务局' })
  @IsFreeText({ maxLength: 100, minLength: 2 })
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'gulou', description: 'District code, for district and town governments' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(DISTRICT_PATTERN, { message: 'district must be a lower-case district code' })
  district?: string | null;
}

export class UpdateAgencyRequest {
  @ApiPropertyOptional({ example: '市水务局' })
  @IsOptional()
  @IsFreeText({ maxLength: 100, minLength: 2 })
  name?: string;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(DISTRICT_PATTERN, { message: 'district must be a lower-case district code' })
  district?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the agency: its staff can no longer sign in' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListAgenciesQuery {
  @ApiPropertyOptional()
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

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ example: 'gulou' })
  @IsOptional()
  @Matches(DISTRICT_PATTERN)
  district?: string;
}

export class AgencyDto implements AgencyView {
  @ApiProperty({ example: 'water-affairs-bureau' }) id: string;
  @ApiProperty({ example: '市水务局' }) name: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AgencyPageDto implements Page<AgencyView> {
  @ApiProperty({ type: [AgencyDto] }) items: AgencyDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
