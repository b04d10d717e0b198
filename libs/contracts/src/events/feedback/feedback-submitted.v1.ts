import { defineEvent } from '../../event-contract';
import { dateTime, EXAMPLE_FEEDBACK_REF, FEEDBACK_TOPICS, feedbackRefProperties, feedbackRefRequired, uuid, type FeedbackRef, type FeedbackTopic } from './feedback-parts';

export const FEEDBACK_SOURCES = ['representative', 'recorded-by-staff'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/**
 * An opinion or suggestion was collected: given by a checked-in representative,
 * or recorded by agency staff on a representative's behalf (at a forum). The
 * text stays in the feedback service; subscribers get the facts.
 */
export class FeedbackSubmittedV1 implements FeedbackRef {
  feedbackId: string;
  openDayId: string;
  agencyId: string;
  /** The representative it came from (their ticket's person), or null when staff recorded an unnamed speaker. */
  personId: string | null;
  topic: FeedbackTopic;
  source: FeedbackSource;
  submittedAt: string;

  static readonly contract = defineEvent<FeedbackSubmittedV1>({
    service: 'feedback',
    name: 'feedback-submitted',
    version: 1,
    visibility: 'public',
    summary: 'An opinion or suggestion was collected from a representative (or recorded by staff on their behalf).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...feedbackRefRequired, 'personId', 'topic', 'source', 'submittedAt'],
      properties: {
        ...feedbackRefProperties,
        personId: { ...uuid, type: ['string', 'null'] },
        topic: { enum: [...FEEDBACK_TOPICS] },
        source: { enum: [...FEEDBACK_SOURCES] },
        submittedAt: dateTime,
      },
    },
    example: {
      ...EXAMPLE_FEEDBACK_REF,
      personId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
      topic: 'public-service',
      source: 'representative',
      submittedAt: '2026-11-29T03:10:00.000Z',
    },
  });
}
