import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { MAX_BULK_DECISIONS, REVIEW_DECISIONS, SIGNATURE_DECISIONS } from '@openday/contracts';

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
