import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { PERSONAL_DATA_SERVICES } from '@openday/contracts';
import { PERSONAL_DATA_LISTS, type PersonalDataList } from '../audit/personal-data-reads';
import type { ErasureAnswer, KeptItem } from './erasure-answer';
import type { PersonalDataAccessEntry, PersonalDataDocument } from './personal-data.service';

/** The re-confirmation an erasure needs: the last 4 digits of the mobile number the citizen signs in with. */
export class ErasureInput {
  @ApiProperty({ example: '8000', pattern: '^[0-9]{4}$', description: 'The last 4 digits of the mobile number you sign in with, to confirm.' })
  @IsString()
  @Matches(/^[0-9]{4}$/, { message: 'mobileLast4 must be 4 digits' })
  mobileLast4: string;
}

export class PersonalDataAccessDto implements PersonalDataAccessEntry {
  @ApiProperty({ format: 'date-time' }) readAt: string;
  @ApiProperty({ type: String, nullable: true, example: 'water-affairs-bureau', description: 'The agency whose staff read it (never the person).' }) agencyId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '市水务局' }) agencyName: string | null;
  @ApiProperty({ enum: PERSONAL_DATA_LISTS, description: 'Which list was read.' }) list: PersonalDataList;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) openDayId: string | null;
  @ApiProperty({ type: String, nullable: true }) openDayTitle: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) sessionId: string | null;
  @ApiProperty({ example: 20, description: 'How many people the list held.' }) people: number;
}

export class PersonalDataAccessListDto {
  @ApiProperty({ type: [PersonalDataAccessDto], description: 'Newest first (at most 500).' }) items: PersonalDataAccessDto[];
}

class AccountSessionDto {
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt: string | null;
}

class CitizenAccountDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: '138****8000', description: 'The gateway keeps only a keyed hash of the number and this masked form.' }) mobileMasked: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSignInAt: string | null;
  @ApiProperty({ type: [AccountSessionDto] }) sessions: AccountSessionDto[];
}

export class PersonalDataDocumentDto implements PersonalDataDocument {
  @ApiProperty({ enum: ['openday-personal-data/1'] }) format: 'openday-personal-data/1';
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: CitizenAccountDto }) account: CitizenAccountDto;
  @ApiProperty({ type: [String], description: 'The applications the account submitted.' }) applicationIds: string[];
  @ApiProperty({
    type: 'object',
    description: `Each service's records about you, decrypted (${PERSONAL_DATA_SERVICES.join(', ')}); each record names its kind.`,
    additionalProperties: { type: 'array', items: { type: 'object', additionalProperties: true } },
  })
  services: Record<string, Array<Record<string, unknown>>>;
  @ApiProperty({ type: [PersonalDataAccessDto], description: 'Which agency read your data, when, and which list.' }) accessLog: PersonalDataAccessDto[];
}

class KeptItemDto implements KeptItem {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true }) openDayTitle: string | null;
  @ApiProperty({ example: 'open-day-in-progress', description: 'open-day-in-progress, no-show-register, audit-log' }) reason: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

class ErasureWordsDto {
  @ApiProperty({ type: [String] }) zh: string[];
  @ApiProperty({ type: [String] }) en: string[];
}

export class ErasureAnswerDto implements ErasureAnswer {
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
  @ApiProperty() accountErased: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { gateway: 3, registration: 2, notification: 6 } }) erased: Record<string, number>;
  @ApiProperty({ type: [KeptItemDto], description: 'What had to be kept, and why.' }) kept: KeptItemDto[];
  @ApiProperty({ type: ErasureWordsDto, description: 'The answer in words: what was erased, what was kept and why.' }) words: ErasureWordsDto;
}
