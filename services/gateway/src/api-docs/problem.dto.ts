import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { FieldProblem, HttpProblem } from '@openday/platform';

@ApiSchema({ name: 'FieldProblem' })
export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ description: 'Dotted path of the input field, e.g. `members[2].idNumber`; a header by its name.', example: 'members[2].idNumber' })
  field: string;

  @ApiProperty({ description: 'The rule that failed (class-validator constraint or domain rule).', example: 'isResidentId' })
  rule: string;

  @ApiProperty({ example: 'members[2].idNumber must be a resident ID number' })
  message: string;
}

/** What ProblemFilter writes for every error, as `application/problem+json` (RFC 9457). */
@ApiSchema({ name: 'Problem' })
export class ProblemDto implements HttpProblem {
  @ApiProperty({
    description: 'A URI naming the kind of problem; `about:blank` when the status says it all. `x-problem-types` on this schema lists every kind with its code, status and title.',
    example: 'https://openday.example/problems/duplicate-application',
  })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'The request has invalid fields.' })
  detail?: string;

  @ApiProperty({ description: 'The request path (never the query string).', example: '/api/v1/open-days/…/applications' })
  instance: string;

  @ApiPropertyOptional({ description: 'Quote it when reporting a problem.' })
  correlationId?: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'On 400: each failed field and rule.' })
  errors?: FieldProblemDto[];
}
