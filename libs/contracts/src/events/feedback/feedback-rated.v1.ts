import { defineEvent } from '../../event-contract';
import { agencyCode, dateTime, EXAMPLE_FEEDBACK_REF, feedbackRefProperties, feedbackRefRequired, type FeedbackRef } from './feedback-parts';

/** The representative rated the department's answer, 1 (poor) to 5 (very satisfied). */
export class FeedbackRatedV1 implements FeedbackRef {
  feedbackId: string;
  openDayId: string;
  agencyId: string;
  departmentId: string;
  rating: number;
  ratedAt: string;

  static readonly contract = defineEvent<FeedbackRatedV1>({
    service: 'feedback',
    name: 'feedback-rated',
    version: 1,
    visibility: 'public',
    summary: "A representative rated the answer to their feedback (1-5).",
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...feedbackRefRequired, 'departmentId', 'rating', 'ratedAt'],
      properties: { ...feedbackRefProperties, departmentId: agencyCode, rating: { type: 'integer', minimum: 1, maximum: 5 }, ratedAt: dateTime },
    },
    example: { ...EXAMPLE_FEEDBACK_REF, departmentId: 'tax-bureau', rating: 4, ratedAt: '2026-12-11T01:00:00.000Z' },
  });
}
