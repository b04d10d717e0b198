import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES } from '../scheduling/open-day-published.v2';
import { ApplicationWaitlistedV1 } from './application-waitlisted.v1';
import { applicantRefProperties, applicantRefRequired, dateTime, EXAMPLE_REF, groupReason, reasonCode } from './common';

/**
 * v1 and the selection group's own reason, for the applicant's message. Published beside the
 * public v1 on an internal subject: the reason is free text written by staff.
 */
export class ApplicationWaitlistedV2 extends ApplicationWaitlistedV1 {
  /** What the selection group wrote when it waitlisted this applicant; null if it gave none or did not decide. */
  groupReason: string | null;

  static override readonly contract = defineEvent<ApplicationWaitlistedV2>({
    service: 'vetting',
    name: 'application-waitlisted',
    version: 2,
    visibility: 'internal',
    summary: 'An applicant is put on the waiting list, with their position, what stopped them and the selection group\'s reason in its words (internal).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...applicantRefRequired, 'category', 'position', 'reasonCode', 'groupReason', 'waitlistedAt'],
      properties: {
        ...applicantRefProperties,
        category: { enum: [...APPLICANT_CATEGORIES] },
        position: { type: 'integer', minimum: 1 },
        reasonCode,
        groupReason,
        waitlistedAt: dateTime,
      },
    },
    example: {
      ...EXAMPLE_REF,
      category: 'party-member',
      position: 3,
      reasonCode: 'waitlisted-by-selection-group',
      groupReason: '同类别报名人数较多，按报名先后列入候补',
      waitlistedAt: '2026-11-26T08:00:02.000Z',
    },
  });
}
