// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  APPLICANT_CATEGORIES,
  OPEN_DAY_FORMS,
  SELECTION_MODES,
  type ApplicantCategory,
  type OpenDayForm,
  type SelectionMode,
} from '../events/scheduling/open-day-published.v2';
import type { OpenDayChangeableFieldV2 } from '../events/scheduling/open-day-changed.v2';
import { Actor, type Role } from './actor';
import type { Page } from './open-days.rpc';
import { PageQuery } from './page-query';
import { IsFreeText } from '@openday/domain';

/** Request/reply operations of plans and filing, `rpc.scheduling.<operation>`. */
export const PlanOperations = {
  create: 'plans.create',
  update: 'plans.update',
  delete: 'plans.delete',
  get: 'plans.get',
  list: 'plans.list',
  history: 'plans.history',
  submit: 'plans.submit',
  approve: 'plans.approve',
  return: 'plans.return',
  /** Files a change to the published open day (applied at once when it needs no review). */
  changeOpenDay: 'plans.change-open-day',
  cancelOpenDay: 'plans.cancel-open-day',
  listPlanOpenDayChanges: 'plans.open-day-changes.list',
  listOpenDayChanges: 'open-day-changes.list',
  approveOpenDayChange: 'open-day-changes.approve',
  returnOpenDayChange: 'open-day-changes.return',
} as const;

/**
 * draft → submitted → approved → published (at the publication time) → cancelled;
 * submitted → returned (with comments) → edited → submitted again.
 */
export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** 'change-filed' / 'change-returned': a change to the published open day waits for, or came back from, the city office; 'changed': it took effect. */
export const PLAN_ACTIONS = ['created', 'edited', 'submitted', 'returned', 'approved', 'published', 'change-filed', 'change-returned', 'changed', 'cancelled'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Wall-clock time in Asia/Shanghai, 24-hour HH:mm. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An instant must say its offset: "2026-11-26T16:00:00+08:00" is 16:00 in Shanghai; a bare "16:00" is ambiguous. */
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const AGENCY_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

const timeOfDay = (property: string) => ({ message: `${property} must be a time of day as HH:mm (Asia/Shanghai)` });
const dateOnly = (property: string) => ({ message: `${property} must be a calendar date as YYYY-MM-DD (Asia/Shanghai)` });
const offsetRequired = (property: string) => ({
  message: `${property} must be an ISO 8601 date-time with its offset, e.g. 2026-11-26T16:00:00+08:00`,
});

/** One timed item of a session's agenda, e.g. 09:20–09:50 sit in on the directors' meeting. */
export class AgendaItemInput {
  @Matches(TIME_OF_DAY, timeOfDay('startsAt'))
  startsAt: string;

  @Matches(TIME_OF_DAY, timeOfDay('endsAt'))
  endsAt: string;

  @IsFreeText({ maxLength: 200 })
  activity: string;

  /** The venue's name, one of the plan's venues, when the item happens at one. */
  @IsOptional()
  @IsFreeText({ maxLength: 200 })
  venue?: string;
}

export class SessionInput {
  /** Given when editing, to keep an existing session (and what refers to it); new sessions get an id. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @IsDateString({ strict: true }, dateOnly('date'))
  @Matches(CALENDAR_DATE, dateOnly('date'))
  date: string;

  @Matches(TIME_OF_DAY, timeOfDay('startsAt'))
  startsAt: string;

  @Matches(TIME_OF_DAY, timeOfDay('endsAt'))
  endsAt: string;

  /** Places in this session (8, 10, 20 are typical); the quotas divide them. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity: number;

  /** Media admitted on top of the capacity (only when the plan's media come outside the quota); left out: none. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  mediaPlaces?: number;

  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  agenda: AgendaItemInput[];
}

export class VenueInput {
  @IsFreeText({ maxLength: 200 })
  name: string;

  @IsFreeText({ maxLength: 300, minLength: 0 })
  address: string;
}

export class QuotaInput {
  @IsIn(APPLICANT_CATEGORIES)
  category: ApplicantCategory;

  @IsInt()
  @Min(1)
  @Max(10_000)
  places: number;
}

export class EligibilityInput {
  @IsInt()
  @Min(0)
  @Max(150)
  minAge: number;

  /** null (or left out): no upper limit. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(150)
  maxAge?: number | null;

  /** Districts where an applicant lives, works or studies; empty: the whole city. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsFreeText({ maxLength: 64 }, { each: true })
  districts: string[];
}

/**
 * Everything an agency writes in a plan (domain.md step 1). The shapes are
 * checked here; the rules across fields (agenda inside its session, quotas
 * within capacity, window closing before the event, …) by scheduling's validatePlan.
 */
export class PlanInput {
  @IsFreeText({ maxLength: 200 })
  title: string;

  @IsFreeText({ maxLength: 2000, multiline: true })
  theme: string;

  @IsArray()
  @ArrayMaxSize(OPEN_DAY_FORMS.length)
  @IsIn(OPEN_DAY_FORMS, { each: true })
  forms: OpenDayForm[];

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionInput)
  sessions: SessionInput[];

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VenueInput)
  venues: VenueInput[];

  @IsFreeText({ maxLength: 300, minLength: 0 })
  assemblyPoint: string;

  /** How attendees get there, e.g. "统一乘坐大巴" or "自行前往". */
  @IsFreeText({ maxLength: 300, minLength: 0 })
  transport: string;

  @IsArray()
  @ArrayMaxSize(APPLICANT_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => QuotaInput)
  quotas: QuotaInput[];

  /** The least share of places that go to ordinary citizens, e.g. 1/3. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minOrdinaryShare: number;

  /** Media come on top and take no place. */
  @IsBoolean()
  mediaOutsideQuota: boolean;

  @IsDefined()
  @ValidateNested()
  @Type(() => EligibilityInput)
  eligibility: EligibilityInput;

  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_OFFSET, offsetRequired('registrationOpensAt'))
  registrationOpensAt: string;

  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_OFFSET, offsetRequired('registrationClosesAt'))
  registrationClosesAt: string;

  @IsIn(SELECTION_MODES)
  selectionMode: SelectionMode;

  /** Departments that must each sign a selection (joint review). */
  @IsArray()
  @ArrayMaxSize(20)
  @IsFreeText({ maxLength: 100 }, { each: true })
  coSigningDepartments: string[];

  /** Notices to attendees: ID card required, dress, health. */
  @IsArray()
  @ArrayMaxSize(20)
  @IsFreeText({ maxLength: 500 }, { each: true })
  notices: string[];

  /** When the approved plan becomes a public open day. */
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_OFFSET, offsetRequired('publishAt'))
  publishAt: string;
}

/** Requests that act for someone carry who, as the gateway established it. */
export abstract class ActingRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;
}

export class CreatePlanRequest extends ActingRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => PlanInput)
  plan: PlanInput;

  /** The `Idempotency-Key` header: a retried create answers the plan the first attempt made. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  idempotencyKey?: string;
}

export class PlanIdRequest extends ActingRequest {
  @IsUUID()
  planId: string;
}

export class UpdatePlanRequest extends PlanIdRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => PlanInput)
  plan: PlanInput;
}

export class ReturnPlanRequest extends PlanIdRequest {
  /** What the agency must change; required. */
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments: string;
}

export class ApprovePlanRequest extends PlanIdRequest {
  @IsOptional()
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments?: string;
}

/** The query of the plan list (an agency sees its own plans, the city office all). */
export class PlanListQuery extends PageQuery {
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  /** City office only: one agency's plans. */
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'agencyId must be a lower-case agency code (letters, digits, dashes)' })
  agencyId?: string;
}

export class ListPlansRequest extends ActingRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => PlanListQuery)
  query: PlanListQuery;
}

/**
 * A change to the published open day: what is given replaces what is there, what is left out stays.
 * Only notices: applied at once; anything else is filed with the city office first.
 */
export class OpenDayChangeInput {
  /** The sessions as they are to be: an existing session keeps its id, a session without id is new, one left out is removed. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionInput)
  sessions?: SessionInput[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VenueInput)
  venues?: VenueInput[];

  @IsOptional()
  @IsFreeText({ maxLength: 300, minLength: 0 })
  assemblyPoint?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityInput)
  eligibility?: EligibilityInput;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsFreeText({ maxLength: 500 }, { each: true })
  notices?: string[];

  /** Tickets of selected people the agency names to leave where it lowers a session's capacity below the places taken. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  releasedTicketIds?: string[];

  @IsFreeText({ maxLength: 500 })
  reason: string;
}

export class ChangeOpenDayRequest extends PlanIdRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => OpenDayChangeInput)
  change: OpenDayChangeInput;
}

export class CancelOpenDayInput {
  @IsFreeText({ maxLength: 500 })
  reason: string;
}

export class CancelOpenDayRequest extends PlanIdRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => CancelOpenDayInput)
  cancellation: CancelOpenDayInput;
}

export const OPEN_DAY_CHANGE_STATUSES = ['submitted', 'returned', 'applied'] as const;
export type OpenDayChangeStatus = (typeof OPEN_DAY_CHANGE_STATUSES)[number];

/** 'not-required': a change of notices only, applied at once. */
export const OPEN_DAY_CHANGE_REVIEWS = ['required', 'not-required'] as const;
export type OpenDayChangeReview = (typeof OPEN_DAY_CHANGE_REVIEWS)[number];

export class OpenDayChangeIdRequest extends ActingRequest {
  @IsUUID()
  changeId: string;
}

export class ApproveOpenDayChangeRequest extends OpenDayChangeIdRequest {
  @IsOptional()
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments?: string;
}

export class ReturnOpenDayChangeRequest extends OpenDayChangeIdRequest {
  /** What the agency must change; required. */
  @IsFreeText({ maxLength: 2000, multiline: true })
  comments: string;
}

/** The query of filed changes (an agency sees its own, the city office all); `submitted` lists the oldest first, the others the newest first. */
export class OpenDayChangeListQuery extends PageQuery {
  @IsOptional()
  @IsIn(OPEN_DAY_CHANGE_STATUSES)
  status?: OpenDayChangeStatus;

  /** City office only: one agency's changes. */
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'agencyId must be a lower-case agency code (letters, digits, dashes)' })
  agencyId?: string;
}

export class ListOpenDayChangesRequest extends ActingRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => OpenDayChangeListQuery)
  query: OpenDayChangeListQuery;
}

/** Turns "true"/"false" from a query string into a boolean; anything else is left for @IsBoolean to refuse. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export interface AgendaItemView {
  startsAt: string;
  endsAt: string;
  activity: string;
  venue: string | null;
}

export interface SessionView {
  id: string;
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Media admitted on top of the capacity; 0 when none (and always when media take quota places). */
  mediaPlaces: number;
  agenda: AgendaItemView[];
}

export interface PlanView {
  id: string;
  agencyId: string;
  status: PlanStatus;
  title: string;
  theme: string;
  forms: OpenDayForm[];
  sessions: SessionView[];
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
  transport: string;
  quotas: Array<{ category: ApplicantCategory; places: number }>;
  minOrdinaryShare: number;
  mediaOutsideQuota: boolean;
  eligibility: { minAge: number; maxAge: number | null; districts: string[] };
  registrationOpensAt: string;
  registrationClosesAt: string;
  selectionMode: SelectionMode;
  coSigningDepartments: string[];
  notices: string[];
  publishAt: string;
  /** Places over all sessions. */
  totalPlaces: number;
  /** The first session's date, Asia/Shanghai. */
  firstSessionDate: string;
  /** The last date on which filing is on time (5 working days); null when the calendar does not cover that year yet. */
  lastOnTimeFilingDate: string | null;
  submissions: number;
  openDayId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanHistoryEntryView {
  at: string;
  action: PlanAction;
  /** null when the platform acted (publication at the publication time). */
  actor: { userId: string; role: Role; agencyId: string | null } | null;
  fromStatus: PlanStatus | null;
  toStatus: PlanStatus;
  comments: string | null;
  details: Record<string, unknown>;
}

export type PlanPage = Page<PlanView>;

/** The open day's changeable content, before or after a change. */
export interface OpenDayChangeContent {
  sessions: SessionView[];
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
  eligibility: { minAge: number; maxAge: number | null; districts: string[] };
  notices: string[];
}

export interface OpenDayChangeView {
  id: string;
  planId: string;
  openDayId: string;
  agencyId: string;
  title: string;
  status: OpenDayChangeStatus;
  review: OpenDayChangeReview;
  changedFields: OpenDayChangeableFieldV2[];
  before: OpenDayChangeContent;
  after: OpenDayChangeContent;
  releasedTicketIds: string[];
  reason: string;
  comments: string | null;
  submittedAt: string;
  decidedAt: string | null;
  /** The city office user who approved or returned it; null while waiting, or when no review was needed. */
  decidedBy: string | null;
}

export type OpenDayChangePage = Page<OpenDayChangeView>;
