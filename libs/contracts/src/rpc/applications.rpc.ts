// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import {
  IsCreditCode,
  IsFreeText,
  IsMainlandMobile,
  IsPersonName,
  IsResidentId,
  NormalizeCreditCode,
  NormalizeMobile,
  NormalizeResidentId,
} from '@openday/domain';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../events/scheduling/open-day-published.v2';
import { APPLICATION_CHANNELS, type ApplicationChannel } from '../events/registration/application-submitted.v1';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../events/registration/contact-details-recorded.v1';
import { Actor } from './actor';
import { PageQuery } from './page-query';
import type { Page } from './open-days.rpc';

/**
 * Request/reply operations of registration's applications, named
 * `rpc.registration.<operation>` (beside RpcOperations.registration).
 */
export const ApplicationRpcOperations = {
  submit: 'applications.submit',
  listMine: 'applications.list-mine',
  withdraw: 'applications.withdraw',
} as const;

export const MAX_GROUP_MEMBERS = 100;

/** ASCII addresses only: the bus contract's JSON Schema `email` format must accept whatever passes here. */
const ASCII_EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A field that belongs to some channels only: required there, refused elsewhere. */
function ForChannels(channels: readonly ApplicationChannel[], options?: ValidationOptions): PropertyDecorator {
  const only = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'channelField',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          channels.includes((args.object as { channel?: ApplicationChannel }).channel as ApplicationChannel),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} is only for the ${channels.join(', ')} channel${channels.length > 1 ? 's' : ''}`,
      },
    });
  const when = ValidateIf((object: { channel?: unknown }, value: unknown) =>
    value !== undefined || channels.includes(object.channel as ApplicationChannel),
  );
  return (target, propertyName) => {
    when(target, propertyName);
    only(target, propertyName);
  };
}

/** One person applying: the applicant of a self or organisation application, or a member of a group. */
export class ApplicantInput {
  @IsPersonName()
  name: string;

  /** 18-character resident ID (or HK/Macau/Taiwan residence permit); a lower-case x is read as X. */
  @NormalizeResidentId()
  @IsResidentId()
  idNumber: string;

  /** Mainland mobile; +86, spaces and dashes are accepted and removed. */
  @NormalizeMobile()
  @IsMainlandMobile()
  mobile: string;

  @IsIn(APPLICANT_CATEGORIES, { message: `category must be one of ${APPLICANT_CATEGORIES.join(', ')}` })
  category: ApplicantCategory;

  /** The district the person lives, works or studies in (as the open day's eligibility names districts). */
  @IsFreeText({ maxLength: 64 })
  district: string;

  /** Optional: messages about this person also go to this address by e-mail. */
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_utf8_local_part: false, allow_display_name: false, allow_ip_domain: false }, { message: 'email must be an e-mail address' })
  @Matches(ASCII_EMAIL, { message: 'email must be an ASCII e-mail address' })
  email?: string;

  /** The language of this person's messages; Chinese (zh-CN) unless given. */
  @IsOptional()
  @IsIn(MESSAGE_LANGUAGES, { message: `language must be one of ${MESSAGE_LANGUAGES.join(', ')}` })
  language?: MessageLanguage;

  /** The person accepts the privacy notice and states the information is true; must be true. */
  @Equals(true, { message: 'privacyConsent must be true: the privacy notice has to be accepted' })
  privacyConsent: boolean;
}

export class ApplyingUnitInput {
  @IsFreeText({ maxLength: 100 })
  name: string;

  /** Unified social credit code (统一社会信用代码), 18 characters with its check character. */
  @NormalizeCreditCode()
  @IsCreditCode()
  creditCode: string;
}

/**
 * The body of POST /api/v1/open-days/{id}/applications, one shape per channel:
 *   self:         { channel, applicant }
 *   organisation: { channel, recommendingOrganisation, applicant }
 *   group:        { channel, unit: { name, creditCode }, members: [...] }
 * `sessionId` is needed only when the open day has more than one session.
 */
export class ApplicationInput {
  @IsIn(APPLICATION_CHANNELS, { message: `channel must be one of ${APPLICATION_CHANNELS.join(', ')}` })
  channel: ApplicationChannel;

  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ForChannels(['self', 'organisation'])
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicantInput)
  applicant?: ApplicantInput;

  @ForChannels(['organisation'])
  @IsFreeText({ maxLength: 100 })
  recommendingOrganisation?: string;

  @ForChannels(['group'])
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplyingUnitInput)
  unit?: ApplyingUnitInput;

  @ForChannels(['group'])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUP_MEMBERS)
  @ValidateNested({ each: true })
  @Type(() => ApplicantInput)
  members?: ApplicantInput[];
}

export class SubmitApplicationRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  openDayId: string;

  @ValidateNested()
  @Type(() => ApplicationInput)
  application: ApplicationInput;

  /** The client's Idempotency-Key: a retried submission returns the first result. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  idempotencyKey?: string;
}

export class ListMyApplicationsRequest extends PageQuery {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;
}

export class WithdrawApplicationRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  applicationId: string;
}

export const APPLICATION_STATUSES = ['submitted', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const SELECTION_OUTCOMES = ['pending', 'selected', 'waitlisted', 'rejected'] as const;
export type SelectionOutcome = (typeof SELECTION_OUTCOMES)[number];

/** Vetting's latest answer for one person, as registration learned it from vetting's events. */
export interface SelectionView {
  outcome: SelectionOutcome;
  /** Why not selected (a vetting reason code), when waitlisted or rejected. */
  reasonCode: string | null;
  waitlistPosition: number | null;
  decidedAt: string | null;
}

/** A person as their applicant sees them: ID number and mobile masked, never in full. */
export interface ApplicantView {
  personId: string;
  name: string;
  maskedIdNumber: string;
  maskedMobile: string;
  /** The e-mail address given, masked (a***@example.cn); null when none was given. */
  maskedEmail: string | null;
  category: ApplicantCategory;
  district: string;
  selection: SelectionView;
}

export interface ApplicationView {
  id: string;
  openDayId: string;
  openDayTitle: string;
  sessionId: string;
  sessionDate: string;
  channel: ApplicationChannel;
  status: ApplicationStatus;
  recommendingOrganisation: string | null;
  unit: { name: string; creditCode: string } | null;
  people: ApplicantView[];
  submittedAt: string;
  withdrawnAt: string | null;
}

export type ApplicationPage = Page<ApplicationView>;
