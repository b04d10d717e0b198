import { defineEvent } from '../../event-contract';
import { agencyCode, dateTime, EXAMPLE_FEEDBACK_REF, feedbackRefProperties, feedbackRefRequired, type FeedbackRef } from './feedback-parts';

/** Staff assigned an item to the responsible department (交办) with a due date. */
export class FeedbackAssignedV1 implements FeedbackRef {
  feedbackId: string;
  openDayId: string;
  agencyId: string;
  /** The responsible department, an agency code from the directory. */
  departmentId: string;
  /** Asia/Shanghai date by which the department answers (15 working days unless set). */
  dueDate: string;
  assignedAt: string;

  static readonly contract = defineEvent<FeedbackAssignedV1>({
    service: 'feedback',
    name: 'feedback-assigned',
    version: 1,
    visibility: 'public',
    summary: 'A feedback item was assigned to a responsible department with a due date.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...feedbackRefRequired, 'departmentId', 'dueDate', 'assignedAt'],
      properties: { ...feedbackRefProperties, departmentId: agencyCode, dueDate: { type: 'string', format: 'date' }, assignedAt: dateTime },
    },
    example: { ...EXAMPLE_FEEDBACK_REF, departmentId: 'tax-bureau', dueDate: '2026-12-21', assignedAt: '2026-11-30T02:00:00.000Z' },
  });
}
