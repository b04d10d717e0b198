import { defineEvent } from '../../event-contract';
import { agencyCode, ANSWER_OUTCOMES, dateTime, EXAMPLE_FEEDBACK_REF, feedbackRefProperties, feedbackRefRequired, uuid, type AnswerOutcome, type FeedbackRef } from './feedback-parts';

/**
 * The department answered (反馈). Carries the answer as the representative is
 * to read it; `personId` says whom to tell (null when nobody can be told).
 */
export class FeedbackAnsweredV1 implements FeedbackRef {
  feedbackId: string;
  openDayId: string;
  agencyId: string;
  departmentId: string;
  personId: string | null;
  outcome: AnswerOutcome;
  /** For will-be-solved: the promised date (Asia/Shanghai). */
  promisedBy: string | null;
  /** For not-our-remit: the body it was passed to. */
  passedTo: string | null;
  answer: string;
  /** Whether it came after the due date. */
  late: boolean;
  answeredAt: string;

  static readonly contract = defineEvent<FeedbackAnsweredV1>({
    service: 'feedback',
    name: 'feedback-answered',
    version: 1,
    visibility: 'public',
    summary: "The responsible department answered a feedback item with an outcome and a text; the representative is to be told.",
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...feedbackRefRequired, 'departmentId', 'personId', 'outcome', 'promisedBy', 'passedTo', 'answer', 'late', 'answeredAt'],
      properties: {
        ...feedbackRefProperties,
        departmentId: agencyCode,
        personId: { ...uuid, type: ['string', 'null'] },
        outcome: { enum: [...ANSWER_OUTCOMES] },
        promisedBy: { type: ['string', 'null'], format: 'date' },
        passedTo: { type: ['string', 'null'], minLength: 1, maxLength: 200 },
        answer: { type: 'string', minLength: 1, maxLength: 4000 },
        late: { type: 'boolean' },
        answeredAt: dateTime,
      },
    },
    example: {
      ...EXAMPLE_FEEDBACK_REF,
      departmentId: 'tax-bureau',
      personId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
      outcome: 'will-be-solved',
      promisedBy: '2027-03-31',
      passedTo: null,
      answer: '已列入明年一季度改造计划，届时办税大厅将增设 4 个自助终端。',
      late: false,
      answeredAt: '2026-12-10T06:00:00.000Z',
    },
  });
}
