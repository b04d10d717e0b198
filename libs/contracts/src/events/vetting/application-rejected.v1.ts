import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../scheduling/open-day-published.v2';
import { applicantRefProperties, applicantRefRequired, dateTime, EXAMPLE_REF, reasonCode, type ApplicantRef } from './common';

/**
 * An applicant is not selected and will not be: screened out, no places for their category,
 * rejected by the selection group, or refused by a co-signing department.
 */
export class ApplicationRejectedV1 implements ApplicantRef {
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  category: ApplicantCategory;
  /**
   * The main reason: a screening code (age-below-minimum, age-above-maximum, district-not-eligible,
   * duplicate-application, no-show-record), no-places-for-category, rejected-by-selection-group
   * or joint-review-refused.
   */
  reasonCode: string;
  reasonCodes: string[];
  /** The department that refused, for joint-review-refused; else null. */
  refusedBy: string | null;
  rejectedAt: string;

  static readonly contract = defineEvent<ApplicationRejectedV1>({
    service: 'vetting',
    name: 'application-rejected',
    version: 1,
    visibility: 'public',
    summary: 'An applicant is not selected, with the reason code.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...applicantRefRequired, 'category', 'reasonCode', 'reasonCodes', 'refusedBy', 'rejectedAt'],
      properties: {
        ...applicantRefProperties,
        category: { enum: [...APPLICANT_CATEGORIES] },
        reasonCode,
        reasonCodes: { type: 'array', minItems: 1, items: reasonCode },
        refusedBy: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
        rejectedAt: dateTime,
      },
    },
    example: {
      ...EXAMPLE_REF,
      category: 'ordinary-citizen',
      reasonCode: 'district-not-eligible',
      reasonCodes: ['district-not-eligible'],
      refusedBy: null,
      rejectedAt: '2026-11-21T01:30:01.000Z',
    },
  });
}
