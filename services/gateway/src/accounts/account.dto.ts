import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Page } from '@openday/contracts';
import { STAFF_ROLES, type StaffRole } from '../access/access.decorator';
import { AGENCY_ID_PATTERN } from '../agencies/agency-kinds';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from './account-rules';
import { IsFreeText } from '@openday/domain';

export interface StaffAccountView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  agencyId: string;
  /** Masked (z***@example.cn); null when the account has none. */
  email: string | null;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const EMAIL_MAX_LENGTH = 254;
const EMAIL_MESSAGE = `email must be an e-mail address of at most ${EMAIL_MAX_LENGTH} characters`;
const EMAIL_PROPERTY = { format: 'email', maxLength: EMAIL_MAX_LENGTH, example: 'wang.xiaoming@water.example.gov.cn' } as const;

export class AccountParams {
  @ApiProperty({ example: 'water-affairs-bureau' })
  @Matches(AGENCY_ID_PATTERN, { message: 'agencyId must be a lower-case agency code (letters, digits, dashes)' })
  agencyId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  accountId: string;
}

export class CreateStaffAccountRequest {
  @ApiProperty({ example: 'water-staff-2', description: 'Lower-case letters, digits, dot, dash, underscore; 3–64 characters' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3–64 lower-case letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ example: '王小明' })
  @IsFreeText({ maxLength: 100 })
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({ ...EMAIL_PROPERTY, description: 'Where the account is e-mailed what waits for its agency; optional' })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(EMAIL_MAX_LENGTH, { message: EMAIL_MESSAGE })
  email?: string;
}

export class UpdateStaffAccountRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText({ maxLength: 100 })
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ description: 'true signs the account out everywhere and stops it signing in' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'A new password set by an administrator; signs the account out everywhere', format: 'password' })
  @IsOptional()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({ ...EMAIL_PROPERTY, type: String, nullable: true, description: 'A new e-mail address; null removes it' })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(EMAIL_MAX_LENGTH, { message: EMAIL_MESSAGE })
  email?: string | null;
}

export class ListAccountsQuery {
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

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;
}

export class StaffAccountDto implements StaffAccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'water-staff' }) username: string;
  @ApiProperty({ example: '王小明' }) displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ example: 'water-affairs-bureau' }) agencyId: string;
  @ApiProperty({ type: String, nullable: true, example: 'w***@water.example.gov.cn', description: 'Masked; null when the account has none.' }) email: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class StaffAccountPageDto implements Page<StaffAccountView> {
  @ApiProperty({ type: [StaffAccountDto] }) items: StaffAccountDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
