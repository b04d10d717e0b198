import { defineEvent } from '../../event-contract';

/** The applicant withdrew an application (every person in it, for a group); vetting frees any place it held. */
export class ApplicationWithdrawnV1 {
  applicationId: string;
  openDayId: string;
  withdrawnAt: string;

  static readonly contract = defineEvent<ApplicationWithdrawnV1>({
    service: 'registration',
    name: 'application-withdrawn',
    version: 1,
    visibility: 'public',
    summary: 'An application for an open day was withdrawn by the applicant.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['applicationId', 'openDayId', 'withdrawnAt'],
      properties: {
        applicationId: { type: 'string', format: 'uuid' },
        openDayId: { type: 'string', format: 'uuid' },
        withdrawnAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      applicationId: '3d6f0a52-8c1e-4b7a-9f41-2e5d7c9b1a08',
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      withdrawnAt: '2026-11-23T06:12:00.000Z',
    },
  });
}
