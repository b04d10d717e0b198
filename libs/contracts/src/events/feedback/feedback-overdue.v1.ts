import { defineEvent } from '../../event-contract';
import { agencyCode, dateTime, EXAMPLE_FEEDBACK_REF, feedbackRefProperties, feedbackRefRequired, type FeedbackRef } from './feedback-parts';

/**
 * An assigned item passed its due date unanswered (督办): the department is
 * chased. Emitted when it becomes overdue and again at each further chase.
 */
export class FeedbackOverdueV1 implements FeedbackRef {
  feedbackId: string;
  openDayId: string;
  agencyId: string;
  departmentId: string;
  dueDate: string;
  /** Working days past the due date. */
  workingDaysOverdue: number;
  /** 1 for the first chase. */
  chaseNumber: number;
  chasedAt: string;

  static readonly contract = defineEvent<FeedbackOverdueV1>({
    service: 'feedback',
    name: 'feedback-overdue',
    version: 1,
    visibility: 'public',
    summary: 'An assigned feedback item is past its due date unanswered; the department is chased.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...feedbackRefRequired, 'departmentId', 'dueDate', 'workingDaysOverdue', 'chaseNumber', 'chasedAt'],
      properties: {
        ...feedbackRefProperties,
        departmentId: agencyCode,
        dueDate: { type: 'string', format: 'date' },
        workingDaysOverdue: { type: 'integer', minimum: 1 },
        chaseNumber: { type: 'integer', minimum: 1 },
        chasedAt: dateTime,
      },
    },
    example: { ...EXAMPLE_FEEDBACK_REF, departmentId: 'tax-bureau', dueDate: '2026-12-21', workingDaysOverdue: 1, chaseNumber: 1, chasedAt: '2026-12-22T00:00:05.000Z' },
  });
}
