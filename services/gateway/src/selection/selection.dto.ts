import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  APPLICANT_CATEGORIES,
  APPLICANT_STATES,
  MAX_BULK_DECISIONS,
  REVIEW_DECISIONS,
  SELECTION_MODES,
  SIGNATURE_DECISIONS,
  type DecisionsResult,
  type FlaggedApplicationView,
  type JointReviewOpenDayView,
  type JointReviewView,
  type LotteryVerificationView,
  type NoticedRepresentative,
  type OrdinaryShortfallFacts,
  type Page,
  type PendingSignatureView,
  type PublicNoticeView,
  type SelectionResultView,
  type SessionSelectionView,
  type VettingApplicantView,
} from '@openday/contracts';

export class OpenDayIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

class ReviewDecisionDoc {
  @ApiProperty({ format: 'uuid', description: 'The person (personId) of an application.' })
  personId: string;

  @ApiProperty({ enum: REVIEW_DECISIONS })
  decision: string;

  @ApiProperty({ required: false, maxLength: 500, description: 'Required to reject.' })
  reason?: string;
}

export class ReviewDecisionsDoc {
  @ApiProperty({ type: [ReviewDecisionDoc], minItems: 1, maxItems: MAX_BULK_DECISIONS, description: 'Applied in order, all or nothing.' })
  decisions: ReviewDecisionDoc[];
}

class SignatureDoc {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ enum: SIGNATURE_DECISIONS })
  decision: string;

  @ApiProperty({ required: false, maxLength: 500, description: 'Required to refuse.' })
  reason?: string;
}

export class SignaturesDoc {
  @ApiProperty({ type: [SignatureDoc], minItems: 1, maxItems: MAX_BULK_DECISIONS })
  signatures: SignatureDoc[];
}

export class LotteryVerificationDoc {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'The seed published with the result.' })
  seed: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The entries drawn (person ids), in any order.' })
  entryIds: string[];
}

class NoticedRepresentativeDto implements NoticedRepresentative {
  @ApiProperty({ description: 'As for public notice (公示): 张*三.', example: '张*三' }) maskedName: string;
  @ApiProperty({ description: 'The resident ID masked for public notice: first 6 and last 4 characters.' }) maskedIdentity: string;
  @ApiProperty({ enum: APPLICANT_CATEGORIES }) category: NoticedRepresentative['category'];
  @ApiProperty() outsideQuota: boolean;
}

/** Published with the result and the notice, so anyone can re-run the draw (public/lottery-verifications). */
class LotteryDrawDto {
  @ApiProperty() seed: string;
  @ApiProperty() algorithm: string;
  @ApiProperty({ type: [String] }) drawnOrder: string[];
}

class NoticedSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ description: 'Raised each time the notice of this session is published again.' }) revision: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: [NoticedRepresentativeDto] }) representatives: NoticedRepresentativeDto[];
  @ApiProperty({ type: LotteryDrawDto, nullable: true, description: 'The draw of a lottery session: its seed and the entries (person ids) in drawn order.' }) lottery: LotteryDrawDto | null;
}

export class PublicNoticeDto implements PublicNoticeView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [NoticedSessionDto] }) sessions: NoticedSessionDto[];
}

class LotteryTicketDto {
  @ApiProperty() entryId: string;
  @ApiProperty() ticket: string;
}

export class LotteryVerificationDto implements LotteryVerificationView {
  @ApiProperty() algorithm: string;
  @ApiProperty() seed: string;
  @ApiProperty({ type: [String], description: 'The entries in drawn order.' }) drawnOrder: string[];
  @ApiProperty({ type: [LotteryTicketDto] }) tickets: LotteryTicketDto[];
}

class ApplicantReasonDto {
  @ApiProperty() code: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class VettingApplicantDto implements VettingApplicantView {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() maskedName: string;
  @ApiProperty() maskedIdNumber: string;
  @ApiProperty({ enum: APPLICANT_CATEGORIES }) category: VettingApplicantView['category'];
  @ApiProperty() district: string;
  @ApiProperty({ description: 'Vetting’s order of arrival (1 = first).' }) arrivalOrder: number;
  @ApiProperty() arrivalSequence: number;
  @ApiProperty({ enum: APPLICANT_STATES }) status: VettingApplicantView['status'];
  @ApiProperty({ description: 'Selected, but not every co-signing department has signed yet.' }) awaitingJointReview: boolean;
  @ApiProperty({ type: String, nullable: true }) reasonCode: string | null;
  @ApiProperty({ type: [ApplicantReasonDto] }) reasons: ApplicantReasonDto[];
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class VettingApplicantPageDto implements Page<VettingApplicantView> {
  @ApiProperty({ type: [VettingApplicantDto] }) items: VettingApplicantDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' }) nextCursor: string | null;
}

export class DecisionsResultDto implements DecisionsResult {
  @ApiProperty({ type: [VettingApplicantDto] }) decided: VettingApplicantDto[];
}

export class CompletedSessionsDto {
  @ApiProperty({ type: [String], description: 'The sessions whose selection this call completed.' }) completedSessions: string[];
}

class CategoryCountDto {
  @ApiProperty({ enum: APPLICANT_CATEGORIES }) category: SessionSelectionView['byCategory'][number]['category'];
  @ApiProperty() selected: number;
}

class OrdinaryShortfallDto implements OrdinaryShortfallFacts {
  @ApiProperty() required: number;
  @ApiProperty() selectedOrdinary: number;
  @ApiProperty() placesTaken: number;
  @ApiProperty({ enum: ['ordinary-quota-below-minimum-share', 'not-enough-ordinary-candidates'] }) cause: OrdinaryShortfallFacts['cause'];
}

class SessionSelectionDto implements SessionSelectionView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() capacity: number;
  @ApiProperty() completed: boolean;
  @ApiProperty() placesTaken: number;
  @ApiProperty({ type: [CategoryCountDto] }) byCategory: CategoryCountDto[];
  @ApiProperty() ordinaryShareMet: boolean;
  @ApiProperty({ type: OrdinaryShortfallDto, nullable: true }) shortfall: OrdinaryShortfallDto | null;
  @ApiProperty({ type: LotteryDrawDto, nullable: true }) lottery: LotteryDrawDto | null;
  @ApiProperty({ type: [VettingApplicantDto] }) selected: VettingApplicantDto[];
  @ApiProperty({ type: [VettingApplicantDto] }) waitlisted: VettingApplicantDto[];
  @ApiProperty() rejected: number;
}

export class SelectionResultDto implements SelectionResultView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SELECTION_MODES }) selectionMode: SelectionResultView['selectionMode'];
  @ApiProperty({ type: [String] }) coSigningDepartments: string[];
  @ApiProperty() registrationClosed: boolean;
  @ApiProperty({ type: [SessionSelectionDto] }) sessions: SessionSelectionDto[];
}

class PendingSignatureDto implements PendingSignatureView {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() maskedName: string;
  @ApiProperty() maskedIdNumber: string;
  @ApiProperty({ enum: APPLICANT_CATEGORIES }) category: PendingSignatureView['category'];
  @ApiProperty({ type: [String] }) signedBy: string[];
  @ApiProperty({ type: [String] }) awaiting: string[];
}

export class JointReviewDto implements JointReviewView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() department: string;
  @ApiProperty({ type: [PendingSignatureDto] }) pending: PendingSignatureDto[];
}

class JointReviewOpenDayDto implements JointReviewOpenDayView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The agency holding the open day.' }) agencyId: string;
  @ApiProperty({ type: [String], format: 'date', description: 'The days of its sessions, soonest first.' }) dates: string[];
  @ApiProperty({ description: 'Selections your department has neither signed nor refused yet.', minimum: 1 }) pending: number;
}

export class JointReviewOpenDayPageDto implements Page<JointReviewOpenDayView> {
  @ApiProperty({ type: [JointReviewOpenDayDto] }) items: JointReviewOpenDayDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' }) nextCursor: string | null;
}

class FlaggedApplicationDto implements FlaggedApplicationView {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ enum: ['eligible', 'awaiting-joint-review'] }) state: FlaggedApplicationView['state'];
  @ApiProperty({ format: 'date' }) answerDueDate: string;
  @ApiProperty({ format: 'date-time' }) flaggedAt: string;
}

export class FlaggedApplicationPageDto implements Page<FlaggedApplicationView> {
  @ApiProperty({ type: [FlaggedApplicationDto] }) items: FlaggedApplicationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' }) nextCursor: string | null;
}
