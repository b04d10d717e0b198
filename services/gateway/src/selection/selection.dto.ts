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
  type LotteryCommitmentView,
  type LotteryVerificationView,
  type NoticedRepresentative,
  type OrdinaryShortfallFacts,
  type Page,
  type PendingSignatureView,
  type PublicNoticeView,
  type PublishedDraw,
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

const HEX_32_BYTES = '^[0-9a-f]{64}$';

/** Published with the result and the notice, so anyone can re-run the draw from these values alone, following `algorithm`. */
class LotteryDrawDto implements PublishedDraw {
  @ApiProperty({ enum: [1, 2], description: '1: a seed drawn at the close (open days from before commitments); 2: the seed derived from the committed secret and the entry-list hash.' })
  recipe: 1 | 2;
  @ApiProperty({ description: 'The recipe, in Chinese and English: exactly what is hashed, and the commands to check it.' }) algorithm: string;
  @ApiProperty({ type: String, nullable: true, pattern: HEX_32_BYTES, description: 'Recipe 2: SHA-256 of the secret, published before anyone applied.' })
  commitment: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) committedAt: string | null;
  @ApiProperty({ type: String, nullable: true, pattern: HEX_32_BYTES, description: 'Recipe 2: the secret, revealed with the draw.' }) secret: string | null;
  @ApiProperty({ type: String, nullable: true, pattern: HEX_32_BYTES, description: 'Recipe 2: SHA-256 of the entry list (the entry ids sorted by bytes, each followed by a line feed).' })
  entryListHash: string | null;
  @ApiProperty({ pattern: HEX_32_BYTES }) seed: string;
  @ApiProperty({ type: [String], description: 'The entries (person ids) in drawn order; also the set of entries.' }) drawnOrder: string[];
}

/** A lottery open day's commitment, public from before registration opens. */
class LotteryCommitmentDto implements LotteryCommitmentView {
  @ApiProperty({ enum: [2] }) recipe: 2;
  @ApiProperty() algorithm: string;
  @ApiProperty({ pattern: HEX_32_BYTES, description: 'SHA-256 of the secret’s 32 bytes.' }) commitment: string;
  @ApiProperty({ format: 'date-time' }) committedAt: string;
  @ApiProperty({ type: String, nullable: true, pattern: HEX_32_BYTES, description: 'Revealed with the draw; null before.' }) secret: string | null;
}

class NoticedSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ description: 'Raised each time the notice of this session is published again.' }) revision: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: [NoticedRepresentativeDto] }) representatives: NoticedRepresentativeDto[];
  @ApiProperty({ type: LotteryDrawDto, nullable: true, description: 'The draw of a lottery session: what re-runs it (recipe, commitment, secret, entry-list hash, seed) and the entries (person ids) in drawn order.' }) lottery: LotteryDrawDto | null;
}

export class PublicNoticeDto implements PublicNoticeView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: LotteryCommitmentDto, nullable: true, description: 'A lottery open day’s commitment, shown before the draw; null for other open days and lotteries from before commitments.' })
  lotteryCommitment: LotteryCommitmentDto | null;
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
