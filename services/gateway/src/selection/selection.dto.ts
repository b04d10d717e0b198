import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  APPLICANT_CATEGORIES,
  MAX_BULK_DECISIONS,
  REVIEW_DECISIONS,
  SIGNATURE_DECISIONS,
  type LotteryVerificationView,
  type NoticedRepresentative,
  type PublicNoticeView,
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

class NoticedSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ description: 'Raised each time the notice of this session is published again.' }) revision: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: [NoticedRepresentativeDto] }) representatives: NoticedRepresentativeDto[];
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
