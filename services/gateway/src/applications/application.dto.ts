import { ApiProperty, ApiPropertyOptional, type ApiBody } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  APPLICANT_CATEGORIES,
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  MAX_GROUP_MEMBERS,
  MESSAGE_LANGUAGES,
  type ApplicantCategory,
  type ApplicantView,
  SELECTION_OUTCOMES,
  type SelectionOutcome,
  type SelectionView,
  type ApplicationChannel,
  type ApplicationPage,
  type ApplicationStatus,
  type ApplicationView,
} from '@openday/contracts';

export class ApplicationIdParams {
  @IsUUID()
  id: string;
}

type Schema = Extract<Parameters<typeof ApiBody>[0], { schema: unknown }>['schema'];

const person: Schema = {
  type: 'object',
  required: ['name', 'idNumber', 'mobile', 'category', 'district', 'privacyConsent'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50, example: '张小三' },
    idNumber: { type: 'string', description: '18-character resident ID (GB 11643); x and X are the same', example: '11010519491231002X' },
    mobile: { type: 'string', description: 'mainland mobile; +86, spaces and dashes allowed', example: '+86 138 1234 5678' },
    category: { type: 'string', enum: [...APPLICANT_CATEGORIES] },
    district: { type: 'string', minLength: 1, maxLength: 64, example: 'gulou' },
    privacyConsent: { type: 'boolean', enum: [true], description: 'must be true: the privacy notice is accepted' },
    email: { type: 'string', format: 'email', maxLength: 254, description: 'optional: messages also go here (encrypted at rest)', example: 'zhangxiaosan@example.cn' },
    language: { type: 'string', enum: [...MESSAGE_LANGUAGES], default: 'zh-CN', description: 'the language of the messages this person receives' },
  },
};
const sessionId: Schema = { type: 'string', format: 'uuid', description: 'needed when the open day has several sessions' };

/** The request body's OpenAPI schema, one shape per channel (the DTO is ApplicationInput in @openday/contracts). */
export const applicationBodySchema: Schema = {
  oneOf: [
    {
      title: 'self-recommended (个人自荐)',
      type: 'object',
      required: ['channel', 'applicant'],
      additionalProperties: false,
      properties: { channel: { type: 'string', enum: ['self'] }, sessionId, applicant: person },
    },
    {
      title: 'organisation-recommended (组织推荐)',
      type: 'object',
      required: ['channel', 'recommendingOrganisation', 'applicant'],
      additionalProperties: false,
      properties: {
        channel: { type: 'string', enum: ['organisation'] },
        sessionId,
        recommendingOrganisation: { type: 'string', minLength: 1, maxLength: 100 },
        applicant: person,
      },
    },
    {
      title: 'group application (单位集体报名)',
      type: 'object',
      required: ['channel', 'unit', 'members'],
      additionalProperties: false,
      properties: {
        channel: { type: 'string', enum: ['group'] },
        sessionId,
        unit: {
          type: 'object',
          required: ['name', 'creditCode'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            creditCode: { type: 'string', description: 'unified social credit code, 18 characters with its check character', example: '91350100M000100Y43' },
          },
        },
        members: { type: 'array', minItems: 1, maxItems: MAX_GROUP_MEMBERS, items: person },
      },
    },
  ],
  discriminator: { propertyName: 'channel' },
};

class SelectionViewDto implements SelectionView {
  @ApiProperty({ enum: SELECTION_OUTCOMES, description: "vetting's latest answer for this person" }) outcome: SelectionOutcome;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'category-quota-full' }) reasonCode: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class ApplicantViewDto implements ApplicantView {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: '张小三' }) name: string;
  @ApiProperty({ example: '110105********002X', description: 'first 6 and last 4 characters only' }) maskedIdNumber: string;
  @ApiProperty({ example: '138****5678' }) maskedMobile: string;
  @ApiProperty({ type: String, nullable: true, example: 'z***@example.cn' }) maskedEmail: string | null;
  @ApiProperty({ enum: APPLICANT_CATEGORIES }) category: ApplicantCategory;
  @ApiProperty({ example: 'gulou' }) district: string;
  @ApiProperty({ type: SelectionViewDto }) selection: SelectionViewDto;
}

class UnitDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: '91350100M000100Y43' }) creditCode: string;
}

export class ApplicationDto implements ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() openDayTitle: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date' }) sessionDate: string;
  @ApiProperty({ enum: APPLICATION_CHANNELS }) channel: ApplicationChannel;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) recommendingOrganisation: string | null;
  @ApiPropertyOptional({ type: UnitDto, nullable: true }) unit: UnitDto | null;
  @ApiProperty({ type: [ApplicantViewDto] }) people: ApplicantViewDto[];
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
}

export class ApplicationPageDto implements ApplicationPage {
  @ApiProperty({ type: [ApplicationDto] }) items: ApplicationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}
