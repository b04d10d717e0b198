// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ApplicantCategory, SelectionMode } from '../events/scheduling/open-day-published.v2';
import type { NoticedRepresentative } from '../events/vetting/public-notice-published.v1';
import type { OrdinaryShortfallFacts } from '../events/vetting/selection-completed.v1';
import { Actor } from './actor';
import { LongPageQuery, PageQuery } from './page-query';
import type { Page } from './open-days.rpc';
import { IsFreeText } from '@openday/domain';

/** Request/reply operations of vetting, named `rpc.vetting.<operation>`. */
export const VettingRpcOperations = {
  listApplicants: 'selection.list-applicants',
  decide: 'selection.decide',
  complete: 'selection.complete',
  result: 'selection.result',
  jointReviewPending: 'joint-review.pending',
  jointReviewSign: 'joint-review.sign',
  jointReviewOpenDays: 'joint-review.open-days',
  publicNotice: 'public-notice.get',
  verifyLottery: 'lottery.verify',
  flagged: 'answers.flagged',
} as const;

export const APPLICANT_STATES = ['eligible', 'selected', 'waitlisted', 'rejected', 'withdrawn'] as const;
export type ApplicantState = (typeof APPLICANT_STATES)[number];

export const REVIEW_DECISIONS = ['select', 'reject', 'waitlist'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const SIGNATURE_DECISIONS = ['sign', 'refuse'] as const;
export type SignatureDecision = (typeof SIGNATURE_DECISIONS)[number];

export const MAX_BULK_DECISIONS = 500;

export class ListApplicantsQuery extends LongPageQuery {
  @IsOptional()
  @IsIn(APPLICANT_STATES, { message: `status must be one of ${APPLICANT_STATES.join(', ')}` })
  status?: ApplicantState;
}

export class ListApplicantsRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  openDayId: string;

  @ValidateNested()
  @Type(() => ListApplicantsQuery)
  query: ListApplicantsQuery;
}

export class OpenDayActionRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  openDayId: string;
}

export class ReviewDecisionInput {
  @IsUUID()
  personId: string;

  @IsIn(REVIEW_DECISIONS, { message: `decision must be one of ${REVIEW_DECISIONS.join(', ')}` })
  decision: ReviewDecision;

  /** Why: required to reject, optional otherwise. */
  @ValidateIf((o: ReviewDecisionInput, value: unknown) => o.decision === 'reject' || value !== undefined)
  @IsFreeText({ maxLength: 500 })
  reason?: string;
}

/** Body of POST /api/v1/open-days/{id}/selection/decisions: applied in order, all or nothing. */
export class ReviewDecisionsInput {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_DECISIONS)
  @ValidateNested({ each: true })
  @Type(() => ReviewDecisionInput)
  decisions: ReviewDecisionInput[];
}

export class DecideRequest extends OpenDayActionRequest {
  @ValidateNested()
  @Type(() => ReviewDecisionsInput)
  input: ReviewDecisionsInput;
}

export class SignatureInput {
  @IsUUID()
  personId: string;

  @IsIn(SIGNATURE_DECISIONS, { message: `decision must be one of ${SIGNATURE_DECISIONS.join(', ')}` })
  decision: SignatureDecision;

  /** Required when refusing. */
  @ValidateIf((o: SignatureInput, value: unknown) => o.decision === 'refuse' || value !== undefined)
  @IsFreeText({ maxLength: 500 })
  reason?: string;
}

/** Body of POST /api/v1/open-days/{id}/joint-review/signatures. */
export class SignaturesInput {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_DECISIONS)
  @ValidateNested({ each: true })
  @Type(() => SignatureInput)
  signatures: SignatureInput[];
}

export class SignRequest extends OpenDayActionRequest {
  @ValidateNested()
  @Type(() => SignaturesInput)
  input: SignaturesInput;
}

/** The caller's department's joint-review worklist (GET /api/v1/department/joint-review), page by page. */
export class ListJointReviewOpenDaysRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @ValidateNested()
  @Type(() => PageQuery)
  query: PageQuery;
}

export class PublicNoticeRequest {
  @IsUUID()
  openDayId: string;
}

/** Body of POST /api/v1/lottery/verification: re-run a draw from its published seed and entries. */
export class LotteryVerificationInput {
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'seed must be 64 lower-case hexadecimal digits' })
  seed: string;

  /** The entries drawn (person ids), in any order. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @IsUUID('all', { each: true })
  entryIds: string[];
}

export class FlaggedQuery extends LongPageQuery {
  @IsOptional()
  @IsUUID()
  openDayId?: string;
}

export class ListFlaggedRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @ValidateNested()
  @Type(() => FlaggedQuery)
  query: FlaggedQuery;
}

/** One person of an application as the selection group sees them: masked, as vetting holds them. */
export interface VettingApplicantView {
  personId: string;
  applicationId: string;
  sessionId: string;
  maskedName: string;
  maskedIdNumber: string;
  category: ApplicantCategory;
  district: string;
  /** Vetting's order of arrival (1 = first). */
  arrivalOrder: number;
  arrivalSequence: number;
  status: ApplicantState;
  /** Selected, but not every co-signing department has signed yet. */
  awaitingJointReview: boolean;
  reasonCode: string | null;
  reasons: Array<{ code: string; zh: string; en: string }>;
  waitlistPosition: number | null;
  note: string | null;
}

export type VettingApplicantPage = Page<VettingApplicantView>;

export interface DecisionsResult {
  decided: VettingApplicantView[];
}

/**
 * A session's lottery as it is published: anyone re-runs it from these values alone, following
 * `algorithm` (the recipe's text, Chinese and English).
 */
export interface PublishedDraw {
  /** 1: a seed drawn at the close (open days from before commitments); 2: the seed derived from the committed secret and the entry-list hash. */
  recipe: 1 | 2;
  algorithm: string;
  /** Recipe 2: SHA-256 of the secret, published before anyone applied; null for recipe 1. */
  commitment: string | null;
  committedAt: string | null;
  /** Recipe 2: the secret, revealed with the draw; null for recipe 1. */
  secret: string | null;
  /** Recipe 2: SHA-256 of the entry list (the drawn entries sorted, one a line); null for recipe 1. */
  entryListHash: string | null;
  seed: string;
  /** The entries (person ids) in drawn order: also the set of entries. */
  drawnOrder: string[];
}

/** A lottery open day's commitment (recipe 2), public from before registration opens; its secret once the draw is made. */
export interface LotteryCommitmentView {
  recipe: 2;
  algorithm: string;
  commitment: string;
  committedAt: string;
  /** Revealed with the draw; null before. */
  secret: string | null;
}

export interface SessionSelectionView {
  sessionId: string;
  date: string;
  capacity: number;
  completed: boolean;
  placesTaken: number;
  byCategory: Array<{ category: ApplicantCategory; selected: number }>;
  ordinaryShareMet: boolean;
  shortfall: OrdinaryShortfallFacts | null;
  lottery: PublishedDraw | null;
  selected: VettingApplicantView[];
  waitlisted: VettingApplicantView[];
  rejected: number;
}

export interface SelectionResultView {
  openDayId: string;
  agencyId: string;
  title: string;
  selectionMode: SelectionMode;
  coSigningDepartments: string[];
  registrationClosed: boolean;
  sessions: SessionSelectionView[];
}

export interface PendingSignatureView {
  personId: string;
  applicationId: string;
  sessionId: string;
  maskedName: string;
  maskedIdNumber: string;
  category: ApplicantCategory;
  signedBy: string[];
  awaiting: string[];
}

export interface JointReviewView {
  openDayId: string;
  department: string;
  pending: PendingSignatureView[];
}

/** An open day still to come whose selections wait for the caller's department's signature. */
export interface JointReviewOpenDayView {
  openDayId: string;
  title: string;
  agencyId: string;
  /** The days of its sessions, soonest first (YYYY-MM-DD, distinct). */
  dates: string[];
  /** Selections not yet signed or refused by the caller's department. */
  pending: number;
}

export type JointReviewOpenDayPage = Page<JointReviewOpenDayView>;

export interface PublicNoticeView {
  openDayId: string;
  title: string;
  /** A lottery open day's commitment, shown before the draw; null for other open days and lotteries from before commitments. */
  lotteryCommitment: LotteryCommitmentView | null;
  sessions: Array<{ sessionId: string; date: string; revision: number; publishedAt: string; representatives: NoticedRepresentative[]; lottery: PublishedDraw | null }>;
}

export interface LotteryVerificationView {
  algorithm: string;
  seed: string;
  drawnOrder: string[];
  tickets: Array<{ entryId: string; ticket: string }>;
}

export interface FlaggedApplicationView {
  personId: string;
  applicationId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  state: 'eligible' | 'awaiting-joint-review';
  answerDueDate: string;
  flaggedAt: string;
}

export type FlaggedApplicationPage = Page<FlaggedApplicationView>;
