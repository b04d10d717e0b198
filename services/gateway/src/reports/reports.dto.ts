import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class AgencyIdParams {
  @ApiProperty({ example: 'water-affairs-bureau' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'agencyId must be an agency code' })
  agencyId: string;
}

export class SummaryDoc {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'The agency’s short summary; the figures are added at filing time.' })
  text: string;
}
