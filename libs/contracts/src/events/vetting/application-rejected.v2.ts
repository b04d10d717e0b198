import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES } from '../scheduling/open-day-published.v2';
import { ApplicationRejectedV1 } from './application-rejected.v1';
import { applicantRefProperties, applicantRefRequired, dateTime, EXAMPLE_REF, groupReason, reasonCode } from './common';

/**
 * v1 and the selection group's own reason, for the applicant's message. Published beside the
 * public v1 on an internal subject: the reason is free text written by staff, and subscriber
 * systems get the facts (v1), not the words.
 */
export class ApplicationRejectedV2 extends ApplicationRejectedV1 {
  /** What the selection group wrote when it rejected this applicant; null for every other rejection. */
  groupReason: string | null;

  static override readonly contract = defineEvent<ApplicationRejectedV2>({
    service: 'vetting',
    name: 'application-rejected',
    version: 2,
    visibility: 'internal',
    summary: 'An applicant is not selected, with the reason code and the selection group\'s reason in its words (internal).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...applicantRefRequired, 'category', 'reasonCode', 'reasonCodes', 'refusedBy', 'groupReason', 'rejectedAt'],
      properties: {
        ...applicantRefProperties,
        category: { enum: [...APPLICANT_CATEGORIES] },
        reasonCode,
        reasonCodes: { type: 'array', minItems: 1, items: reasonCode },
        refusedBy: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
        groupReason,
        rejectedAt: dateTime,
      },
    },
    example: {
      ...EXAMPLE_REF,
      category: 'ordinary-citizen',
      reasonCode: 'rejected-by-selection-group',
      reasonCodes: ['rejected-by-selection-group'],
      refusedBy: null,
      groupReason: '本场以水厂周边社区居民为主，您的报名材料未说明与本场主题的关系',
      rejectedAt: '2026-11-21T01:30:01.000Z',
    },
  });
}
