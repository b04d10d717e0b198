import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  APPLICANT_CATEGORIES,
  OPEN_DAY_FORMS,
  PLAN_ACTIONS,
  PLAN_STATUSES,
  ROLES,
  SELECTION_MODES,
  type AgendaItemView,
  type PlanHistoryEntryView,
  type PlanPage,
  type PlanView,
  type SessionView,
} from '@openday/contracts';
import { IsFreeText } from '@openday/domain';

export class PlanIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ReturnPlanBody {
  @ApiProperty({ description: 'What the agency must change.', minLength: 1, maxLength: 2000, example: '请将普通市民名额提高到三分之一以上。' })
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments: string;
}

export class ApprovePlanBody {
  @ApiPropertyOptional({ maxLength: 2000, example: '同意备案' })
  @IsOptional()
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments?: string;
}

// ---- documentation of the plan body (validated by the contracts' PlanInput)

class AgendaItemDoc {
  @ApiProperty({ example: '09:20', description: 'HH:mm, Asia/Shanghai' }) startsAt: string;
  @ApiProperty({ example: '09:50' }) endsAt: string;
  @ApiProperty({ example: '列席局长办公会', maxLength: 200 }) activity: string;
  @ApiPropertyOptional({ example: '第一水厂', description: 'One of the plan’s venues' }) venue?: string;
}

class SessionDoc {
  @ApiPropertyOptional({ format: 'uuid', description: 'When editing: keeps an existing session' }) id?: string;
  @ApiProperty({ format: 'date', example: '2026-10-12', description: 'Asia/Shanghai' }) date: string;
  @ApiProperty({ example: '09:00' }) startsAt: string;
  @ApiProperty({ example: '11:30' }) endsAt: string;
  @ApiProperty({ minimum: 1, maximum: 10000, example: 20 }) capacity: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 50, example: 3, description: 'Media admitted on top of the capacity (left out: 0); above 0 only when the plan’s media come outside the quota (400 mediaPlacesOutsideQuota)' })
  mediaPlaces?: number;
  @ApiProperty({ type: [AgendaItemDoc], description: 'Timed items inside the session, not overlapping' }) agenda: AgendaItemDoc[];
}

export class VenueDoc {
  @ApiProperty({ example: '第一水厂', maxLength: 200 }) name: string;
  @ApiProperty({ example: '滨江路 1 号', maxLength: 300 }) address: string;
}

class QuotaDoc {
  @ApiProperty({ enum: APPLICANT_CATEGORIES }) category: string;
  @ApiProperty({ minimum: 1, example: 10 }) places: number;
}

export class EligibilityDoc {
  @ApiProperty({ minimum: 0, maximum: 150, example: 18 }) minAge: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 65 }) maxAge?: number | null;
  @ApiProperty({ type: [String], example: ['gulou'], description: 'Empty: the whole city' }) districts: string[];
}

export class PlanBodyDoc {
  @ApiProperty({ maxLength: 200, example: '走进自来水厂：从源头到龙头' }) title: string;
  @ApiProperty({ maxLength: 2000, example: '了解城市供水全过程，座谈水价与水质' }) theme: string;
  @ApiProperty({ enum: OPEN_DAY_FORMS, isArray: true, description: 'At least one' }) forms: string[];
  @ApiProperty({ type: [SessionDoc] }) sessions: SessionDoc[];
  @ApiProperty({ type: [VenueDoc], description: '2–4 for a site visit' }) venues: VenueDoc[];
  @ApiProperty({ example: '市民中心北门' }) assemblyPoint: string;
  @ApiProperty({ example: '统一乘坐大巴' }) transport: string;
  @ApiProperty({ type: [QuotaDoc], description: 'Places per category; their sum fits every session' }) quotas: QuotaDoc[];
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.3334, description: 'Least share of places for ordinary citizens' }) minOrdinaryShare: number;
  @ApiProperty({ description: 'Media come on top and take no place' }) mediaOutsideQuota: boolean;
  @ApiProperty({ type: EligibilityDoc }) eligibility: EligibilityDoc;
  @ApiProperty({ format: 'date-time', example: '2026-09-29T09:00:00+08:00', description: 'With offset' }) registrationOpensAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-10-09T16:00:00+08:00', description: 'Before the first session starts' }) registrationClosesAt: string;
  @ApiProperty({ enum: SELECTION_MODES }) selectionMode: string;
  @ApiProperty({ type: [String], example: [] }) coSigningDepartments: string[];
  @ApiProperty({ type: [String], example: ['请携带本人身份证原件'] }) notices: string[];
  @ApiProperty({ format: 'date-time', example: '2026-09-29T09:00:00+08:00', description: 'When the approved plan becomes public' }) publishAt: string;
}

export class OpenDayChangeBodyDoc {
  @ApiPropertyOptional({ type: [SessionDoc], description: 'The sessions as they are to be: keep an id to keep a session, no id for a new one; one left out is removed' })
  sessions?: SessionDoc[];
  @ApiPropertyOptional({ type: [VenueDoc] }) venues?: VenueDoc[];
  @ApiPropertyOptional() assemblyPoint?: string;
  @ApiPropertyOptional({ type: EligibilityDoc }) eligibility?: EligibilityDoc;
  @ApiPropertyOptional({ type: [String], description: 'A change of notices only needs no review and is applied at once' }) notices?: string[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Tickets of selected people who leave, where a session’s capacity goes below the places taken',
  })
  releasedTicketIds?: string[];
  @ApiProperty({ maxLength: 500, example: '上午水厂检修，改为下午举行' }) reason: string;
}

export class CancellationBodyDoc {
  @ApiProperty({ maxLength: 500, example: '受台风影响，本次开放日取消' }) reason: string;
}

// ---- answers

class AgendaItemDto implements AgendaItemView {
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() activity: string;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
}

export class SessionDto implements SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Media admitted on top of the capacity; 0 when none' }) mediaPlaces: number;
  @ApiProperty({ type: [AgendaItemDto] }) agenda: AgendaItemDto[];
}

export class PlanDto implements PlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'water-affairs-bureau' }) agencyId: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanView['status'];
  @ApiProperty() title: string;
  @ApiProperty() theme: string;
  @ApiProperty({ enum: OPEN_DAY_FORMS, isArray: true }) forms: PlanView['forms'];
  @ApiProperty({ type: [SessionDto] }) sessions: SessionDto[];
  @ApiProperty({ type: [VenueDoc] }) venues: VenueDoc[];
  @ApiProperty() assemblyPoint: string;
  @ApiProperty() transport: string;
  @ApiProperty({ type: [QuotaDoc] }) quotas: PlanView['quotas'];
  @ApiProperty() minOrdinaryShare: number;
  @ApiProperty() mediaOutsideQuota: boolean;
  @ApiProperty({ type: EligibilityDoc }) eligibility: PlanView['eligibility'];
  @ApiProperty({ format: 'date-time' }) registrationOpensAt: string;
  @ApiProperty({ format: 'date-time' }) registrationClosesAt: string;
  @ApiProperty({ enum: SELECTION_MODES }) selectionMode: PlanView['selectionMode'];
  @ApiProperty({ type: [String] }) coSigningDepartments: string[];
  @ApiProperty({ type: [String] }) notices: string[];
  @ApiProperty({ format: 'date-time' }) publishAt: string;
  @ApiProperty({ description: 'Places over all sessions' }) totalPlaces: number;
  @ApiProperty({ format: 'date' }) firstSessionDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last on-time filing date (5 working days before the first session)' })
  lastOnTimeFilingDate: string | null;
  @ApiProperty({ description: 'Times submitted' }) submissions: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) openDayId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PlanPageDto implements PlanPage {
  @ApiProperty({ type: [PlanDto] }) items: PlanDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor: string | null;
}

class HistoryActorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ROLES }) role: (typeof ROLES)[number];
  @ApiProperty({ type: String, nullable: true }) agencyId: string | null;
}

export class PlanHistoryEntryDto implements PlanHistoryEntryView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: PLAN_ACTIONS }) action: PlanHistoryEntryView['action'];
  @ApiProperty({ type: HistoryActorDto, nullable: true, description: 'null when the platform acted (publication)' }) actor: HistoryActorDto | null;
  @ApiProperty({ enum: PLAN_STATUSES, nullable: true }) fromStatus: PlanHistoryEntryView['fromStatus'];
  @ApiProperty({ enum: PLAN_STATUSES }) toStatus: PlanHistoryEntryView['toStatus'];
  @ApiProperty({ type: String, nullable: true }) comments: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}
