import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '@openday/contracts';
import { IsFreeText } from '@openday/domain';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts/account-rules';

export class StaffSignInRequest {
  @ApiProperty({ example: 'water-admin' })
  @IsFreeText({ maxLength: 64 })
  username: string;

  @ApiProperty({ format: 'password', example: 'OpenDay-demo-2026' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}

export class SignInCodeRequest {
  @ApiProperty({ example: '13800138000', description: 'Mainland mobile number; spaces, dashes and +86 are accepted' })
  @IsString()
  @Length(1, 32)
  mobile: string;
}

export class CitizenSignInRequest extends SignInCodeRequest {
  @ApiProperty({ example: '482913', description: 'The six digits sent by SMS' })
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'code must be the six digits sent by SMS' })
  code: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token of the latest sign-in or refresh' })
  @IsString()
  @Length(1, 200)
  refreshToken: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class ActorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ example: 'water-affairs-bureau', description: 'Staff only' }) agencyId?: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT; send as Authorization: Bearer <accessToken>' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ description: 'Opaque; single use: each refresh returns the next one' }) refreshToken: string;
  @ApiProperty({ example: 1209600 }) refreshExpiresIn: number;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
}

export class CodeSentDto {
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ example: 60, description: 'Seconds before another code may be asked for' }) resendAfterSeconds: number;
}
