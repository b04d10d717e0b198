import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../scheduling/open-day-published.v2';
import { applicantRefProperties, applicantRefRequired, dateTime, EXAMPLE_REF, reasonCode, type ApplicantRef } from './common';

/**
 * Vetting screened one person of an application against the open day's eligibility rules
 * (age on the session's date, district, duplicate, no-show register). Ids, category and
 * reason codes only.
 */
export class ApplicationScreenedV1 implements ApplicantRef {
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  category: ApplicantCategory;
  eligible: boolean;
  /** Every rule broken (age-below-minimum, age-above-maximum, district-not-eligible, duplicate-application, no-show-record); empty when eligible. */
  reasonCodes: string[];
  screenedAt: string;

  static readonly contract = defineEvent<ApplicationScreenedV1>({
    service: 'vetting',
    name: 'application-screened',
    version: 1,
    visibility: 'public',
    summary: 'An applicant was screened against the eligibility rules, with the reason codes of every rule broken.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...applicantRefRequired, 'category', 'eligible', 'reasonCodes', 'screenedAt'],
      properties: {
        ...applicantRefProperties,
        category: { enum: [...APPLICANT_CATEGORIES] },
        eligible: { type: 'boolean' },
        reasonCodes: { type: 'array', items: reasonCode },
        screenedAt: dateTime,
      },
    },
    example: { ...EXAMPLE_REF, category: 'ordinary-citizen', eligible: false, reasonCodes: ['age-below-minimum'], screenedAt: '2026-11-21T01:30:01.000Z' },
  });
}
