/** Schema parts the vetting events share. */
export const uuid = { type: 'string', format: 'uuid' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const reasonCode = { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$', maxLength: 64 } as const;
/** The selection group's reason as staff wrote it (the decisions API takes up to 500 characters), or null. */
export const groupReason = { type: ['string', 'null'], minLength: 1, maxLength: 500, pattern: '\\S' } as const;

/** The person applied and their open day: every vetting event about one applicant starts with these. */
export interface ApplicantRef {
  applicationId: string;
  /** The person within the application (a group application has several); the unit selection works on. */
  personId: string;
  openDayId: string;
  sessionId: string;
}

export const applicantRefRequired = ['applicationId', 'personId', 'openDayId', 'sessionId'] as const;
export const applicantRefProperties = { applicationId: uuid, personId: uuid, openDayId: uuid, sessionId: uuid } as const;

export const EXAMPLE_REF: ApplicantRef = {
  applicationId: '3d6f0a52-8c1e-4b7a-9f41-2e5d7c9b1a08',
  personId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
  openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
  sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
};
