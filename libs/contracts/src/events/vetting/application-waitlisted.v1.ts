import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../scheduling/open-day-published.v2';
import { applicantRefProperties, applicantRefRequired, dateTime, EXAMPLE_REF, reasonCode, type ApplicantRef } from './common';

/** An applicant is put on the waiting list at a position (1 = first to move up). */
export class ApplicationWaitlistedV1 implements ApplicantRef {
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  category: ApplicantCategory;
  position: number;
  /** What stopped them: category-quota-full, capacity-full, reserved-for-ordinary-citizens, media-places-full, waitlisted-by-selection-group. */
  reasonCode: string;
  waitlistedAt: string;

  static readonly contract = defineEvent<ApplicationWaitlistedV1>({
    service: 'vetting',
    name: 'application-waitlisted',
    version: 1,
    visibility: 'public',
    summary: 'An applicant is put on the waiting list, with their position and what stopped them.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...applicantRefRequired, 'category', 'position', 'reasonCode', 'waitlistedAt'],
      properties: {
        ...applicantRefProperties,
        category: { enum: [...APPLICANT_CATEGORIES] },
        position: { type: 'integer', minimum: 1 },
        reasonCode,
        waitlistedAt: dateTime,
      },
    },
    example: { ...EXAMPLE_REF, category: 'party-member', position: 3, reasonCode: 'category-quota-full', waitlistedAt: '2026-11-26T08:00:02.000Z' },
  });
}
