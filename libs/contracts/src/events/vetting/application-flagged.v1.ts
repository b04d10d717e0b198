import { defineEvent } from '../../event-contract';
import { applicantRefProperties, applicantRefRequired, dateTime, EXAMPLE_REF, type ApplicantRef } from './common';

/**
 * The 2-working-day answer rule was broken: two working days after the registration window
 * closed, this applicant still had no answer (neither selected, rejected nor waitlisted, or a
 * selection still waiting for joint review). Flagged to the city office.
 */
export class ApplicationFlaggedV1 implements ApplicantRef {
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  /** eligible (no decision yet) or awaiting-joint-review. */
  state: 'eligible' | 'awaiting-joint-review';
  registrationClosedAt: string;
  /** The last working day an answer was due on (Asia/Shanghai). */
  answerDueDate: string;
  flaggedAt: string;

  static readonly contract = defineEvent<ApplicationFlaggedV1>({
    service: 'vetting',
    name: 'application-flagged',
    version: 1,
    visibility: 'public',
    summary: 'An applicant had no answer 2 working days after the registration window closed; flagged to the city office.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...applicantRefRequired, 'agencyId', 'state', 'registrationClosedAt', 'answerDueDate', 'flaggedAt'],
      properties: {
        ...applicantRefProperties,
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        state: { enum: ['eligible', 'awaiting-joint-review'] },
        registrationClosedAt: dateTime,
        answerDueDate: { type: 'string', format: 'date' },
        flaggedAt: dateTime,
      },
    },
    example: {
      ...EXAMPLE_REF,
      agencyId: 'water-affairs-bureau',
      state: 'eligible',
      registrationClosedAt: '2026-11-26T08:00:00.000Z',
      answerDueDate: '2026-11-30',
      flaggedAt: '2026-11-30T16:00:00.000Z',
    },
  });
}
